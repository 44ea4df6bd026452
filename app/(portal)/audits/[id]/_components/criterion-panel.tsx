'use client';
import { FormError } from '@/components/form-error';
import { Textarea } from '@/components/ui/field';
import { useFailureText } from '@/components/use-action';
import { addAuditEvidenceAction } from '@/lib/audits/actions';
import { LedgerRefs } from '@/components/ledger-refs';
import { ScoreInput } from '@/components/score-input';
import { Button } from '@/components/ui/button';
import { scoreLine } from '@/lib/handbook/scoring';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Line, Values } from './scoring-form';

type Score = Values[string];

/** One criterion on the auditor's phone: shortfalls, reason, photos from the camera, the unit's tasks. */
export function CriterionPanel({
  auditId,
  line: l,
  value: v,
  error,
  evidence,
  onChange,
  onError,
}: {
  auditId: string;
  line: Line;
  value: Score;
  error?: string;
  evidence: string[];
  onChange: (patch: Partial<Score>) => void;
  onError: (message: string) => void;
}) {
  const t = useTranslations('audits');
  const failureText = useFailureText();
  const [uploaded, setUploaded] = useState<string[]>([]);
  const d = /^\d+$/.test(v.count) && l.applicable ? scoreLine(l, Number(v.count), 'YEAR').deduction : null;
  return (
    <li key={l.id} className="rounded-md border border-stone-200 p-3" data-testid={`criterion-${l.code}`}>
      <div className="font-medium">
        {l.code} {l.title}
      </div>
      <div className="text-xs text-stone-500">
        {l.category} · {l.maxPoints} · {l.rule}
        {l.self !== null && ` · ${t('selfSays', { deduction: l.self })}`}
      </div>
      {l.focus.map((f, i) => (
        <div
          key={i}
          className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900"
          data-testid="criterion-focus"
        >
          {f}
        </div>
      ))}
      {l.suggestion && (
        <div
          className="mt-2 rounded-md bg-blue-50 p-2 text-sm text-blue-950"
          data-testid={`suggestion-${l.code}`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>{t('suggested', { count: l.suggestion.count, deduction: l.suggestion.deduction })}</span>
            <Button
              type="button"
              variant="secondary"
              disabled={v.count === String(l.suggestion.count)}
              onClick={() => onChange({ count: String(l.suggestion!.count) })}
            >
              {v.count === String(l.suggestion.count) ? t('confirmed') : t('confirm')}
            </Button>
          </div>
          <LedgerRefs refs={l.suggestion.refs} />
          {/^\d+$/.test(v.count) && Number(v.count) !== l.suggestion.count && (
            <p className="mt-1 font-medium text-amber-800" data-testid={`override-${l.code}`}>
              {t('overrideNeedsReason', { suggested: l.suggestion.count })}
            </p>
          )}
        </div>
      )}
      <div className="mt-2 grid grid-cols-[6rem_1fr] items-center gap-2">
        <ScoreInput
          criterion={l}
          label={`${l.code} ${t('count')}`}
          value={v.count}
          className="text-lg"
          onChange={(count) => onChange({ count })}
        />
        <span className="text-sm">
          {t('deduction')} {d ?? '—'}
        </span>
      </div>
      <Textarea
        aria-label={`${l.code} ${t('reason')}`}
        rows={2}
        className="mt-2"
        value={v.reason}
        onChange={(e) => onChange({ reason: e.target.value })}
        placeholder={t('reason')}
      />
      <FormError message={error || undefined} />
      <label className="mt-2 flex min-h-11 cursor-pointer items-center gap-2 text-sm text-brand-700">
        📷 {t('photo')}
        <input
          type="file"
          accept="image/*,.pdf,.docx,.xlsx"
          capture="environment"
          className="sr-only"
          aria-label={`${l.code} ${t('photo')}`}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const fd = new FormData();
            fd.set('auditId', auditId);
            fd.set('criterionId', l.id);
            fd.set('clientKey', crypto.randomUUID());
            fd.set('file', file);
            const r = await addAuditEvidenceAction(fd).catch(() => null);
            if (r?.ok) setUploaded((u) => [...u, file.name]);
            else onError(r ? failureText(r) : t('offline'));
            e.target.value = '';
          }}
        />
      </label>
      <ul className="text-xs text-stone-600">
        {[...evidence, ...uploaded].map((n, i) => (
          <li key={i}>📎 {n}</li>
        ))}
      </ul>
      {l.tasks.length > 0 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-brand-700">
            {t('tasks')}（{v.taskIds.length}）
          </summary>
          {l.tasks.map((x) => (
            <label key={x.id} className="flex min-h-9 items-center gap-2">
              <input
                type="checkbox"
                checked={v.taskIds.includes(x.id)}
                onChange={(e) =>
                  onChange({
                    taskIds: e.target.checked ? [...v.taskIds, x.id] : v.taskIds.filter((y) => y !== x.id),
                  })
                }
              />
              {x.label}
            </label>
          ))}
        </details>
      )}
    </li>
  );
}
