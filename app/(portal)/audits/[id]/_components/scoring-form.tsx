'use client';
import type { Choice } from '@/components/ui/options';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';
import { useFailureText } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { addFindingAction, finishAuditAction, saveNoteAction, saveScoreAction } from '@/lib/audits/actions';
import { AUDIT_METHODS } from '@/lib/audits/rules';
import type { SheetCriterionLine } from '@/components/score-input';
import { SheetScoreNote } from '@/components/sheet-score-note';
import type { Suggestion } from '@/lib/ledger/pre-audit';
import { scoreSheet, type ScoringScope } from '@/lib/handbook/scoring';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { CriterionPanel } from './criterion-panel';
import { FindingsPanel } from './findings-panel';
import { useSyncQueue, type QueueEntry } from './use-sync-queue';

export type Line = SheetCriterionLine & {
  id: string;
  applicable: boolean;
  /** A computed criterion: what the unit's records give (count, deduction, the records behind it). */
  suggestion: Suggestion | null;
  self: number | null;
  focus: string[];
  tasks: Choice[];
};
export type Values = Record<string, { count: string; reason: string; taskIds: string[] }>;
export type Finding = { clientKey: string; kind: string; text: string; criterionId?: string };

export function ScoringForm(props: {
  auditId: string;
  lines: Line[];
  scope: ScoringScope;
  bonusCap: number;
  scores: Values;
  notes: Record<string, string>;
  findings: Finding[];
  evidence: { id: string; fileName: string; criterionId: string | null }[];
}) {
  const { auditId, lines } = props;
  const t = useTranslations('audits');
  const tb = useTranslations('handbook.bands');
  const tm = useTranslateMessage();
  const failureText = useFailureText();
  const router = useRouter();
  const [values, setValues] = useState<Values>(props.scores);
  const [notes, setNotes] = useState<Record<string, string>>(props.notes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pendingFinish, start] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const send = useCallback((e: QueueEntry) => {
    if (e.kind === 'score') return saveScoreAction(e.payload as never);
    if (e.kind === 'note') return saveNoteAction(e.payload as never);
    return addFindingAction(e.payload as never);
  }, []);
  const refused = useCallback(
    (e: QueueEntry, r: Parameters<typeof failureText>[0]) =>
      setErrors((x) => ({ ...x, [e.key]: failureText(r) })),
    [failureText],
  );
  const q = useSyncQueue(`wubiao:audit:${auditId}`, send, refused);

  // What this device still holds (after a reload offline) wins over what the page was rendered with.
  // It can only be read after hydration (the server has no localStorage), hence state set in an effect.
  const stored = q.stored;
  useEffect(() => {
    for (const e of stored()) {
      if (e.kind === 'score')
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValues((v) => ({
          ...v,
          [e.payload.criterionId as string]: {
            count: String(e.payload.count),
            reason: String(e.payload.reason),
            taskIds: e.payload.taskIds as string[],
          },
        }));
      if (e.kind === 'note')
        setNotes((n) => ({ ...n, [e.payload.method as string]: String(e.payload.text) }));
    }
  }, [stored]);

  const queue = (entry: QueueEntry) => {
    q.put(entry);
    setErrors((x) => ({ ...x, [entry.key]: '' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void q.flush(), 600);
  };
  const setScore = (l: Line, patch: Partial<Values[string]>) => {
    const next = { ...(values[l.id] ?? { count: '', reason: '', taskIds: [] }), ...patch };
    setValues((v) => ({ ...v, [l.id]: next }));
    if (/^\d+$/.test(next.count))
      queue({
        key: `score:${l.id}`,
        kind: 'score',
        payload: {
          auditId,
          criterionId: l.id,
          count: Number(next.count),
          reason: next.reason,
          taskIds: next.taskIds,
        },
      });
  };
  const findings: Finding[] = [
    ...props.findings,
    ...q.pending
      .filter((e) => e.kind === 'finding' && !props.findings.some((f) => f.clientKey === e.key))
      .map((e) => e.payload as Finding),
  ];

  const applicable = lines.filter((l) => l.applicable && l.kind !== 'BONUS' && l.kind !== 'VETO');
  const scored = applicable.filter((l) => /^\d+$/.test(values[l.id]?.count ?? ''));
  const score = scoreSheet(
    lines,
    (l) => (/^\d+$/.test(values[l.id]?.count ?? '') ? Number(values[l.id]!.count) : null),
    { scope: props.scope, bonusCap: props.bonusCap },
  );
  const sum = score.percent;
  const status = !q.online
    ? t('offline')
    : q.pending.length
      ? t('pending', { count: q.pending.length })
      : q.saving
        ? t('saving')
        : t('synced');

  return (
    <div className="space-y-4" data-testid="scoring-form">
      <p
        className={`sticky top-0 z-10 rounded-md p-2 text-sm ${q.online ? 'bg-stone-100' : 'bg-amber-100 text-amber-900'}`}
        role="status"
        data-testid="sync-status"
      >
        {status}
      </p>
      <ol className="space-y-3">
        {lines.map((l) => (
          <CriterionPanel
            key={l.id}
            auditId={auditId}
            line={l}
            value={values[l.id] ?? { count: '', reason: '', taskIds: [] }}
            error={errors[`score:${l.id}`]}
            evidence={props.evidence.filter((f) => f.criterionId === l.id).map((f) => f.fileName)}
            onChange={(patch) => setScore(l, patch)}
            onError={(m) => setErrors((x) => ({ ...x, [`score:${l.id}`]: m }))}
          />
        ))}
      </ol>
      <section className="space-y-2">
        <h2 className="font-semibold">{t('notes')}</h2>
        {AUDIT_METHODS.map((m) => (
          <label key={m} className="block text-sm">
            {t(`methods.${m}`)}
            <Textarea
              rows={2}
              value={notes[m] ?? ''}
              onChange={(e) => {
                setNotes((n) => ({ ...n, [m]: e.target.value }));
                queue({
                  key: `note:${m}`,
                  kind: 'note',
                  payload: { auditId, method: m, text: e.target.value },
                });
              }}
            />
          </label>
        ))}
      </section>
      <FindingsPanel
        lines={lines}
        findings={findings}
        onAdd={(f) => queue({ key: f.clientKey, kind: 'finding', payload: { auditId, ...f } })}
        errors={errors}
      />
      <div className="sticky bottom-0 space-y-2 border-t border-stone-200 bg-white p-3">
        <p className="font-semibold" data-testid="running-total">
          {t('total', { total: sum, grade: tb(score.grade as never) })}
          {scored.length < applicable.length &&
            ` · ${t('unscored', { count: applicable.length - scored.length })}`}
        </p>
        <SheetScoreNote score={score} />
        <FormError message={formError} />
        {done && (
          <p className="text-sm text-green-700" role="status">
            {done}
          </p>
        )}
        <Button
          type="button"
          className="w-full"
          disabled={pendingFinish || !q.online}
          onClick={() => {
            if (!window.confirm(t('finishConfirm'))) return;
            start(async () => {
              await q.flush();
              const r = await finishAuditAction({ auditId });
              if (r.ok) {
                setDone(t('finished', { total: r.data.total }));
                router.refresh();
              } else setFormError(tm(r.text ?? r.error, r.params) ?? r.error);
            });
          }}
        >
          {t('finish')}
        </Button>
      </div>
    </div>
  );
}
