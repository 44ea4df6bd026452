import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { refuse } from '@/lib/auth/refusals';
import { Badge, Card, PageHeader, ListCard } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { coordinationListFor, rectificationListFor, sheetListFor } from '@/lib/feedback/queries';
import { can } from '@/lib/policy';
import { cstDay } from '@/lib/calendar';
import { CoordinationForms, UnitForms, VerifyForms } from './_components/rectification-forms';
import { DAY } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('feedback');

const TONE = { OPEN: 'amber', SUBMITTED: 'blue', ACCEPTED: 'green', RETURNED: 'red' } as const;

export default async function RectificationsPage() {
  const user = await requireUser();
  const coordinator = can(user, 'coordination.answer');
  if (!can(user, 'feedback.read') && !can(user, 'audit.score') && !coordinator) await refuse(user);
  const [t, format] = await Promise.all([getTranslations('feedback'), getFormatter()]);
  // A department's member answers coordination only: the sheets and items are not theirs, so not shown as "none".
  const audited = can(user, 'feedback.read') || can(user, 'audit.score');
  const [sheets, items, coordination] = await Promise.all([
    audited ? sheetListFor(user) : [],
    audited ? rectificationListFor(user) : [],
    coordinator || can(user, 'feedback.read') ? coordinationListFor(user) : [],
  ]);
  const today = cstDay(new Date());
  const day = (d: Date) => format.dateTime(d, DAY);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t(audited ? 'intro' : 'coordinationIntro')} />
      {audited && (
        <>
          <ListCard
            title={t('sheets')}
            items={sheets}
            empty={t('noSheets')}
            testId="sheet-list"
            item={(s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link
                  href={`/feedback/${s.id}`}
                  className="min-h-11 content-center text-brand-700 hover:underline"
                >
                  {s.number} · {s.audit.org.name}
                </Link>
                <span className="flex items-center gap-2 text-xs">
                  {s.total} · {s.audit.plan.title}
                  {s.acknowledgedAt ? (
                    <Badge tone="green">{t('acknowledge')}</Badge>
                  ) : (
                    <Badge tone="amber">{t('notAcknowledged')}</Badge>
                  )}
                </span>
              </li>
            )}
          />
          <Card title={t('items')}>
            {items.length === 0 ? (
              <p className="text-sm text-stone-600">{t('noItems')}</p>
            ) : (
              <ul className="space-y-3" data-testid="rectification-list">
                {items.map((i) => {
                  const late =
                    i.status !== 'ACCEPTED' &&
                    i.status !== 'SUBMITTED' &&
                    i.deadline.toISOString().slice(0, 10) < today;
                  return (
                    <li
                      key={i.id}
                      className="rounded-md border border-stone-200 p-3 text-sm"
                      data-testid="rectification-item"
                      data-item-id={i.id}
                    >
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <div>
                          <div className="font-medium">{i.problem}</div>
                          <div className="text-stone-600">
                            {t('suggestion')}：{i.suggestion}
                          </div>
                          <div className="text-xs text-stone-500">
                            {i.org.name} · {i.feedbackItem.sheet.number} ·{' '}
                            {t('due', { date: day(i.deadline) })}
                          </div>
                        </div>
                        <span className="flex gap-1">
                          <Badge tone={TONE[i.status]}>{t(`statuses.${i.status}`)}</Badge>
                          {late && <Badge tone="red">{t('overdue')}</Badge>}
                        </span>
                      </div>
                      {i.returnReason && i.status === 'RETURNED' && (
                        <p className="mt-1 rounded bg-red-50 px-2 py-1 text-red-800">
                          {t('returnedBecause', { reason: i.returnReason })}
                        </p>
                      )}
                      {i.plan && (
                        <p className="mt-1">
                          <span className="text-stone-500">{t('plan_')}：</span>
                          {i.plan}
                        </p>
                      )}
                      {i.notes.length > 0 && (
                        <ul className="mt-1 list-disc pl-5 text-stone-700">
                          {i.notes.map((n) => (
                            <li key={n.id}>{n.text}</li>
                          ))}
                        </ul>
                      )}
                      {i.evidence.length > 0 && (
                        <p className="mt-1">
                          {i.evidence.map((e) => (
                            <span key={e.id} className="mr-2">
                              📎 {e.fileName}
                            </span>
                          ))}
                        </p>
                      )}
                      <div className="mt-2">
                        {i.canAnswer && <UnitForms itemId={i.id} plan={i.plan} />}
                        {i.canVerify && <VerifyForms itemId={i.id} />}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        </>
      )}
      <ListCard
        title={t('coordination')}
        items={coordination}
        empty={t('noCoordination')}
        testId="coordination-list"
        className="space-y-2 text-sm"
        item={(c) => (
          <li key={c.id} className="rounded-md border border-stone-200 p-2">
            <div className="flex justify-between gap-2">
              <span>{c.text}</span>
              <Badge>{t(`coordStatuses.${c.status}`)}</Badge>
            </div>
            <div className="text-xs text-stone-500">
              {t('from', { unit: c.unit.name, department: c.department.name })}
            </div>
            {c.answer && (
              <p className="mt-1">
                {t('answer')}：{c.answer}
              </p>
            )}
            {(c.canAnswer || c.canClose) && (
              <div className="mt-1">
                <CoordinationForms taskId={c.id} canAnswer={c.canAnswer} canClose={c.canClose} />
              </div>
            )}
          </li>
        )}
      />
    </div>
  );
}
