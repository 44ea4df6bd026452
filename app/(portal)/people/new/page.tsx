import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { peopleOptions } from '@/lib/people/queries/roster';
import { PersonForm } from '../_components/person-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('people', 'new');

export default async function NewPersonPage({ searchParams }: { searchParams: Promise<{ orgId?: string }> }) {
  const user = await requirePermission('person.manage');
  const [t, options, sp] = await Promise.all([getTranslations('people'), peopleOptions(user), searchParams]);
  const orgId = options.partyUnits.find((o) => o.manage && o.id === sp.orgId)?.id;
  return (
    <div className="space-y-4">
      <PageHeader title={t('new')} description={t('newIntro')} />
      <PersonForm options={options} values={{ orgId }} />
    </div>
  );
}
