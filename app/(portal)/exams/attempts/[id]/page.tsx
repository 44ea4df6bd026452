import { getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { Paper } from './_components/paper';
import { attemptViewFor } from '@/lib/exams/queries/exams';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('exams');

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const { attempt: a, questions } = await load(() => attemptViewFor(user, id));
  const t = await getTranslations('exams');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={a.exam.title} />
      {a.status === 'IN_PROGRESS' ? (
        <Paper
          attemptId={a.id}
          deadline={a.deadline.toISOString()}
          saved={a.answers as Record<string, string>}
          questions={questions.map((q) => ({
            id: q.id,
            type: q.type,
            stem: q.stem,
            options: q.options as { id: string; text: string }[],
            points: q.points,
          }))}
        />
      ) : (
        <Card>
          <div data-testid="exam-result" className="space-y-2">
            {a.status === 'GRADED' ? (
              <p className="text-lg font-semibold">
                {t('result', { score: a.score ?? 0, max: a.maxScore })}{' '}
                <Badge tone={a.passed ? 'green' : 'red'}>{a.passed ? t('passed') : t('failed')}</Badge>
              </p>
            ) : (
              <p>{t('awaiting')}</p>
            )}
            <p className="text-sm text-stone-600">{t('passMark', { mark: a.exam.passMark })}</p>
          </div>
        </Card>
      )}
    </div>
  );
}
