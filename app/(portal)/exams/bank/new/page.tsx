import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { QuestionForm } from '../_components/question-form';
import { bankArticlesFor } from '@/lib/exams/queries/bank';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('bank', 'form.newTitle');

export default async function NewQuestionPage() {
  const user = await requirePermission('learning.manage');
  const [t, articles] = await Promise.all([getTranslations('bank'), load(() => bankArticlesFor(user))]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('form.newTitle')} description={t('form.intro')} />
      <Card>
        <QuestionForm articles={articles} />
      </Card>
    </div>
  );
}
