import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { auditDetailFor } from '@/lib/audits/queries/audits';
import { PhotoChecks } from '@/components/photo-checks';
import { requireUser } from '@/lib/auth/current-user';
import { gradeWithVeto, isApplicable, type Level } from '@/lib/handbook/scoring';
import { load } from '@/lib/page-guard';
import { STATUS_TONE } from '../_components/status-tone';
import { addDays, cstDay } from '@/lib/calendar';
import { AuditExamForm } from './_components/audit-exam-form';
import { IssueFeedbackForm } from './_components/issue-feedback-form';
import { ScoringForm, type Line } from './_components/scoring-form';
import { auditExamFor } from '@/lib/exams/queries/exams';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits', 'scoring');

export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const d = await load(() => auditDetailFor(user, id));
  const [t, tg, tf, te, tph, format, written] = await Promise.all([
    getTranslations('audits'),
    getTranslations('handbook'),
    getTranslations('feedback'),
    getTranslations('exams'),
    getTranslations('photos'),
    getFormatter(),
    load(() => auditExamFor(user, id)),
  ]);
  const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  const a = d.audit;
  const open = (a.status === 'PLANNED' || a.status === 'IN_PROGRESS') && !a.plan.closedAt;
  const selfOf = new Map(d.sheet?.items.map((i) => [i.criterionId, i.deduction]) ?? []);
  const scoreOf = new Map(d.scores.map((s) => [s.criterionId, s]));
  const articlesOf = (cid: string) =>
    new Set(d.links.filter((l) => l.criterionId === cid).map((l) => l.articleId));
  const lines: Line[] = d.categories.flatMap((c) =>
    c.criteria.map((cr) => ({
      id: cr.id,
      code: cr.code,
      title: cr.title,
      category: c.title,
      rule: cr.deductionRule,
      maxPoints: cr.maxPoints,
      unitDeduction: cr.unitDeduction,
      cap: cr.cap,
      kind: cr.kind,
      levels: cr.levels as Level[] | null,
      vetoBand: cr.vetoBand,
      applicable: isApplicable(cr, d.scope),
      suggestion: d.suggestions[cr.id] ?? null,
      self: selfOf.has(cr.id) ? selfOf.get(cr.id)! : null,
      focus: d.focus
        .filter((f) => f.criterionId === cr.id)
        .map((f) => tf('focus', { problem: f.problem, status: tf(`statuses.${f.status}`) })),
      tasks: d.tasks
        .filter((x) => articlesOf(cr.id).has(x.action.articleId))
        .slice(0, 12)
        .map((x) => ({ id: x.id, label: `${x.periodKey} ${x.action.title}` })),
    })),
  );
  const gap =
    d.sheet?.total != null && a.total != null ? Math.round((d.sheet.total - a.total) * 10) / 10 : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader
        title={a.org.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/audits/plans/${a.plan.id}`} className="text-brand-700 underline">
              {a.plan.title}
            </Link>
            <Badge tone={STATUS_TONE[a.status]}>{t(`statuses.${a.status}`)}</Badge>
            {d.quarter}
            {!d.sheet && <span className="text-xs text-stone-500">{t('noSelf')}</span>}
          </span>
        }
      />
      {d.focus.length > 0 && (
        <Card title={tf('focusTitle')}>
          <ul className="list-disc pl-5 text-sm text-amber-900" data-testid="audit-focus">
            {d.focus.map((f) => (
              <li key={f.id}>
                {f.problem}（{tf(`statuses.${f.status}`)}）
              </li>
            ))}
          </ul>
        </Card>
      )}
      {d.feedback && (
        <Card>
          <Link
            href={`/feedback/${d.feedback.id}`}
            className="text-brand-700 underline"
            data-testid="feedback-link"
          >
            {tf('sheetTitle')} {d.feedback.number}
          </Link>
        </Card>
      )}
      {d.canIssue && (
        <Card title={tf('issueTitle')}>
          <IssueFeedbackForm
            auditId={a.id}
            departments={d.departments}
            defaultDeadline={addDays(cstDay(new Date()), 30)}
            problems={d.findings
              .filter((f) => f.kind === 'PROBLEM')
              .map((f) => ({
                findingId: f.id,
                criterionId: f.criterionId ?? undefined,
                problem: f.text,
                suggestion: '',
              }))}
            difficulties={d.findings
              .filter((f) => f.kind === 'DIFFICULTY')
              .map((f) => ({ findingId: f.id, text: f.text }))}
          />
        </Card>
      )}
      {a.total != null && (
        <Card>
          <p className="text-lg font-semibold" data-testid="audit-total">
            {t('score')} {a.total}（{tg(`bands.${gradeWithVeto(a.total, a.vetoBand)}` as never)}）
          </p>
          {gap !== null && (
            <p className={`text-sm ${gap > 10 ? 'font-semibold text-red-700' : 'text-stone-600'}`}>
              {t('selfVsAudit', { self: d.sheet!.total!, audit: a.total, gap })}
            </p>
          )}
        </Card>
      )}
      <PhotoChecks photos={d.photos} caption={tph('window', { from: d.window.start, to: d.window.end })} />
      {(written.exam || written.canSet) && (
        <Card title={te('audit.title')}>
          {written.exam ? (
            <div className="space-y-1 text-sm" data-testid="audit-exam">
              <p className="font-medium">{written.exam.title}</p>
              <p className="text-stone-600">
                {te('audit.window', {
                  from: format.dateTime(written.exam.opensAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    timeZone: 'Asia/Shanghai',
                  }),
                  to: format.dateTime(written.exam.closesAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    timeZone: 'Asia/Shanghai',
                  }),
                  pass: written.exam.passMark,
                })}
              </p>
              <p>
                {written.exam.graded
                  ? te('audit.summary', {
                      n: written.exam.graded,
                      average: written.exam.average ?? 0,
                      passed: written.exam.passed,
                    })
                  : te('audit.noneYet')}
                {written.exam.pending > 0 && ` · ${te('audit.pending', { n: written.exam.pending })}`}
              </p>
              {written.canResults && (
                <Link href={`/exams/${written.exam.id}/results`} className="text-brand-700 underline">
                  {te('results')}
                </Link>
              )}
            </div>
          ) : (
            <AuditExamForm
              auditId={a.id}
              defaults={{
                opensAt: local(new Date()),
                closesAt: local(new Date(Date.now() + 7 * 86_400_000)),
              }}
            />
          )}
        </Card>
      )}
      {open && d.canScore ? (
        <ScoringForm
          auditId={a.id}
          lines={lines}
          scope={d.scope}
          bonusCap={d.bonusCap}
          scores={Object.fromEntries(
            d.scores.map((s) => [
              s.criterionId,
              { count: String(s.count), reason: s.reason, taskIds: s.taskIds },
            ]),
          )}
          notes={Object.fromEntries(d.notes.map((n) => [n.method, n.text]))}
          findings={d.findings.map((f) => ({
            clientKey: f.clientKey,
            kind: f.kind,
            text: f.text,
            criterionId: f.criterionId ?? undefined,
          }))}
          evidence={d.evidence}
        />
      ) : (
        <Card title={t('scoring')}>
          <Table
            testId="audit-readonly"
            framed={false}
            rows={lines}
            rowKey={(l) => l.id}
            empty={t('none')}
            columns={[
              {
                key: 'criterion',
                header: t('criterion'),
                className: 'align-top',
                cell: (l) => (
                  <>
                    {l.code} {l.title}
                    {l.self !== null && (
                      <div className="text-xs text-stone-500">{t('selfSays', { deduction: l.self })}</div>
                    )}
                  </>
                ),
              },
              { key: 'max', header: t('maxPoints'), cell: (l) => l.maxPoints },
              { key: 'deduction', header: t('deduction'), cell: (l) => scoreOf.get(l.id)?.deduction ?? '—' },
              { key: 'reason', header: t('reason'), cell: (l) => scoreOf.get(l.id)?.reason },
            ]}
          />
          {d.findings.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm">
              {d.findings.map((f) => (
                <li key={f.id}>
                  【{t(`findingKinds.${f.kind}`)}】{f.text}
                </li>
              ))}
            </ul>
          )}
          {d.notes.length > 0 && (
            <dl className="mt-3 space-y-1 text-sm">
              {d.notes.map((n) => (
                <div key={n.id}>
                  <dt className="font-medium">{t(`methods.${n.method}`)}</dt>
                  <dd className="whitespace-pre-line text-stone-700">{n.text}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      )}
    </div>
  );
}
