import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FileLinks } from '@/components/file-links';
import { PeriodSummary } from '@/components/period-summary';
import { AnchorButton, LinkButton } from '@/components/ui/button';
import { refuse } from '@/lib/auth/refusals';
import { Badge, Card, PageHeader, ListCard } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import {
  noticesForUser,
  reminderSummaryFor,
  reminderTableFor,
  reviewsForUser,
  type TaskState,
} from '@/lib/reminders/queries';
import { cstDay } from '@/lib/calendar';
import { compact } from '@/lib/static-markup';

import { CompleteTaskForm } from './_components/complete-task-form';
import { GenerateForm } from './_components/generate-form';
import { pageTitle } from '@/lib/page-title';

/** The frequencies the committee may generate reminders for, every one ticked to begin with. */
const GENERATED = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const;
export const generateMetadata = pageTitle('reminders');

const TONE: Record<TaskState, 'green' | 'red' | 'amber' | 'stone'> = {
  done: 'green',
  overdue: 'red',
  dueSoon: 'amber',
  open: 'stone',
};

export default async function RemindersPage() {
  const user = await requireUser();
  const completer = can(user, 'reminder.complete');
  const supervisor = can(user, 'reminder.supervise');
  if (!completer && !supervisor) await refuse(user);
  const t = await getTranslations('reminders');
  const th = await getTranslations('handbook');
  const tb = await getTranslations('branchReviews');
  const tq = await getTranslations('quality');
  const format = await getFormatter();
  // A day of this year by month and day; one of another year (an old period's deadline) with its year.
  const thisYear = Number(cstDay(new Date()).slice(0, 4));
  const day = (d: Date) =>
    format.dateTime(d, {
      ...(d.getUTCFullYear() === thisYear ? {} : { year: 'numeric' }),
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
  const table = completer ? await reminderTableFor(user) : null;
  const summary = supervisor ? await reminderSummaryFor(user) : null;
  const [notices, reviews] = completer
    ? await Promise.all([noticesForUser(user), reviewsForUser(user)])
    : [[], []];
  // This day's, week's … year's tasks first, then everything still open from earlier periods in one list.
  const groups = table
    ? [
        ...table.current.map((k) => ({
          key: k,
          title: null as string | null,
          tasks: table.tasks.filter((x) => x.periodKey === k),
        })),
        {
          key: 'events',
          title: t('events'),
          tasks: table.tasks.filter((x) => x.action.frequency === 'EVENT'),
        },
        {
          key: 'earlier',
          title: t('earlier'),
          tasks: table.tasks.filter(
            (x) => x.action.frequency !== 'EVENT' && !table.current.includes(x.periodKey),
          ),
        },
      ].filter((g) => g.tasks.length)
    : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={t('intro', { today: cstDay(new Date()) })}
        actions={
          completer && (
            <>
              <AnchorButton href="/api/reminders/export" data-testid="reminders-export">
                {t('exportXlsx')}
              </AnchorButton>
              <LinkButton href="/reminders/print">{t('print')}</LinkButton>
            </>
          )
        }
      />
      {summary && (
        <Card title={t('summaryTitle')}>
          <PeriodSummary testId="reminder-summary" rows={summary} empty={t('none')} />
          <div className="mt-4">
            <GenerateForm
              today={cstDay(new Date())}
              frequencies={GENERATED.map((f) => ({ value: f, label: th(`frequencies.${f}`) }))}
            />
          </div>
        </Card>
      )}
      {/* Each task's text, links and badges as HTML; its completion form stays React's (lib/static-markup). */}
      {table &&
        compact(
          groups.length === 0 ? (
            <Card>
              <p className="text-sm text-stone-600">{t('none')}</p>
            </Card>
          ) : (
            groups.map((g) => (
              <Card
                key={g.key}
                title={
                  g.title ??
                  t('periodTitle', {
                    frequency: th(`frequencies.${g.tasks[0]!.action.frequency}`),
                    key: g.key,
                  })
                }
              >
                <ul className="divide-y divide-stone-100 text-sm" data-testid={`reminders-${g.key}`}>
                  {g.tasks.map((x) => (
                    <li
                      key={x.id}
                      className="flex flex-wrap items-start justify-between gap-2 py-2"
                      data-task-id={x.id}
                    >
                      <div className="min-w-0 flex-1">
                        <div className="font-medium">
                          {x.action.title}
                          {g.key === 'earlier' && (
                            <span className="ml-2 text-xs font-normal text-stone-500">
                              {x.eventNote ?? x.periodKey}
                            </span>
                          )}
                        </div>
                        <div className="text-stone-600">
                          <Link
                            href={`/handbook/articles/${x.action.article.number}`}
                            className="text-brand-700 underline"
                          >
                            {th('articleNo', { number: x.action.article.number })} {x.action.article.title}
                          </Link>
                          <FileLinks
                            files={x.action.article.attachments}
                            route="/api/handbook/attachments/"
                            name={(f) => f.title}
                          />
                        </div>
                        {x.action.evidence && (
                          <div className="text-xs text-stone-500">
                            {th('evidence', { evidence: x.action.evidence })}
                          </div>
                        )}
                        {x.orgId !== user.org?.id && (
                          <div className="text-xs text-stone-500">{x.org.name}</div>
                        )}
                        {x.status === 'DONE' ? (
                          <div className="mt-1 text-xs text-stone-600" data-testid="task-done">
                            {t(x.onTime ? 'doneOnTime' : 'doneLate', {
                              activity: x.activityDate ? day(x.activityDate) : '—',
                            })}
                            {x.note && <span>（{x.note}）</span>}
                            {x.backfillFlag && (
                              <span className="ml-2">
                                <Badge tone="amber">{t(`backfill.${x.backfillFlag}`)}</Badge>
                              </span>
                            )}
                            <FileLinks
                              files={x.evidence}
                              route="/api/reminders/evidence/"
                              name={(f) => f.fileName}
                            />
                          </div>
                        ) : (
                          <>
                            {x.reviews[0]?.kind === 'RETURN' && (
                              <div
                                className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-800"
                                data-testid="task-returned"
                              >
                                {tb('returnedBanner', { reason: x.reviews[0].comment })}
                              </div>
                            )}
                            <CompleteTaskForm taskId={x.id} today={table.today} label={t('complete')} />
                          </>
                        )}
                        {x.status === 'DONE' && x.quality && (
                          <div className="mt-1">
                            <Badge tone="blue">{tq(x.quality)}</Badge>{' '}
                            <span className="text-xs text-stone-600">{x.reviews[0]?.comment}</span>
                          </div>
                        )}
                      </div>
                      <div className="text-right">
                        <Badge tone={TONE[x.state]}>{t(`states.${x.state}`)}</Badge>
                        <div className="text-xs text-stone-500">{t('due', { date: day(x.dueDate) })}</div>
                      </div>
                    </li>
                  ))}
                </ul>
              </Card>
            ))
          ),
        )}
      {completer && (
        <div className="grid gap-4 md:grid-cols-2">
          <ListCard
            title={tb('noticesTitle')}
            items={notices}
            empty={tb('none')}
            testId="branch-notices"
            className="space-y-2 text-sm"
            item={(n) => (
              <li key={n.id}>
                <div>{n.message}</div>
                <div className="text-xs text-stone-500">
                  {n.org.name} · {tb('by', { name: n.sentBy.name, date: day(n.createdAt) })}
                </div>
              </li>
            )}
          />
          <ListCard
            title={tb('reviewsTitle')}
            items={reviews}
            empty={tb('none')}
            testId="branch-reviews"
            className="space-y-2 text-sm"
            item={(r) => (
              <li key={r.id}>
                <div>
                  {r.task.action.title}（{r.task.periodKey}）
                  {tb(r.kind, { quality: r.quality ? tq(r.quality) : '' })}
                  {r.comment && `：${r.comment}`}
                </div>
                <div className="text-xs text-stone-500">
                  {tb('by', { name: r.reviewer.name, date: day(r.createdAt) })}
                </div>
              </li>
            )}
          />
        </div>
      )}
    </div>
  );
}
