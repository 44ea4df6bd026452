import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import type { TQuestion } from '@/lib/exams/schema';
import { QuestionForm } from '../../_components/question-form';
import { questionForEditFor } from '@/lib/exams/queries/bank';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';
import { isUuid } from '@/lib/validation';

export const generateMetadata = pageTitle('bank', 'form.editTitle');

/** Only the current version is edited; once an attempt has used it, saving makes the next version. */
export default async function EditQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('learning.manage');
  const { id } = await pageParams(params);
  if (!isUuid(id)) notFound();
  const [t, { q, articles, used }] = await Promise.all([
    getTranslations('bank'),
    load(() => questionForEditFor(user, id)),
  ]);
  const values: TQuestion = {
    type: q.type,
    stem: q.stem,
    options: q.options as TQuestion['options'],
    answer: q.answer as TQuestion['answer'],
    points: q.points,
    difficulty: q.difficulty,
    articleKeys: q.articleKeys,
    tags: q.tags,
  };
  return (
    <div className="space-y-4">
      <PageHeader title={t('form.editTitle')} description={t('version', { version: q.version })} />
      {used > 0 && (
        <p
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="used-notice"
        >
          {t('form.usedNotice', { next: q.version + 1, version: q.version })}
        </p>
      )}
      <Card>
        <QuestionForm articles={articles} question={{ id: q.id, values }} />
      </Card>
    </div>
  );
}
