import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { refuse } from '@/lib/auth/refusals';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { FilterField, FilterForm } from '@/components/ui/filter-form';
import { Input } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { cstDay, periodOf } from '@/lib/calendar';
import { mySheetsFor, sheetOverviewPage } from '@/lib/self-check/queries';
import { Pagination } from '@/components/pagination';
import { previousQuarter } from '@/lib/self-check/rules';
import { ChaseButton } from './_components/chase-button';
import { OpenSheetButton } from './_components/open-sheet-button';
import { pageTitle } from '@/lib/page-title';
import { compact } from '@/lib/static-markup';

export const generateMetadata = pageTitle('selfCheck');

const TONE = { NONE: 'stone', DRAFT: 'amber', SUBMITTED: 'green' } as const;

export default async function SelfChecksPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const user = await requireUser();
  const drafter = can(user, 'selfCheck.draft');
  const overseer = can(user, 'selfCheck.oversee');
  if (!drafter && !overseer) await refuse(user);
  const t = await getTranslations('selfCheck');
  const { q, page } = await searchParams;
  // By default the quarter just ended: the one whose sheets are due now.
  const quarter =
    q && /^\d{4}-Q[1-4]$/.test(q) ? q : previousQuarter(periodOf('QUARTER', cstDay(new Date())).key);
  const [mine, overview] = await Promise.all([
    drafter ? mySheetsFor(user) : null,
    overseer ? sheetOverviewPage(user, quarter, Number(page) || 1) : null,
  ]);
  // The page's read-only parts are written as HTML; its forms and charts stay React's (lib/static-markup).
  return compact(
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      {mine &&
        mine.orgs.map((o) => (
          <Card key={o.id} title={o.name}>
            <ul className="divide-y divide-stone-100 text-sm" data-testid={`my-sheets-${o.id}`}>
              {mine.quarters.map((p) => {
                const s = o.sheets.find((x) => x.periodKey === p);
                const status = s?.status ?? 'NONE';
                return (
                  <li
                    key={p}
                    className="flex flex-wrap items-center justify-between gap-2 py-2"
                    data-testid={`sheet-row-${p}`}
                  >
                    <span className="font-medium">{p}</span>
                    <span>
                      <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>
                      {s?.total != null && (
                        <span className="ml-2">
                          {t('total')} {s.total}
                        </span>
                      )}
                    </span>
                    {s ? (
                      <Link
                        href={`/self-checks/${s.id}`}
                        className="min-h-11 content-center text-brand-700 underline"
                      >
                        {s.status === 'DRAFT' ? t('continue') : t('view')}
                      </Link>
                    ) : (
                      <OpenSheetButton orgId={o.id} periodKey={p} />
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>
        ))}
      {overview && (
        <Card title={t('overviewTitle', { period: quarter })} actions={<ChaseButton periodKey={quarter} />}>
          <FilterForm inline className="mb-3" applyLabel={t('show')}>
            <FilterField label={t('chooseQuarter')}>
              <Input name="q" defaultValue={quarter} pattern="\d{4}-Q[1-4]" className="w-32" />
            </FilterField>
          </FilterForm>
          <p className="mb-2 text-sm" data-testid="sheet-overview-count">
            {t('overviewCount', { submitted: overview.submitted, total: overview.total })}
          </p>
          <Table
            testId="sheet-overview"
            framed={false}
            rows={overview.rows}
            rowKey={(r) => r.id}
            empty={t('overviewNone')}
            columns={[
              {
                key: 'unit',
                header: t('unit'),
                cell: (r) =>
                  r.sheet ? (
                    <Link href={`/self-checks/${r.sheet.id}`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  ),
              },
              {
                key: 'status',
                header: t('status'),
                cell: (r) => {
                  const status = r.sheet?.status ?? 'NONE';
                  return <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>;
                },
              },
              {
                key: 'total',
                header: t('total'),
                cell: (r) => (r.sheet?.status === 'SUBMITTED' ? r.sheet.total : '—'),
              },
              {
                key: 'records',
                header: t('belowRecordsColumn'),
                cell: (r) =>
                  r.belowRecords ? (
                    <Badge tone="red">{t('belowRecords', { count: r.belowRecords })}</Badge>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {overview.pages > 1 && (
            <Pagination
              page={overview.page}
              pages={overview.pages}
              href={(p) => `/self-checks?${new URLSearchParams({ q: quarter, page: String(p) })}`}
            />
          )}
        </Card>
      )}
    </div>,
  );
}
