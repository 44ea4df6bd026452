import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { FilterForm } from '@/components/ui/filter-form';
import { PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { listAuditEvents } from '@/lib/trace/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { actionLabel } from '@/lib/i18n/labels';
import { orgScope } from '@/lib/policy';
import { pageTitle } from '@/lib/page-title';
import { pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('audit');

type SP = { user?: string; entityType?: string; action?: string; from?: string; to?: string; page?: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A change as stored, shortened; its instants in China time, as every other time on the page. */
function summary(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v, (_k, x: unknown) =>
    typeof x !== 'string' || !INSTANT.test(x)
      ? x
      : x.endsWith('T00:00:00.000Z')
        ? x.slice(0, 10) // a date column (a term's start), not an instant
        : new Date(Date.parse(x) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
  );
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission('auditLog.read');
  const sp = await searchParams;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const filter = {
    user: str(sp.user),
    entityType: str(sp.entityType),
    action: str(sp.action),
    from: str(sp.from),
    to: str(sp.to),
  };
  const { rows, total, page, pages, entityTypes } = await listAuditEvents(user, {
    ...filter,
    page: pageNumber(sp.page),
  });
  const t = await getTranslations();
  // A record's kind in words; a kind without them (a newer one) as stored.
  const entityName = (type: string) =>
    t.has(`audit.entities.${type}`) ? t(`audit.entities.${type}` as never) : type;
  const format = await getFormatter();
  const pageHref = (p: number) => `/admin/audit-log?${new URLSearchParams({ ...filter, page: String(p) })}`;
  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        description={orgScope(user, 'auditLog.read').all ? t('audit.introAll') : t('audit.introScope')}
      />
      <FilterForm
        className="mb-3 grid-cols-2 sm:grid-cols-6"
        data-testid="audit-filter"
        applyLabel={t('audit.apply')}
      >
        <Input
          name="user"
          defaultValue={filter.user}
          placeholder={t('audit.filterUser')}
          aria-label={t('audit.filterUser')}
        />
        <Select name="entityType" defaultValue={filter.entityType} aria-label={t('audit.filterEntity')}>
          <Options items={entityTypes} empty={t('audit.allEntities')} label={entityName} />
        </Select>
        <Input
          name="action"
          defaultValue={filter.action}
          placeholder={t('audit.filterAction')}
          aria-label={t('audit.filterAction')}
        />
        <Input name="from" type="date" defaultValue={filter.from} aria-label={t('audit.from')} />
        <Input name="to" type="date" defaultValue={filter.to} aria-label={t('audit.to')} />
      </FilterForm>
      <p className="mb-2 text-sm text-stone-600">{t('audit.total', { total })}</p>
      <Table
        testId="audit-table"
        rows={rows}
        rowKey={(e) => String(e.id)}
        empty={t('audit.none')}
        columns={[
          {
            key: 'at',
            header: t('audit.at'),
            className: 'whitespace-nowrap align-top',
            cell: (e) => format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'medium' }),
          },
          {
            key: 'actor',
            header: t('audit.actor'),
            className: 'align-top',
            cell: (e) => e.actorName ?? t('audit.system'),
          },
          {
            key: 'action',
            header: t('audit.action'),
            className: 'align-top',
            cell: (e) => (
              <>
                {actionLabel(t, e.action)}
                <div className="font-mono text-xs text-stone-500">{e.action}</div>
              </>
            ),
          },
          {
            key: 'entity',
            header: t('audit.entity'),
            className: 'align-top',
            cell: (e) => (
              <>
                {entityName(e.entityType)}
                {e.entityType === 'Organization' && e.entityId ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link className="text-brand-700" href={`/orgs/${e.entityId}`}>
                      {t('audit.open')}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'change',
            header: t('audit.change'),
            className: 'max-w-md align-top',
            deskOnly: true,
            cell: (e) => (
              <div className="break-all font-mono text-xs text-stone-600">
                {e.before ? <div>− {summary(e.before)}</div> : null}
                {e.after ? <div>+ {summary(e.after)}</div> : null}
              </div>
            ),
          },
          {
            key: 'ip',
            header: t('audit.ip'),
            className: 'align-top',
            deskOnly: true,
            cell: (e) => <span className="font-mono text-xs">{e.ip ?? '—'}</span>,
          },
        ]}
      />
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}
