import { getTranslations } from 'next-intl/server';
import { Chart } from '@/components/chart';
import { FilterField, FilterForm } from '@/components/ui/filter-form';
import { Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { problemsFor } from '@/lib/insights/queries';
import { can } from '@/lib/policy';
import { cstDay, periodOf } from '@/lib/calendar';
import { previousQuarter } from '@/lib/self-check/rules';
import { FocusForm } from './_components/focus-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('learning', 'problemsTitle');

const nextQuarter = (q: string) =>
  q.endsWith('Q4') ? `${Number(q.slice(0, 4)) + 1}-Q1` : `${q.slice(0, 5)}Q${Number(q.slice(6)) + 1}`;

/** Common problems of a quarter: which criteria lost the most points in how many units, and their articles. */
export default async function ProblemsPage({
  searchParams,
}: {
  searchParams: Promise<{ quarter?: string }>;
}) {
  const user = await requirePermission('insights.read');
  const q = (await searchParams).quarter;
  const quarter =
    q && /^\d{4}-Q[1-4]$/.test(q) ? q : previousQuarter(periodOf('QUARTER', cstDay(new Date())).key);
  const [t, ti, { rows, articles: ranked }] = await Promise.all([
    getTranslations('learning'),
    getTranslations('insights'),
    problemsFor(user, quarter),
  ]);
  const target = nextQuarter(quarter);
  return (
    <div className="space-y-4">
      <PageHeader title={`${t('problemsTitle')} · ${quarter}`} description={t('problemsIntro')} />
      <Card>
        <FilterForm inline applyLabel={ti('apply')}>
          <FilterField label={t('quarter')}>
            <Input name="quarter" defaultValue={quarter} className="w-32" />
          </FilterField>
        </FilterForm>
      </Card>
      <Card title={ti('pareto')}>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noProblems')}</p>
        ) : (
          <>
            <Chart
              testId="chart-problems"
              fileName={`problems-${quarter}`}
              downloadLabel={ti('download')}
              rows={rows.map(({ articleIds: _a, criterionId: _c, ...r }) => r)}
              option={{
                tooltip: {},
                legend: {},
                xAxis: { type: 'category', data: rows.map((r) => r.code) },
                yAxis: [
                  { type: 'value', name: ti('points') },
                  { type: 'value', name: t('units') },
                ],
                series: [
                  { name: ti('points'), type: 'bar', data: rows.map((r) => r.points) },
                  { name: t('units'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.units) },
                ],
              }}
            />
            <div className="mt-3">
              <Table
                testId="problems-table"
                framed={false}
                rows={rows}
                rowKey={(r) => r.criterionId}
                empty={t('noProblems')}
                columns={[
                  { key: 'criterion', header: t('criterion'), cell: (r) => `${r.code} ${r.title}` },
                  { key: 'points', header: ti('points'), cell: (r) => r.points },
                  { key: 'units', header: t('units'), cell: (r) => r.units },
                ]}
              />
            </div>
          </>
        )}
      </Card>
      {can(user, 'learning.manage') && ranked.length > 0 && (
        <Card title={t('createFocus', { period: target })}>
          <FocusForm
            periodKey={target}
            sourceQuarter={quarter}
            title={t('defaultTitle', { period: target })}
            body={t('defaultBody', { quarter })}
            articles={ranked.map((a, i) => ({
              id: a.id,
              label: `第${a.number}条 ${a.title}`,
              preselected: i < 5,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
