import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Chart } from '@/components/chart';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { insightsFor } from '@/lib/insights/queries';
import { supervisableOrgsFor } from '@/lib/reminders/queries';
import { OrgOptions } from '@/components/ui/org-options';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insights'))('title') };
}

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
  const to = Math.min(now, Number(sp.to) || now);
  const from = Math.max(to - 3, Math.min(to, Number(sp.from) || to - 1));
  const orgId = sp.orgId && /^[0-9a-f-]{36}$/.test(sp.orgId) ? sp.orgId : undefined;
  const [t, tf, d, orgs] = await Promise.all([
    getTranslations('insights'),
    getTranslations('feedback'),
    insightsFor(user, { orgId, from, to }),
    supervisableOrgsFor(user),
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
  const dl = t('download');
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Link
            href="/insights/annual"
            className="min-h-11 content-center rounded-md border border-stone-300 bg-white px-4 text-sm"
          >
            {t('annual')}
          </Link>
        }
      />
      <Card>
        <form className="grid gap-2 text-sm sm:grid-cols-4">
          <label className="flex flex-col gap-1">
            {t('unit')}
            <Select name="orgId" defaultValue={orgId ?? ''}>
              <OrgOptions orgs={orgs} emptyLabel={t('allUnits')} />
            </Select>
          </label>
          <label className="flex flex-col gap-1">
            {t('from')}
            <Input name="from" type="number" defaultValue={from} />
          </label>
          <label className="flex flex-col gap-1">
            {t('to')}
            <Input name="to" type="number" defaultValue={to} />
          </label>
          <div className="flex items-end">
            <Button type="submit" variant="secondary">
              {t('apply')}
            </Button>
          </div>
        </form>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('distribution')}>
          <Chart
            testId="chart-distribution"
            fileName="score-distribution"
            downloadLabel={dl}
            rows={d.distribution}
            option={{
              tooltip: {},
              legend: {},
              xAxis: { type: 'category', data: quarters },
              yAxis: { type: 'value', name: t('units') },
              series: BANDS.map((b) => ({
                name: b,
                type: 'bar',
                stack: 'all',
                data: quarters.map(
                  (q) => d.distribution.find((r) => r.quarter === q && r.band === b)?.n ?? 0,
                ),
              })),
            }}
          />
        </Card>
        <Card title={t('ranking', { quarter: latest ?? '—' })}>
          <Chart
            testId="chart-ranking"
            fileName="ranking"
            downloadLabel={dl}
            rows={ranking}
            height={Math.max(240, ranking.length * 26)}
            option={{
              tooltip: {},
              grid: { left: 170 },
              xAxis: { type: 'value', min: 0, max: 100 },
              yAxis: { type: 'category', inverse: true, data: ranking.map((r) => r.unit) },
              series: [
                { type: 'bar', data: ranking.map((r) => r.score), label: { show: true, position: 'right' } },
              ],
            }}
          />
        </Card>
        <Card title={t('trend')}>
          <Chart
            testId="chart-trend"
            fileName="trend"
            downloadLabel={dl}
            rows={d.scores}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { type: 'scroll' },
              xAxis: { type: 'category', data: quarters },
              yAxis: { type: 'value', min: 40, max: 100 },
              series: units.map((u) => ({
                name: u,
                type: 'line',
                data: quarters.map(
                  (q) => d.scores.find((r) => r.unit === u && r.quarter === q)?.score ?? null,
                ),
              })),
            }}
          />
        </Card>
        <Card title={t('completion')}>
          <Chart
            testId="chart-completion"
            fileName="completion"
            downloadLabel={dl}
            rows={d.completion}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              xAxis: { type: 'category', data: d.completion.map((r) => r.month) },
              yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              series: [
                {
                  name: t('doneRate'),
                  type: 'line',
                  data: d.completion.map((r) => Math.round((1000 * r.done) / r.due) / 10),
                },
                {
                  name: t('onTimeRate'),
                  type: 'line',
                  data: d.completion.map((r) => Math.round((1000 * r.onTime) / r.due) / 10),
                },
              ],
            }}
          />
        </Card>
        <Card
          title={t('pareto')}
          actions={
            <Link href="/insights/problems" className="text-sm text-brand-700 underline">
              {t('problems')} →
            </Link>
          }
        >
          <Chart
            testId="chart-pareto"
            fileName="deduction-pareto"
            downloadLabel={dl}
            rows={pareto.map(({ articleIds: _a, criterionId: _c, ...r }) => r)}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              xAxis: { type: 'category', data: pareto.map((r) => r.code), axisLabel: { rotate: 45 } },
              yAxis: [
                { type: 'value', name: t('points') },
                { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              ],
              series: [
                { name: t('points'), type: 'bar', data: pareto.map((r) => r.points) },
                { name: t('cumulative'), type: 'line', yAxisIndex: 1, data: pareto.map((r) => r.cumulative) },
              ],
            }}
          />
        </Card>
        <Card title={t('closure')}>
          <Chart
            testId="chart-closure"
            fileName="rectification"
            downloadLabel={dl}
            rows={d.closure}
            option={{
              tooltip: {},
              legend: {},
              xAxis: { type: 'category', data: [...new Set(d.closure.map((r) => r.quarter))] },
              yAxis: { type: 'value' },
              series: STATUSES.map((s) => ({
                name: tf(`statuses.${s}`),
                type: 'bar',
                stack: 'all',
                data: [...new Set(d.closure.map((r) => r.quarter))].map(
                  (q) => d.closure.find((r) => r.quarter === q && r.status === s)?.n ?? 0,
                ),
              })),
            }}
          />
        </Card>
        <Card title={t('flagged')}>
          <Chart
            testId="chart-flagged"
            fileName="flagged-units"
            downloadLabel={dl}
            rows={d.gaps.map((g) => ({
              unit: g.orgName,
              quarter: g.quarter,
              self: g.selfTotal,
              audit: g.auditTotal,
              gap: g.gap,
              backfill: g.backfill,
            }))}
            option={{
              tooltip: {},
              grid: { left: 170 },
              xAxis: { type: 'value', name: t('gap') },
              yAxis: { type: 'category', data: d.gaps.map((g) => `${g.orgName} ${g.quarter}`) },
              series: [{ type: 'bar', data: d.gaps.map((g) => g.gap), itemStyle: { color: '#b91c1c' } }],
            }}
          />
        </Card>
      </div>
    </div>
  );
}
