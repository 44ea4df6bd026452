import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import type { reminderSummaryFor } from '@/lib/reminders/queries';

type Row = Awaited<ReturnType<typeof reminderSummaryFor>>[number];

/** The 工作提醒表 counted by period (tasks, done, overdue): on the 工作提醒表 and the committee's workbench. */
export async function PeriodSummary({ rows, testId, empty }: { rows: Row[]; testId: string; empty: string }) {
  const t = await getTranslations();
  return (
    <Table
      testId={testId}
      framed={false}
      rows={rows}
      rowKey={(r) => r.periodKey}
      empty={empty}
      columns={[
        {
          key: 'period',
          header: t('reminders.period'),
          cell: (r) => `${t(`handbook.frequencies.${r.frequency}`)} · ${r.periodKey}`,
        },
        { key: 'total', header: t('reminders.total'), cell: (r) => r.total },
        { key: 'done', header: t('reminders.states.done'), cell: (r) => r.done },
        {
          key: 'overdue',
          header: t('reminders.states.overdue'),
          cell: (r) => (
            <span className={r.overdue ? 'font-semibold text-red-700' : undefined}>{r.overdue}</span>
          ),
        },
      ]}
    />
  );
}
