import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { peopleOptions, personForEdit } from '@/lib/people/queries/roster';
import { pageParams } from '@/lib/route-params';
import { PersonForm } from '../../_components/person-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('people', 'edit');

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const user = await requireUser();
  const values = await load(() => personForEdit(user, id));
  const [t, options] = await Promise.all([
    getTranslations('people'),
    peopleOptions(user, { orgId: values.orgId, workOrgId: values.workOrgId }),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('editTitle', { name: values.name })} />
      <PersonForm options={options} values={values as never} />
    </div>
  );
}
