import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { can } from '@/lib/policy';
import { sheetDetailFor } from '@/lib/self-check/queries';
import { PhotoChecks } from '@/components/photo-checks';
import { ReopenForm } from './_components/reopen-form';
import type { Level } from '@/lib/handbook/scoring';
import type { Ref } from '@/lib/ledger/rules';
import { SheetEditor, type EditorLine } from './_components/sheet-editor';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';
import { compact } from '@/lib/static-markup';

export const generateMetadata = pageTitle('selfCheck');

export default async function SheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const { sheet, tasks, revisions, links, photos, window } = await load(() => sheetDetailFor(user, id));
  const [t, tph, format] = await Promise.all([
    getTranslations('selfCheck'),
    getTranslations('photos'),
    getFormatter(),
  ]);
  const editable = sheet.status === 'DRAFT' && !sheet.supersededAt && can(user, 'selfCheck.draft', sheet.org);
  const articlesOf = (criterionId: string) =>
    new Set(links.filter((l) => l.criterionId === criterionId).map((l) => l.articleId));
  const taskLabel = new Map(tasks.map((x) => [x.id, `${x.periodKey} ${x.action.title}`]));
  const lines: EditorLine[] = sheet.items.map((i) => ({
    criterionId: i.criterionId,
    code: i.criterion.code,
    title: i.criterion.title,
    category: i.criterion.category.title,
    rule: i.criterion.deductionRule,
    maxPoints: i.criterion.maxPoints,
    unitDeduction: i.criterion.unitDeduction,
    cap: i.criterion.cap,
    kind: i.criterion.kind,
    levels: i.criterion.levels as Level[] | null,
    vetoBand: i.criterion.vetoBand,
    annualOnly: i.criterion.annualOnly,
    suggested: i.suggested,
    refs: (i.suggestedRefs as Ref[] | null) ?? [],
    count: i.count,
    reason: i.reason,
    taskIds: i.taskIds,
    tasks: tasks
      .filter((x) => articlesOf(i.criterionId).has(x.action.articleId) || i.taskIds.includes(x.id))
      .map((x) => ({ id: x.id, label: taskLabel.get(x.id)! })),
  }));
  // The page's read-only parts are written as HTML; its forms and charts stay React's (lib/static-markup).
  return compact(
    <div className="space-y-4">
      <PageHeader
        title={t('sheetTitle', { org: sheet.org.name, period: sheet.periodKey })}
        description={
          <span>
            <Badge tone={sheet.status === 'SUBMITTED' ? 'green' : 'amber'}>
              {t(`statuses.${sheet.status}`)}
            </Badge>{' '}
            {t('revision', { revision: sheet.revision })}
            {sheet.supersededAt && <> · {t('superseded')}</>}
          </span>
        }
      />
      {sheet.reopenReason && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          {t('reopenedBecause', { reason: sheet.reopenReason })}
        </p>
      )}
      <Card>
        {editable ? (
          <SheetEditor
            sheetId={sheet.id}
            lockVersion={sheet.lockVersion}
            lines={lines}
            canSubmit={can(user, 'selfCheck.submit', sheet.org)}
            bonusCap={sheet.standard.bonusCap}
          />
        ) : (
          <div className="space-y-2">
            {sheet.submittedAt && (
              <p className="text-sm text-stone-600" data-testid="sheet-frozen">
                {t('frozenNote', {
                  date: format.dateTime(sheet.submittedAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    timeZone: 'Asia/Shanghai',
                  }),
                })}
              </p>
            )}
            <Table
              testId="sheet-readonly"
              framed={false}
              rows={sheet.items}
              rowKey={(i) => i.id}
              empty={t('noItems')}
              columns={[
                {
                  key: 'criterion',
                  header: t('criterion'),
                  className: 'align-top',
                  cell: (i) => `${i.criterion.code} ${i.criterion.title}`,
                },
                {
                  key: 'maxPoints',
                  header: t('maxPoints'),
                  className: 'align-top',
                  cell: (i) => i.criterion.maxPoints,
                },
                { key: 'count', header: t('count'), className: 'align-top', cell: (i) => i.count ?? '—' },
                {
                  key: 'deduction',
                  header: t('deduction'),
                  className: 'align-top',
                  cell: (i) => i.deduction,
                },
                {
                  key: 'score',
                  header: t('score'),
                  className: 'align-top',
                  cell: (i) => Math.round((i.criterion.maxPoints - i.deduction) * 10) / 10,
                },
                {
                  key: 'reason',
                  header: t('reason'),
                  className: 'align-top',
                  cell: (i) => (
                    <>
                      {i.reason}
                      {i.taskIds.map((x) => (
                        <div key={x} className="text-xs text-stone-500">
                          ↳ {taskLabel.get(x) ?? x}
                        </div>
                      ))}
                    </>
                  ),
                },
              ]}
            />
            <p className="font-semibold" data-testid="sheet-total">
              {t('total')}：{sheet.total ?? '—'}
            </p>
          </div>
        )}
      </Card>
      <PhotoChecks photos={photos} caption={tph('window', { from: window.start, to: window.end })} />
      {sheet.status === 'SUBMITTED' && !sheet.supersededAt && can(user, 'selfCheck.reopen', sheet.org) && (
        <Card title={t('reopen')}>
          <ReopenForm sheetId={sheet.id} />
        </Card>
      )}
      {revisions.length > 1 && (
        <Card title={t('revisions')}>
          <ul className="text-sm">
            {revisions.map((r) => (
              <li key={r.id}>
                <Link href={`/self-checks/${r.id}`} className="text-brand-700 underline">
                  {t('revision', { revision: r.revision })}
                </Link>{' '}
                · {t(`statuses.${r.status}`)}
                {r.total != null && ` · ${r.total}`}
                {r.supersededAt && ` · ${t('superseded')}`}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>,
  );
}
