import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { GradeForm } from './_components/grade-form';
import { examResultsFor } from '@/lib/exams/queries/exams';
import { pageParams } from '@/lib/route-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('exams'))('results') };
}

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const r = await load(() => examResultsFor(user, id));
  const t = await getTranslations('exams');
  return (
    <div className="space-y-4">
      <PageHeader title={`${r.exam.title} · ${t('results')}`} />
      {r.pending.length > 0 && (
        <Card title={t('grading.title', { n: r.pending.length })}>
          <p className="text-sm text-stone-600">{t('grading.intro')}</p>
          {r.pending.map((p) => (
            <GradeForm key={`${p.attemptId}:${p.questionId}`} item={p} />
          ))}
        </Card>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('byUnit')}>
          <table className="w-full text-sm" data-testid="results-units">
            <thead className="text-left text-stone-600">
              <tr>
                <th className="p-2">{t('unit')}</th>
                <th className="p-2">{t('count')}</th>
                <th className="p-2">{t('average')}</th>
                <th className="p-2">{t('passRate')}</th>
              </tr>
            </thead>
            <tbody>
              {r.orgs.map((o) => (
                <tr key={o.name} className="border-t border-stone-100">
                  <td className="p-2">{o.name}</td>
                  <td className="p-2">{o.count}</td>
                  <td className="p-2">{o.average}</td>
                  <td className="p-2">{o.passRate}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t('byArticle')}>
          <table className="w-full text-sm" data-testid="results-articles">
            <thead className="text-left text-stone-600">
              <tr>
                <th className="p-2">{t('article')}</th>
                <th className="p-2">{t('asked')}</th>
                <th className="p-2">{t('wrongRate')}</th>
              </tr>
            </thead>
            <tbody>
              {r.articles.slice(0, 15).map((x) => (
                <tr key={x.key} className="border-t border-stone-100">
                  <td className="p-2">{x.label}</td>
                  <td className="p-2">{x.asked}</td>
                  <td className="p-2">{x.wrongRate}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card title={t('byPerson')}>
        <table className="w-full text-sm" data-testid="results-people">
          <thead className="text-left text-stone-600">
            <tr>
              <th className="p-2">{t('person')}</th>
              <th className="p-2">{t('unit')}</th>
              <th className="p-2">{t('score')}</th>
              <th className="p-2">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {r.people.map((p) => (
              <tr key={p.id} className="border-t border-stone-100">
                <td className="p-2">{p.name}</td>
                <td className="p-2">{p.org}</td>
                <td className="p-2">
                  {p.score ?? '—'} / {p.maxScore}
                </td>
                <td className="p-2">
                  {p.status === 'GRADED' ? (
                    <Badge tone={p.passed ? 'green' : 'red'}>{p.passed ? t('passed') : t('failed')}</Badge>
                  ) : (
                    <Badge tone="amber">{t('awaiting')}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
