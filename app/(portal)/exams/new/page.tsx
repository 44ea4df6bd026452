import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { requirePermission } from '@/lib/auth/current-user';
import { articlesForProposals } from '@/lib/handbook/queries';
import { trainingListFor } from '@/lib/training/queries';
import { ExamForm } from './_components/exam-form';
import { bankCountsNow } from '@/lib/exams/queries/bank';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('exams', 'form.new');

const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

export default async function NewExamPage() {
  const user = await requirePermission('learning.manage');
  const [t, orgs, bank, articles, trainings] = await Promise.all([
    getTranslations('exams'),
    unitChoices(user, 'addressable'),
    bankCountsNow(),
    articlesForProposals(),
    trainingListFor(user),
  ]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <PageHeader title={t('form.new')} description={t('form.intro')} />
      <Card>
        <ExamForm
          orgs={orgs}
          bank={bank}
          articles={articles}
          trainings={trainings.rows.map((r) => ({ id: r.id, label: r.title }))}
          defaults={{ opensAt: local(now), closesAt: local(new Date(now.getTime() + 7 * 86_400_000)) }}
        />
      </Card>
    </div>
  );
}
