import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { DAY } from '@/lib/calendar';
import type { TransferView } from '@/lib/people/queries/transfers';
import { CancelForm, IssueForm, ReceiveButton } from './transfer-forms';

/** Transfers with their state and, for those who may, the next step (issue, confirm, cancel). */
export async function TransferTable({
  rows,
  testId,
  defaultUntil,
  withPerson = true,
  limit,
}: {
  rows: TransferView[];
  testId: string;
  defaultUntil: string;
  withPerson?: boolean;
  /** Lists at most this many (a company's committee has hundreds under way); a line says how many in all. */
  limit?: number;
}) {
  const t = await getTranslations('transfers');
  const tshell = await getTranslations('shell');
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, DAY) : '—');
  return (
    <>
      <Table
        testId={testId}
        rows={shown}
        rowKey={(r) => r.id}
        empty={t('none')}
        rowProps={(r) => ({ 'data-person': r.person.employeeNo })}
        columns={[
          ...(withPerson
            ? [
                {
                  key: 'person',
                  header: t('person'),
                  href: (r: TransferView) => `/people/${r.person.id}`,
                  cell: (r: TransferView) => r.person.name,
                },
              ]
            : []),
          { key: 'kind', header: t('kind'), cell: (r) => t(`kinds.${r.kind}`) },
          {
            key: 'route',
            header: t('route'),
            cell: (r) => (
              <>
                {r.fromOrg?.name ?? r.externalUnit} → {r.toOrg?.name ?? r.externalUnit}
              </>
            ),
          },
          {
            key: 'letter',
            header: t('letter'),
            cell: (r) =>
              r.letterNo ? (
                <span>
                  {r.letterNo}
                  <span className="block text-xs text-stone-500">
                    {t('validTo', { date: r.validUntil ?? '' })}
                  </span>
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'state',
            header: t('state'),
            cell: (r) => (
              <span className="flex flex-wrap items-center gap-1">
                <Badge tone={r.status === 'RECEIVED' ? 'green' : r.status === 'ISSUED' ? 'amber' : undefined}>
                  {t(`statuses.${r.status}`)}
                </Badge>
                {r.days !== null && <span className="text-xs">{t('days', { days: r.days })}</span>}
                {r.overdue && <Badge tone="red">{t('overdue')}</Badge>}
                {r.status === 'PROPOSED' && (
                  <span className="text-xs text-stone-500">{when(r.proposedAt)}</span>
                )}
                {r.cancelReason && <span className="text-xs text-stone-500">{r.cancelReason}</span>}
              </span>
            ),
          },
          {
            key: 'do',
            header: t('actions'),
            cell: (r) => (
              <div className="space-y-2">
                {r.may.issue && <IssueForm id={r.id} defaultUntil={defaultUntil} />}
                {r.may.receive && <ReceiveButton id={r.id} out={r.kind === 'OUT'} />}
                {r.may.cancel && <CancelForm id={r.id} />}
              </div>
            ),
          },
        ]}
      />
      {shown.length < rows.length && (
        <p className="mt-2 text-xs text-stone-500" data-testid={`${testId}-first-of`}>
          {tshell('firstOf', { total: rows.length, shown: shown.length })}
        </p>
      )}
    </>
  );
}
