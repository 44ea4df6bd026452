import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ChartCard } from '@/components/chart-card';
import { PortalPage } from '@/components/page/portal-page';
import { Card } from '@/components/ui/card';
import { FilterField, FilterForm, UnitFilter } from '@/components/ui/filter-form';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { insightsFor } from '@/lib/insights/queries';
import { supervisableOrgsFor } from '@/lib/reminders/queries';
import {
  categoryChart,
  horizontalBars,
  line,
  percent,
  percentAxis,
  stackedBars,
} from './_components/chart-options';
import { pageTitle } from '@/lib/page-title';
import { yearParam } from '@/lib/search-params';
import { compact } from '@/lib/static-markup';

export const generateMetadata = pageTitle('insights');

const BANDS = ['<60', '60–70', '70–80', '80–90', '90+'];
const STATUSES = ['OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];
export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission('insights.read');
  const sp = await searchParams;
  const now = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const to = yearParam(sp.to, now, now);
  const from = Math.max(to - 3, Math.min(to, yearParam(sp.from, to - 1, now)));
  const orgId = z.uuid().safeParse(sp.orgId).data;
  const [t, tf, d, orgs] = await Promise.all([
    getTranslations('insights'),
    getTranslations('feedback'),
    insightsFor(user, { orgId, from, to }),
    supervisableOrgsFor(user, orgId),
  ]);
  const quarters = [...new Set(d.distribution.map((r) => r.quarter))];
  const latest = quarters.at(-1);
  const ranking = d.scores.filter((r) => r.quarter === latest).sort((a, b) => b.score - a.score);
  const units = [...new Set(d.scores.map((r) => r.unit))].slice(0, 8);
  const total = d.pareto.reduce((s, r) => s + r.points, 0);
  const pareto = d.pareto.map((r, i) => {
    const upTo = d.pareto.slice(0, i + 1).reduce((s, x) => s + x.points, 0);
    return { ...r, cumulative: Math.round((upTo / (total || 1)) * 1000) / 10 };
  });
  /** What every chart card here has: its title, test id and file name, and the download's label. */
  const card = (title: string, testId: string, fileName: string) => ({
    title,
    testId,
    fileName,
    downloadLabel: t('download'),
  });
  const closureQuarters = [...new Set(d.closure.map((r) => r.quarter))];
  // The page's read-only parts are written as HTML; its forms and charts stay React's (lib/static-markup).
  return compact(
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[{ href: '/insights/annual', label: t('annual') }]}
    >
      <Card>
        <FilterForm className="sm:grid-cols-4" applyLabel={t('apply')}>
          <UnitFilter label={t('unit')} value={orgId} orgs={orgs} empty={t('allUnits')} />
          <FilterField label={t('from')}>
            <Input name="from" type="number" defaultValue={from} />
          </FilterField>
          <FilterField label={t('to')}>
            <Input name="to" type="number" defaultValue={to} />
          </FilterField>
        </FilterForm>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          {...card(t('distribution'), 'chart-distribution', 'score-distribution')}
          rows={d.distribution}
          option={stackedBars({
            quarters,
            keys: BANDS,
            rows: d.distribution,
            keyOf: (r) => r.band,
            yAxis: { type: 'value', name: t('units') },
          })}
        />
        <ChartCard
          {...card(t('ranking', { quarter: latest ?? '—' }), 'chart-ranking', 'ranking')}
          rows={ranking}
          height={Math.max(240, ranking.length * 26)}
          option={horizontalBars({
            categories: ranking.map((r) => r.unit),
            inverse: true,
            xAxis: { min: 0, max: 100 },
            bar: { data: ranking.map((r) => r.score), label: { show: true, position: 'right' } },
          })}
        />
        <ChartCard
          {...card(t('trend'), 'chart-trend', 'trend')}
          rows={d.scores}
          option={categoryChart({
            categories: quarters,
            legend: { type: 'scroll' },
            yAxis: { type: 'value', min: 40, max: 100 },
            series: units.map((u) =>
              line(
                u,
                quarters.map((q) => d.scores.find((r) => r.unit === u && r.quarter === q)?.score ?? null),
              ),
            ),
          })}
        />
        <ChartCard
          {...card(t('completion'), 'chart-completion', 'completion')}
          rows={d.completion}
          option={categoryChart({
            categories: d.completion.map((r) => r.month),
            yAxis: percentAxis(),
            series: [
              line(
                t('doneRate'),
                d.completion.map((r) => percent(r.done, r.due)),
              ),
              line(
                t('onTimeRate'),
                d.completion.map((r) => percent(r.onTime, r.due)),
              ),
            ],
          })}
        />
        <ChartCard
          {...card(t('pareto'), 'chart-pareto', 'deduction-pareto')}
          actions={
            <Link href="/insights/problems" className="text-sm text-brand-700 underline">
              {t('problems')} →
            </Link>
          }
          rows={pareto.map(({ articleIds: _a, criterionId: _c, ...r }) => r)}
          option={categoryChart({
            categories: pareto.map((r) => r.code),
            axisLabel: { rotate: 45 },
            yAxis: [{ type: 'value', name: t('points') }, percentAxis()],
            series: [
              { name: t('points'), type: 'bar', data: pareto.map((r) => r.points) },
              {
                ...line(
                  t('cumulative'),
                  pareto.map((r) => r.cumulative),
                ),
                yAxisIndex: 1,
              },
            ],
          })}
        />
        <ChartCard
          {...card(t('closure'), 'chart-closure', 'rectification')}
          rows={d.closure}
          option={stackedBars({
            quarters: closureQuarters,
            keys: STATUSES,
            rows: d.closure,
            keyOf: (r) => r.status,
            nameOf: (k) => tf(`statuses.${k}`),
            yAxis: { type: 'value' },
          })}
        />
        <ChartCard
          {...card(t('flagged'), 'chart-flagged', 'flagged-units')}
          rows={d.gaps.map((g) => ({
            unit: g.orgName,
            quarter: g.quarter,
            self: g.selfTotal,
            audit: g.auditTotal,
            gap: g.gap,
            backfill: g.backfill,
          }))}
          option={horizontalBars({
            categories: d.gaps.map((g) => `${g.orgName} ${g.quarter}`),
            xAxis: { name: t('gap') },
            bar: { data: d.gaps.map((g) => g.gap), itemStyle: { color: '#b91c1c' } },
          })}
        />
      </div>
    </PortalPage>,
  );
}
