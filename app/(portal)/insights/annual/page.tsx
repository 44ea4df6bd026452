import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { currentWeightsNow, latestResultsFor } from '@/lib/annual/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { ComputeForm } from './_components/compute-form';
import { pageTitle } from '@/lib/page-title';
import { yearParam } from '@/lib/search-params';

export const generateMetadata = pageTitle('annual');

export default async function AnnualPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission('annual.compute');
  const thisYear = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const year = yearParam((await searchParams).year, thisYear, thisYear);
  const [t, tb, format, weights, latest] = await Promise.all([
    getTranslations('annual'),
    getTranslations('handbook.bands'),
    getFormatter(),
    currentWeightsNow(),
    latestResultsFor(user, year),
  ]);
  const w = latest?.computation.weights as Record<string, number> | undefined;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t('title')} · ${year}`}
        description={t('intro')}
        actions={
          latest && (
            <a
              href={`/api/insights/annual?year=${year}`}
              className="min-h-11 content-center rounded-md border border-stone-300 bg-white px-4 text-sm"
            >
              {t('export')}
            </a>
          )
        }
      />
      <Card title={t('weights')}>
        <ComputeForm year={year} weights={weights} />
      </Card>
      <Card>
        {!latest ? (
          <p className="text-sm text-stone-600">{t('none')}</p>
        ) : (
          <>
            <p className="mb-2 text-xs text-stone-600" data-testid="annual-formula">
              {t('formula', {
                at: format.dateTime(latest.computation.computedAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: 'Asia/Shanghai',
                }),
                audit: w!.audit!,
                reminders: w!.reminders!,
                rectification: w!.rectification!,
                exam: w!.exam!,
              })}
            </p>
            <Table
              testId="annual-table"
              framed={false}
              rows={latest.results}
              rowKey={(r) => r.id}
              empty={t('noResults')}
              columns={[
                { key: 'unit', header: t('unit'), cell: (r) => r.org.name },
                { key: 'group', header: t('group'), cell: (r) => t(`groups.${r.peerGroup}` as never) },
                ...(['audit', 'reminders', 'rectification', 'exam'] as const).map((c) => ({
                  key: c,
                  header: t(c),
                  cell: (r: (typeof latest.results)[number]) =>
                    (r.inputs as Record<string, number | null>)[c] ?? '—',
                })),
                {
                  key: 'score',
                  header: t('score'),
                  cell: (r) => <span className="font-semibold">{r.score}</span>,
                },
                { key: 'grade', header: t('grade'), cell: (r) => tb(r.grade as never) },
                { key: 'rank', header: t('rank'), cell: (r) => r.rank },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
