'use client';
import type { Choice } from '@/components/ui/options';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { useFailureText } from '@/components/use-action';
import { saveSheetAction, submitSheetAction } from '@/lib/self-check/actions';
import { ScoreInput, type SheetCriterionLine } from '@/components/score-input';
import { SheetScoreNote } from '@/components/sheet-score-note';
import { isApplicable } from '@/lib/handbook/scoring';
import { LedgerRefs } from '@/components/ledger-refs';
import type { Ref } from '@/lib/ledger/rules';
import { belowRecords, lineDeduction, SHEET_SCOPE, sheetScore } from '@/lib/self-check/rules';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';

export type EditorLine = SheetCriterionLine & {
  criterionId: string;
  annualOnly: boolean;
  /** A computed criterion: the count the unit's own records give, and those records. */
  suggested: number | null;
  refs: Ref[];
  count: number | null;
  reason: string;
  taskIds: string[];
  tasks: Choice[];
};
type Draft = Record<string, { count: string; reason: string; taskIds: string[] }>;

/**
 * The sheet form. What is typed is also kept in this device's storage until it is saved, so a lost
 * connection or a reload on site loses nothing; a save refused as stale keeps it too.
 */
export function SheetEditor({
  sheetId,
  lockVersion,
  lines,
  canSubmit,
  bonusCap,
}: {
  sheetId: string;
  lockVersion: number;
  lines: EditorLine[];
  canSubmit: boolean;
  bonusCap: number;
}) {
  const t = useTranslations('selfCheck');
  const failureText = useFailureText();
  const router = useRouter();
  const storageKey = `wubiao:sheet:${sheetId}:${lockVersion}`;
  const initial: Draft = Object.fromEntries(
    lines.map((l) => [
      l.criterionId,
      { count: l.count === null ? '' : String(l.count), reason: l.reason, taskIds: l.taskIds },
    ]),
  );
  const [draft, setDraft] = useState<Draft>(initial);
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey);
    if (saved) {
      // The device's unsaved typing exists only in the browser: restored once hydrated.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setDraft({ ...initial, ...JSON.parse(saved) });
      setNote(t('restored'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  const update = (id: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => {
      const next = { ...d, [id]: { ...d[id]!, ...patch } };
      window.localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  const sheetLines = useMemo(
    () =>
      lines.map((l) => {
        const c = draft[l.criterionId]!.count;
        const count = c === '' || !/^\d+$/.test(c) ? null : Number(c);
        return { criterion: { ...l, id: l.criterionId }, count };
      }),
    [draft, lines],
  );
  const score = sheetScore(sheetLines, bonusCap);
  const items = () =>
    lines.map((l) => ({
      criterionId: l.criterionId,
      count: draft[l.criterionId]!.count === '' ? null : Number(draft[l.criterionId]!.count),
      reason: draft[l.criterionId]!.reason,
      taskIds: draft[l.criterionId]!.taskIds,
    }));
  const save = async () => {
    const r = await saveSheetAction({ sheetId, lockVersion, items: items() });
    if (!r.ok) {
      setError(failureText(r));
      return null;
    }
    window.localStorage.removeItem(storageKey);
    return r.data.lockVersion;
  };
  return (
    <form className="space-y-3" data-testid="sheet-editor" onSubmit={(e) => e.preventDefault()}>
      {note && (
        <p className="text-sm text-amber-700" role="status">
          {note}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-stone-600">
            <tr>
              <th className="p-2">{t('criterion')}</th>
              <th className="p-2">{t('maxPoints')}</th>
              <th className="p-2">{t('count')}</th>
              <th className="p-2">{t('deduction')}</th>
              <th className="p-2">
                {t('reason')} / {t('evidence')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr
                key={l.criterionId}
                className="border-t border-stone-100 align-top"
                data-testid={`line-${l.code}`}
              >
                <td className="p-2">
                  <div className="font-medium">
                    {l.code} {l.title}
                  </div>
                  <div className="text-xs text-stone-500">
                    {l.category} · {l.rule}
                  </div>
                  {l.suggested !== null && (
                    <div className="mt-1 text-xs text-blue-900" data-testid={`records-${l.code}`}>
                      {t('fromRecords', { count: l.suggested })}
                      <LedgerRefs refs={l.refs} max={6} />
                      {belowRecords({ count: sheetLines[i]!.count, suggested: l.suggested }) && (
                        <p className="font-medium text-red-700" data-testid={`below-${l.code}`}>
                          {t('belowRecordsLine', { count: l.suggested })}
                        </p>
                      )}
                    </div>
                  )}
                </td>
                <td className="p-2">{l.maxPoints}</td>
                <td className="p-2">
                  <ScoreInput
                    criterion={{ ...l, applicable: isApplicable(l, SHEET_SCOPE) }}
                    label={`${l.code} ${t('count')}`}
                    value={draft[l.criterionId]!.count}
                    placeholder={t('countHint')}
                    onChange={(count) => update(l.criterionId, { count })}
                  />
                </td>
                <td className="p-2">{lineDeduction(sheetLines[i]!)}</td>
                <td className="p-2">
                  <Input
                    aria-label={`${l.code} ${t('reason')}`}
                    maxLength={500}
                    value={draft[l.criterionId]!.reason}
                    onChange={(e) => update(l.criterionId, { reason: e.target.value })}
                  />
                  {l.tasks.length > 0 && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-brand-700">
                        {t('evidence')}（{draft[l.criterionId]!.taskIds.length}）
                      </summary>
                      {l.tasks.map((x) => (
                        <label key={x.id} className="flex items-center gap-2 text-xs">
                          <input
                            type="checkbox"
                            checked={draft[l.criterionId]!.taskIds.includes(x.id)}
                            onChange={(e) =>
                              update(l.criterionId, {
                                taskIds: e.target.checked
                                  ? [...draft[l.criterionId]!.taskIds, x.id]
                                  : draft[l.criterionId]!.taskIds.filter((y) => y !== x.id),
                              })
                            }
                          />
                          {x.label}
                        </label>
                      ))}
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="font-medium" data-testid="running-total">
        {t('runningTotal', { total: score.percent })}
      </p>
      <SheetScoreNote score={score} />
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setError(undefined);
              if ((await save()) !== null) {
                setNote(t('saved'));
                router.refresh();
              }
            })
          }
        >
          {t('save')}
        </Button>
        {canSubmit && (
          <Button
            type="button"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t('submitConfirm'))) return;
              start(async () => {
                setError(undefined);
                const v = await save();
                if (v === null) return;
                const r = await submitSheetAction({ sheetId, lockVersion: v });
                if (!r.ok) {
                  setError(failureText(r));
                  router.refresh();
                  return;
                }
                setNote(t('submitted', { total: r.data.total }));
                router.refresh();
              });
            }}
          >
            {t('submit')}
          </Button>
        )}
      </div>
    </form>
  );
}
