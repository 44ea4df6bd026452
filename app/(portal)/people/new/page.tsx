import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { peopleOptions } from '@/lib/people/queries/roster';
import { PersonForm } from '../_components/person-form';
import { pageTitle } from '@/lib/page-title';
import { isUuid } from '@/lib/validation';

export const generateMetadata = pageTitle('people', 'new');

export default async function NewPersonPage({ searchParams }: { searchParams: Promise<{ orgId?: string }> }) {
  const user = await requirePermission('person.manage');
  const sp = await searchParams;
  const [t, options] = await Promise.all([
    getTranslations('people'),
    peopleOptions(user, { orgId: isUuid(sp.orgId) ? sp.orgId : undefined }),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('new')} description={t('newIntro')} />
      <PersonForm options={options} values={{ orgId: options.orgId }} />
    </div>
  );
}
