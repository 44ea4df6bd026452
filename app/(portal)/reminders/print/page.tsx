import { getTranslations } from 'next-intl/server';
import { refuse } from '@/lib/auth/refusals';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { FREQUENCY_SHEETS } from '@/lib/reminders/export';
import { reminderTableFor } from '@/lib/reminders/queries';
import { PrintButton } from '@/components/print-button';
import { pageTitle } from '@/lib/page-title';
import { ymd } from '@/lib/calendar';

export const generateMetadata = pageTitle('reminders', 'printTitle');

/** The reminder table on paper: one plain bordered table per frequency, as the printed form was. */
export default async function PrintRemindersPage() {
  const user = await requireUser();
  if (!can(user, 'reminder.complete')) await refuse(user);
  const [t, th, table] = await Promise.all([
    getTranslations('reminders'),
    getTranslations('handbook'),
    reminderTableFor(user),
  ]);
  const cell = 'border border-stone-400 p-1 align-top';
  return (
    <div className="space-y-6 bg-white text-sm" data-testid="reminders-print">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">
          {t('printTitle')}（{table.today}）
        </h1>
        <PrintButton label={t('print')} />
      </div>
      {Object.keys(FREQUENCY_SHEETS).map((f) => {
        const rows = table.tasks.filter((x) => x.action.frequency === f);
        if (!rows.length) return null;
        return (
          <section key={f} className="break-inside-avoid-page">
            <h2 className="mb-1 font-semibold">{th(`frequencies.${f}`)}</h2>
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  {[
                    'no',
                    'unit',
                    'item',
                    'article',
                    'period',
                    'dueDate',
                    'evidence',
                    'state',
                    'activityDate',
                  ].map((k) => (
                    <th key={k} className={`${cell} text-left`}>
                      {t(`printCols.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((x, i) => (
                  <tr key={x.id}>
                    <td className={cell}>{i + 1}</td>
                    <td className={cell}>{x.org.name}</td>
                    <td className={cell}>{x.action.title}</td>
                    <td className={cell}>
                      {th('articleNo', { number: x.action.article.number })} {x.action.article.title}
                    </td>
                    <td className={cell}>{x.periodKey}</td>
                    <td className={cell}>{ymd(x.dueDate)}</td>
                    <td className={cell}>{x.action.evidence}</td>
                    <td className={cell}>{t(`states.${x.state}`)}</td>
                    <td className={cell}>{ymd(x.activityDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
