import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { publishedArticles } from '@/lib/exams/bank-import';
import { companyRoot } from '@/lib/orgs/company-root';
import { QuestionForm } from '../_components/question-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bank'))('form.newTitle') };
}

export default async function NewQuestionPage() {
  await requirePermission('learning.manage', await companyRoot(db));
  const [t, articles] = await Promise.all([getTranslations('bank'), publishedArticles(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('form.newTitle')} description={t('form.intro')} />
      <Card><QuestionForm articles={articles} /></Card>
    </div>
  );
}
