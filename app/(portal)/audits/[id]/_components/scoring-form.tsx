'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/field';
import {
  addAuditEvidenceAction,
  addFindingAction,
  finishAuditAction,
  saveNoteAction,
  saveScoreAction,
} from '@/lib/audits/actions';
import { AUDIT_METHODS, FINDING_KINDS } from '@/lib/audits/schema';
import { criterionScore, deduction, gradeOf, total } from '@/lib/handbook/rules';
import { useSyncQueue, type QueueEntry } from './use-sync-queue';

export type Line = {
  id: string;
  code: string;
  title: string;
  category: string;
  rule: string;
  maxPoints: number;
  unitDeduction: number;
  cap: number | null;
  self: number | null;
  focus: string[];
  tasks: { id: string; label: string }[];
};
type Values = Record<string, { count: string; reason: string; taskIds: string[] }>;
type Finding = { clientKey: string; kind: string; text: string; criterionId?: string };

export function ScoringForm(props: {
  auditId: string;
  lines: Line[];
  scores: Values;
  notes: Record<string, string>;
  findings: Finding[];
  evidence: { id: string; fileName: string; criterionId: string | null }[];
}) {
  const { auditId, lines } = props;
  const t = useTranslations('audits');
  const tb = useTranslations('handbook.bands');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [values, setValues] = useState<Values>(props.scores);
  const [notes, setNotes] = useState<Record<string, string>>(props.notes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploads, setUploads] = useState<{ name: string; criterionId: string }[]>([]);
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
    (e: QueueEntry, error: string, params?: Record<string, string | number>) =>
      setErrors((x) => ({ ...x, [e.key]: tm(error, params) ?? error })),
    [tm],
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

  const scored = lines.filter((l) => /^\d+$/.test(values[l.id]?.count ?? ''));
  const sum = total(lines.map((l) => criterionScore(l, Number(values[l.id]?.count) || 0)));
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
        {lines.map((l) => {
          const v = values[l.id] ?? { count: '', reason: '', taskIds: [] };
          const d = /^\d+$/.test(v.count) ? deduction(l, Number(v.count)) : null;
          return (
            <li
              key={l.id}
              className="rounded-md border border-stone-200 p-3"
              data-testid={`criterion-${l.code}`}
            >
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
              <div className="mt-2 grid grid-cols-[6rem_1fr] items-center gap-2">
                <Input
                  aria-label={`${l.code} ${t('count')}`}
                  inputMode="numeric"
                  value={v.count}
                  onChange={(e) => setScore(l, { count: e.target.value.trim() })}
                  className="text-lg"
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
                onChange={(e) => setScore(l, { reason: e.target.value })}
                placeholder={t('reason')}
              />
              <FormError message={errors[`score:${l.id}`] || undefined} />
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
                    if (r?.ok) setUploads((u) => [...u, { name: file.name, criterionId: l.id }]);
                    else
                      setErrors((x) => ({
                        ...x,
                        [`score:${l.id}`]: r
                          ? (tm(Object.values(r.fieldErrors ?? {})[0] ?? r.error, r.params) ?? r.error)
                          : t('offline'),
                      }));
                    e.target.value = '';
                  }}
                />
              </label>
              <ul className="text-xs text-stone-600">
                {[
                  ...props.evidence.filter((f) => f.criterionId === l.id).map((f) => f.fileName),
                  ...uploads.filter((u) => u.criterionId === l.id).map((u) => u.name),
                ].map((n, i) => (
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
                          setScore(l, {
                            taskIds: e.target.checked
                              ? [...v.taskIds, x.id]
                              : v.taskIds.filter((y) => y !== x.id),
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
        })}
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
          {t('total', { total: sum, grade: tb(gradeOf(sum) as never) })}
          {scored.length < lines.length && ` · ${t('unscored', { count: lines.length - scored.length })}`}
        </p>
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
              } else setFormError(tm(r.error, r.params) ?? r.error);
            });
          }}
        >
          {t('finish')}
        </Button>
      </div>
    </div>
  );
}

function FindingsPanel({
  lines,
  findings,
  onAdd,
  errors,
}: {
  lines: Line[];
  findings: Finding[];
  onAdd: (f: Finding) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations('audits');
  const [kind, setKind] = useState<string>('PROBLEM');
  const [text, setText] = useState('');
  const [criterionId, setCriterionId] = useState('');
  const byId = useMemo(() => new Map(lines.map((l) => [l.id, l.code])), [lines]);
  return (
    <section className="space-y-2" data-testid="findings">
      <h2 className="font-semibold">{t('findings')}</h2>
      <ul className="space-y-1 text-sm">
        {findings.map((f) => (
          <li key={f.clientKey}>
            【{t(`findingKinds.${f.kind}` as never)}】{f.text}
            {f.criterionId && ` · ${byId.get(f.criterionId)}`}
            <FormError message={errors[f.clientKey] || undefined} />
          </li>
        ))}
      </ul>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <Select aria-label={t('findingText')} value={kind} onChange={(e) => setKind(e.target.value)}>
          {FINDING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`findingKinds.${k}`)}
            </option>
          ))}
        </Select>
        <Input
          aria-label={t('findingText')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('findingText')}
        />
        <Select
          aria-label={t('relatedCriterion')}
          value={criterionId}
          onChange={(e) => setCriterionId(e.target.value)}
        >
          <option value="">{t('relatedCriterion')}</option>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} {l.title}
            </option>
          ))}
        </Select>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            if (text.trim().length < 2) return;
            onAdd({
              clientKey: crypto.randomUUID(),
              kind,
              text: text.trim(),
              ...(criterionId ? { criterionId } : {}),
            });
            setText('');
          }}
        >
          {t('addFinding')}
        </Button>
      </div>
    </section>
  );
}
