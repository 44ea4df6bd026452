import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card } from '@/components/ui/card';
import type { lifecycleOf } from '@/lib/orgs/queries';
import { ClosingActions, ExtendTermForm, LifecycleForm } from './lifecycle-forms';

type Lifecycle = Awaited<ReturnType<typeof lifecycleOf>>;
const TONE = { info: 'blue', warn: 'amber', overdue: 'red' } as const;

/** 支部建设与换届: what the rules say about this unit now, its record, and the closing checklist once the project ended. */
export async function LifecycleCard({
  orgId,
  life,
  manage,
  close,
}: {
  orgId: string;
  life: Lifecycle;
  manage: boolean;
  close: boolean;
}) {
  const t = await getTranslations('orgs.lifecycle');
  const tc = await getTranslations('orgs.closing');
  const { record, counts, findings, closing } = life;
  const check = (ok: boolean, text: string, testId: string) => (
    <li className="flex items-start gap-2" data-testid={testId} data-done={ok ? 'yes' : 'no'}>
      <span aria-hidden className={ok ? 'text-green-700' : 'text-red-700'}>
        {ok ? '✓' : '✗'}
      </span>
      <span>{text}</span>
    </li>
  );
  return (
    <Card title={t('title')}>
      <div className="space-y-4 text-sm" data-testid="lifecycle">
        <p className="text-stone-600">
          {t('counts', { full: counts.full, committee: counts.committee })}
          {life.termEnd && (
            <>
              {' · '}
              {t('term', { start: record.termStart ?? '', end: life.termEnd })}
              {record.termExtensionBy && ` ${t('extendedBy', { by: record.termExtensionBy })}`}
            </>
          )}
        </p>
        {findings.length > 0 && (
          <ul className="space-y-1" data-testid="lifecycle-findings">
            {findings.map((f) => (
              <li key={f.key} className="flex items-start gap-2" data-finding={f.key}>
                <Badge tone={TONE[f.tone]}>{t(`tones.${f.tone}`)}</Badge>
                <span>{t(`findings.${f.key}`, f.params ?? {})}</span>
              </li>
            ))}
          </ul>
        )}
        {closing && (
          <section className="rounded-md border border-stone-200 p-3" data-testid="closing-checklist">
            <h3 className="mb-2 font-medium">{tc('title')}</h3>
            <ul className="space-y-1">
              {check(
                closing.unplacedCount === 0,
                tc('members', { count: closing.unplacedCount, transit: closing.inTransit }),
                'closing-members',
              )}
              {closing.unplaced.length > 0 && (
                <li className="pl-6 text-xs text-stone-600">
                  {closing.unplaced.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && '、'}
                      <Link href={`/people/${p.id}`} className="text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                    </span>
                  ))}
                  {closing.unplacedCount > closing.unplaced.length && ' …'}
                </li>
              )}
              {check(closing.arrears === 0, tc('dues', { count: closing.arrears }), 'closing-dues')}
              {check(closing.openTasks === 0, tc('tasks', { count: closing.openTasks }), 'closing-tasks')}
              {check(
                closing.openRectifications === 0,
                tc('rectifications', { count: closing.openRectifications }),
                'closing-rectifications',
              )}
              {check(
                closing.activeChildren.length === 0,
                tc('children', { names: closing.activeChildren.join('、') || '—' }),
                'closing-children',
              )}
              {check(true, tc('readOnly'), 'closing-readonly')}
            </ul>
            {close && (
              <div className="mt-3">
                <ClosingActions
                  orgId={orgId}
                  openTasks={closing.openTasks}
                  openRectifications={closing.openRectifications}
                />
              </div>
            )}
          </section>
        )}
        {manage && (
          <details className="rounded-md border border-stone-200 p-3">
            <summary className="cursor-pointer font-medium">{t('edit')}</summary>
            <div className="mt-3 space-y-4">
              <LifecycleForm orgId={orgId} record={record} />
              {record.termStart && !record.temporary && <ExtendTermForm orgId={orgId} />}
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}
