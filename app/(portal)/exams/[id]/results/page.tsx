import { getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { GradeForm } from './_components/grade-form';
import { examResultsFor } from '@/lib/exams/queries/exams';
import { Pagination } from '@/components/pagination';
import { pagedRecord, type PagedRecordProps } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('exams', 'results');

export default async function ResultsPage(props: PagedRecordProps) {
  const user = await requireUser();
  const { id, page } = await pagedRecord(props);
  const r = await load(() => examResultsFor(user, id, undefined, page));
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
          {r.unitCount > r.orgs.length && (
            <p className="mb-2 text-xs text-stone-500" data-testid="results-units-shown">
              {t('unitsShown', { total: r.unitCount, shown: r.orgs.length })}
            </p>
          )}
          <Table
            testId="results-units"
            framed={false}
            rows={r.orgs}
            rowKey={(o) => o.name}
            empty={t('noResults')}
            columns={[
              { key: 'unit', header: t('unit'), cell: (o) => o.name },
              { key: 'count', header: t('count'), cell: (o) => o.count },
              { key: 'average', header: t('average'), cell: (o) => o.average },
              { key: 'passRate', header: t('passRate'), cell: (o) => `${o.passRate}%` },
            ]}
          />
        </Card>
        <Card title={t('byArticle')}>
          <Table
            testId="results-articles"
            framed={false}
            rows={r.articles.slice(0, 15)}
            rowKey={(x) => x.key}
            empty={t('noResults')}
            columns={[
              { key: 'article', header: t('article'), cell: (x) => x.label },
              { key: 'asked', header: t('asked'), cell: (x) => x.asked },
              { key: 'wrongRate', header: t('wrongRate'), cell: (x) => `${x.wrongRate}%` },
            ]}
          />
        </Card>
      </div>
      <Card title={t('byPerson')}>
        <Table
          testId="results-people"
          framed={false}
          rows={r.people}
          rowKey={(p) => p.id}
          empty={t('noResults')}
          columns={[
            { key: 'person', header: t('person'), cell: (p) => p.name },
            { key: 'unit', header: t('unit'), cell: (p) => p.org },
            {
              key: 'score',
              header: t('score'),
              cell: (p) => (
                <>
                  {p.score ?? '—'} / {p.maxScore}
                </>
              ),
            },
            {
              key: 'status',
              header: t('status'),
              cell: (p) =>
                p.status === 'GRADED' ? (
                  <Badge tone={p.passed ? 'green' : 'red'}>{p.passed ? t('passed') : t('failed')}</Badge>
                ) : (
                  <Badge tone="amber">{t('awaiting')}</Badge>
                ),
            },
          ]}
        />
        <Pagination page={r.page} pages={r.pages} href={(p) => `/exams/${r.exam.id}/results?page=${p}`} />
      </Card>
    </div>
  );
}
