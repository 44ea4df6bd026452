import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { currentWeightsNow, latestResultsFor } from '@/lib/annual/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { ComputeForm } from './_components/compute-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('annual'))('title') };
}

export default async function AnnualPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission('annual.compute');
  const thisYear = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const year = Number((await searchParams).year) || thisYear;
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
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="annual-table">
                <thead className="text-left text-stone-600">
                  <tr>
                    {[
                      'unit',
                      'group',
                      'audit',
                      'reminders',
                      'rectification',
                      'exam',
                      'score',
                      'grade',
                      'rank',
                    ].map((k) => (
                      <th key={k} className="p-2">
                        {t(k)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {latest.results.map((r) => {
                    const i = r.inputs as Record<string, number | null>;
                    return (
                      <tr key={r.id} className="border-t border-stone-100">
                        <td className="p-2">{r.org.name}</td>
                        <td className="p-2">{t(`groups.${r.peerGroup}` as never)}</td>
                        {(['audit', 'reminders', 'rectification', 'exam'] as const).map((c) => (
                          <td key={c} className="p-2">
                            {i[c] ?? '—'}
                          </td>
                        ))}
                        <td className="p-2 font-semibold">{r.score}</td>
                        <td className="p-2">{tb(r.grade as never)}</td>
                        <td className="p-2">{r.rank}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
