import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { actorOf, requirePermission } from '@/lib/auth/current-user';
import { cstDay } from '@/lib/calendar';
import { addMonth, MAX_BACK_MONTHS, monthsBetween } from '@/lib/people/dues';
import { duesFor } from '@/lib/people/queries/dues';
import { can } from '@/lib/policy';
import { DuesBaseForm, PayForm } from '../_components/dues-forms';
import { pageTitle } from '@/lib/page-title';
import { isUuid } from '@/lib/validation';
import { Pagination } from '@/components/pagination';
import { listQuery, pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('dues');

export default async function DuesPage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string; owing?: string; page?: string }>;
}) {
  const user = await requirePermission('person.sensitive');
  const sp = await searchParams;
  const orgId = isUuid(sp.orgId) ? sp.orgId : undefined;
  const [t, dues] = await Promise.all([
    getTranslations('dues'),
    duesFor(user, await actorOf(user), { orgId, owing: !!sp.owing, page: pageNumber(sp.page) }),
  ]);
  const today = cstDay(new Date());
  const rows = dues.rows;
  const query = (extra: Record<string, string | undefined>) =>
    listQuery({ orgId, owing: sp.owing ? '1' : undefined }, extra);
  const manage = can(user, 'person.manage');
  // What may be recorded now: 补交 back to six months, this month, and (with consent) the rest of the quarter.
  const window = monthsBetween(
    addMonth(dues.thisMonth, -MAX_BACK_MONTHS),
    addMonth(dues.thisMonth, 2),
  ).filter((m) => m.slice(0, 4) === dues.thisMonth.slice(0, 4) || m < dues.thisMonth);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro', { year: dues.year })} />
      <p className="flex flex-wrap gap-2 text-sm">
        <Link
          href={`/people/dues?${query({ owing: undefined })}`}
          className="rounded-md border border-stone-200 bg-white px-3 py-2"
          aria-current={!sp.owing ? 'true' : undefined}
        >
          {t('all', { count: dues.counts.all })}
        </Link>
        <Link
          href={`/people/dues?${query({ owing: '1' })}`}
          className="rounded-md border border-stone-200 bg-white px-3 py-2"
          aria-current={sp.owing ? 'true' : undefined}
          data-testid="dues-owing-link"
        >
          {t('owing', { count: dues.counts.owing, lapse: dues.counts.lapse })}
        </Link>
      </p>
      <Table
        testId="dues"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('none')}
        rowProps={(r) => ({ 'data-owed': String(r.owed.length) })}
        columns={[
          { key: 'name', header: t('person'), href: (r) => `/people/${r.id}`, cell: (r) => r.name },
          { key: 'org', header: t('org'), deskOnly: true, cell: (r) => r.org.name },
          {
            key: 'base',
            header: t('baseAndAmount'),
            cell: (r) =>
              r.base ? (
                <span>
                  {t(`categories.${r.base.category}`)} · {r.base.monthlyBase} →{' '}
                  <strong>{r.base.amount}</strong>
                  {r.base.quarterly && (
                    <span className="ml-1 text-xs text-stone-500">{t('quarterlyShort')}</span>
                  )}
                </span>
              ) : (
                <Badge tone="amber">{t('noBase')}</Badge>
              ),
          },
          { key: 'paid', header: t('paidThisYear'), cell: (r) => t('paidCount', { count: r.paid.length }) },
          {
            key: 'owed',
            header: t('owed'),
            cell: (r) =>
              r.owed.length === 0 ? (
                '—'
              ) : (
                <span className="flex flex-wrap items-center gap-1">
                  <Badge tone="red">{t('owedMonths', { count: r.owed.length })}</Badge>
                  {r.lapse && <Badge tone="red">{t('lapse')}</Badge>}
                  <span className="text-xs text-stone-500">{r.owed.join('、')}</span>
                </span>
              ),
          },
          ...(manage
            ? [
                {
                  key: 'do',
                  header: t('record'),
                  cell: (r: (typeof rows)[number]) => (
                    <div className="space-y-2">
                      {r.base ? (
                        <PayForm
                          personId={r.id}
                          choices={window.filter(
                            (m) =>
                              !r.paid.includes(m) &&
                              (!r.from || m >= r.from) &&
                              (m <= dues.thisMonth || r.base!.quarterly),
                          )}
                          today={today}
                        />
                      ) : null}
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">
                          {r.base ? t('changeBase') : t('setBase')}
                        </summary>
                        <DuesBaseForm personId={r.id} year={dues.year} current={r.base} />
                      </details>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pagination
        page={dues.page}
        pages={dues.pages}
        href={(p) => `/people/dues?${query({ page: String(p) })}`}
      />
    </div>
  );
}
