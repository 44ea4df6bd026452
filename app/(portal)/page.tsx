import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, PageHeader, ListCard } from '@/components/ui/card';
import { PeriodSummary } from '@/components/period-summary';
import { requireUser } from '@/lib/auth/current-user';
import { actionLabel } from '@/lib/i18n/labels';
import { can } from '@/lib/policy';
import { overdueRectificationsFor } from '@/lib/feedback/queries';
import { reminderGlanceFor, reminderSummaryFor } from '@/lib/reminders/queries';
import { myRecentEvents, workbenchCounts } from '@/lib/workbench/queries';
import { myPerson } from '@/lib/people/queries/roster';
import { openExamsFor } from '@/lib/exams/queries/exams';
import { CST_DATE_TIME, DAY } from '@/lib/calendar';
import { compact } from '@/lib/static-markup';

export default async function WorkbenchPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const [counts, recent, reminders, me, exams] = await Promise.all([
    workbenchCounts(user, year),
    myRecentEvents(user),
    can(user, 'reminder.complete') ? reminderGlanceFor(user) : null,
    myPerson(user),
    openExamsFor(user),
  ]);
  // The committee's view across its subtree: this period's reminders, done and overdue.
  const summary = can(user, 'workbench.summary') ? await reminderSummaryFor(user) : null;
  const lateFixes = can(user, 'rectification.answer')
    ? await overdueRectificationsFor(user, 'feedback.read')
    : [];
  const byState = (s: string) => reminders?.filter((x) => x.state === s).length ?? 0;
  // On a phone the first screen is what is late and what is due next, not who the user is.
  const urgent = (reminders ?? []).filter((x) => x.state === 'overdue' || x.state === 'dueSoon');
  // The page's read-only parts are written as HTML; its forms and charts stay React's (lib/static-markup).
  return compact(
    <div className="space-y-4">
      <PageHeader title={t('workbench.greeting', { name: user.name })} description={t('workbench.intro')} />
      {reminders && (
        <Card title={t('workbench.reminders')}>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="workbench-reminders">
            {(['overdue', 'dueSoon', 'open', 'done'] as const).map((k) => (
              <div
                key={k}
                className={`rounded-md p-3 ${k === 'overdue' && byState(k) ? 'bg-red-50' : 'bg-stone-50'}`}
              >
                <dt className="text-stone-600">{t(`reminders.states.${k}`)}</dt>
                <dd className="text-2xl font-semibold">{byState(k)}</dd>
              </div>
            ))}
          </dl>
          {urgent.length > 0 && (
            <ul className="mt-3 divide-y divide-stone-100 text-sm" data-testid="workbench-urgent">
              {urgent.slice(0, 6).map((x) => (
                <li
                  key={x.id}
                  className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2"
                >
                  <Link href="/reminders" className="min-w-0 flex-1 text-stone-800 hover:underline">
                    {x.action.title}
                    <span className="ml-1 text-stone-500">
                      （{x.eventNote ? `${x.eventNote} · ` : ''}
                      {x.org.name}）
                    </span>
                  </Link>
                  <span className={x.state === 'overdue' ? 'font-medium text-red-700' : 'text-amber-700'}>
                    {t(`reminders.states.${x.state}`)} · {format.dateTime(x.dueDate, DAY)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/reminders" className="mt-3 inline-block text-sm text-brand-700 underline">
            {t('workbench.openReminders')}
          </Link>
        </Card>
      )}
      {exams.length > 0 && (
        <Card title={t('workbench.examsToTake')}>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="workbench-exams">
            {exams.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
                <Link href="/exams" className="min-w-0 flex-1 text-brand-700 hover:underline">
                  {e.title}
                  {e.retake && <span className="ml-2 text-amber-800">{t('workbench.examRetake')}</span>}
                </Link>
                <span className="text-stone-600">
                  {t('workbench.examCloses', { date: format.dateTime(e.closesAt, CST_DATE_TIME) })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {lateFixes.length > 0 && (
        <Card title={t('feedback.overdueTitle')}>
          <ul className="list-disc pl-5 text-sm text-red-800" data-testid="workbench-late-rectifications">
            {lateFixes.map((r) => (
              <li key={r.id}>
                {r.problem}（{r.org.name}）
              </li>
            ))}
          </ul>
          <Link href="/rectifications" className="mt-2 inline-block text-sm text-brand-700 underline">
            {t('feedback.items')} →
          </Link>
        </Card>
      )}
      {summary && (
        <Card title={t('workbench.subtreeReminders')}>
          <PeriodSummary
            testId="workbench-summary"
            rows={summary.filter((r) => r.total > 0)}
            empty={t('workbench.noSummary')}
          />
          <div className="mt-3 flex gap-4 text-sm">
            <Link href="/reminders/supervision" className="text-brand-700 underline">
              {t('workbench.openSupervision')}
            </Link>
            <Link href="/self-checks" className="text-brand-700 underline">
              {t('workbench.openSelfChecks')}
            </Link>
          </div>
        </Card>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('workbench.myRoles')}>
          {user.grants.length === 0 ? (
            <p className="text-sm text-stone-600">{t('shell.noRole')}</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="my-roles">
              {user.grants.map((g) => (
                <li key={`${g.role}-${g.orgId}`} className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{t(`roles.${g.role}`)}</span>
                  <span className="text-stone-600">{g.orgName}</span>
                </li>
              ))}
            </ul>
          )}
          {user.org && (
            <p className="mt-3 text-sm text-stone-600">{t('workbench.memberOf', { org: user.org.name })}</p>
          )}
          {me && (
            <p className="mt-2 text-sm">
              <Link href={`/people/${me.id}`} className="text-brand-700 underline" data-testid="my-person">
                {t('workbench.myPerson')}
              </Link>
            </p>
          )}
        </Card>
        {counts && (
          <Card title={counts.whole ? t('workbench.countsWhole') : t('workbench.countsScope')}>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3" data-testid="workbench-counts">
              {(['active', 'preparing', 'archived', 'keyUnits', 'members'] as const).map((k) => (
                <div key={k} className="rounded-md bg-stone-50 p-3">
                  <dt className="text-stone-600">
                    {k === 'keyUnits' ? t('workbench.keyUnits', { year }) : t(`workbench.${k}`)}
                  </dt>
                  <dd className="text-2xl font-semibold">{counts[k]}</dd>
                </div>
              ))}
            </dl>
            <Link href="/orgs" className="mt-3 inline-block text-sm text-brand-700 underline">
              {t('workbench.openTree')}
            </Link>
          </Card>
        )}
      </div>
      <ListCard
        title={t('workbench.recent')}
        items={recent}
        empty={t('workbench.noRecent')}
        item={(e) => (
          <li key={String(e.id)} className="flex flex-wrap justify-between gap-2 py-2">
            <span>{actionLabel(t, e.action)}</span>
            <span className="text-stone-500">
              {format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'short' })}
            </span>
          </li>
        )}
      />
    </div>,
  );
}
