import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { requirePermission } from '@/lib/auth/current-user';
import { articlesForProposals } from '@/lib/handbook/queries';
import { invitablePeopleFor } from '@/lib/training/queries';
import { TrainingForm } from './_components/training-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('training', 'new');

export default async function NewTrainingPage() {
  const user = await requirePermission('learning.manage');
  const [t, orgs, articles, people] = await Promise.all([
    getTranslations('training'),
    unitChoices(user, 'addressable'),
    articlesForProposals(),
    invitablePeopleFor(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('new')} description={t('formIntro')} />
      <Card>
        <TrainingForm orgs={orgs} articles={articles} people={people} />
      </Card>
    </div>
  );
}
