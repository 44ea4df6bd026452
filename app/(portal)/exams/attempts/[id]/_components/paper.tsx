'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/field';
import { saveAnswerAction, submitAttemptAction } from '@/lib/exams/actions';

/** Options are lettered in the order this candidate sees them; the answer keeps each option's own id. */
const LETTERS = 'ABCDEFGH';

type Q = { id: string; type: string; stem: string; options: { id: string; text: string }[]; points: number };
type Answer = string | boolean | string[] | null;

/**
 * The paper on a phone. Each answer is saved to the server as it is given (and kept on the device
 * until the server has it), so a reload or a lost connection loses nothing; the countdown runs to the
 * deadline the server fixed, and at zero the paper is submitted (the server refuses later answers anyway).
 */
export function Paper({
  attemptId,
  questions,
  saved,
  deadline,
}: {
  attemptId: string;
  questions: Q[];
  saved: Record<string, Answer>;
  deadline: string;
}) {
  const t = useTranslations('exams');
  const tm = useTranslateMessage();
  const router = useRouter();
  const key = `wubiao:attempt:${attemptId}`;
  const [answers, setAnswers] = useState<Record<string, Answer>>(saved);
  const [left, setLeft] = useState(() => Math.max(0, new Date(deadline).getTime() - Date.now()));
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const submitted = useRef(false);
  // Stable callbacks: the helpers below must not change identity on every render (effects depend on them).
  const tmRef = useRef(tm);
  const routerRef = useRef(router);
  useEffect(() => {
    tmRef.current = tm;
    routerRef.current = router;
  }, [tm, router]);
  // One flush at a time; changes made meanwhile are picked up by another pass.
  const busy = useRef(false);
  const again = useRef(false);
  const flush = useCallback(async (): Promise<void> => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        const queue: Record<string, Answer> = JSON.parse(window.localStorage.getItem(key) ?? '{}');
        for (const [questionId, answer] of Object.entries(queue)) {
          const r = await saveAnswerAction({ attemptId, questionId, answer }).catch(() => null);
          if (!r) return; // offline: keep it for the next try
          const rest: Record<string, Answer> = JSON.parse(window.localStorage.getItem(key) ?? '{}');
          if (JSON.stringify(rest[questionId]) === JSON.stringify(answer)) {
            delete rest[questionId];
            window.localStorage.setItem(key, JSON.stringify(rest));
          }
          if (!r.ok) {
            setError(tmRef.current(r.text ?? r.error, r.params) ?? r.error);
            if (r.error === 'exams.errors.timeUp' || r.error === 'exams.errors.submitted') {
              routerRef.current.refresh();
              return;
            }
          }
        }
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }, [attemptId, key]);
  const drain = useCallback(async () => {
    await flush();
    while (busy.current) await new Promise((r) => setTimeout(r, 50));
    if (Object.keys(JSON.parse(window.localStorage.getItem(key) ?? '{}')).length) await flush();
  }, [flush, key]);
  useEffect(() => {
    // Once: what this device still holds wins over what the page was rendered with; then send it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAnswers((a) => ({ ...a, ...JSON.parse(window.localStorage.getItem(key) ?? '{}') }));
    void flush();
    const on = () => void flush();
    window.addEventListener('online', on);
    return () => window.removeEventListener('online', on);
  }, [flush, key]);
  const submit = useCallback(
    () =>
      start(async () => {
        if (submitted.current) return;
        submitted.current = true;
        await drain();
        const r = await submitAttemptAction({ attemptId });
        if (!r.ok && r.error !== 'exams.errors.submitted') {
          submitted.current = false;
          setError(tmRef.current(r.text ?? r.error, r.params) ?? r.error);
          return;
        }
        window.localStorage.removeItem(key);
        routerRef.current.refresh();
      }),
    [attemptId, drain, key],
  );
  useEffect(() => {
    const timer = setInterval(() => {
      const ms = Math.max(0, new Date(deadline).getTime() - Date.now());
      setLeft(ms);
      if (ms === 0) {
        clearInterval(timer);
        submit();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, submit]);
  const answer = useCallback(
    (qid: string, value: Answer) => {
      setAnswers((a) => ({ ...a, [qid]: value }));
      const queue = JSON.parse(window.localStorage.getItem(key) ?? '{}');
      window.localStorage.setItem(key, JSON.stringify({ ...queue, [qid]: value }));
      void flush();
    },
    [flush, key],
  );
  const mm = Math.floor(left / 60_000);
  const ss = Math.floor((left % 60_000) / 1000);
  return (
    <div className="space-y-4" data-testid="paper">
      <p
        className="sticky top-0 z-10 rounded-md bg-stone-100 p-2 text-center font-semibold"
        data-testid="countdown"
      >
        {t('timeLeft', { time: `${mm}:${String(ss).padStart(2, '0')}` })}
      </p>
      <ol className="space-y-4">
        {/* answer() reaches the flush refs only from the inputs' change handlers, never while rendering. */}
        {/* eslint-disable-next-line react-hooks/refs */}
        {questions.map((q, i) => {
          const v = answers[q.id];
          return (
            <li key={q.id} className="rounded-md border border-stone-200 p-3" data-testid="question">
              <p className="font-medium">
                {i + 1}. 【{t(`types.${q.type}` as never)}·{q.points}
                {t('pts')}】{q.stem}
              </p>
              <div className="mt-2 space-y-1">
                {q.type === 'SINGLE' &&
                  q.options.map((o, j) => (
                    <label key={o.id} className="flex min-h-11 items-center gap-3">
                      <input
                        type="radio"
                        name={q.id}
                        className="size-5"
                        checked={v === o.id}
                        onChange={() => answer(q.id, o.id)}
                      />
                      {LETTERS[j]}. {o.text}
                    </label>
                  ))}
                {q.type === 'MULTIPLE' &&
                  q.options.map((o, j) => {
                    const list = Array.isArray(v) ? v : [];
                    return (
                      <label key={o.id} className="flex min-h-11 items-center gap-3">
                        <input
                          type="checkbox"
                          className="size-5"
                          checked={list.includes(o.id)}
                          onChange={(e) =>
                            answer(
                              q.id,
                              e.target.checked ? [...list, o.id].sort() : list.filter((x) => x !== o.id),
                            )
                          }
                        />
                        {LETTERS[j]}. {o.text}
                      </label>
                    );
                  })}
                {q.type === 'JUDGE' &&
                  [true, false].map((b) => (
                    <label key={String(b)} className="flex min-h-11 items-center gap-3">
                      <input
                        type="radio"
                        name={q.id}
                        className="size-5"
                        checked={v === b}
                        onChange={() => answer(q.id, b)}
                      />
                      {b ? t('true') : t('false')}
                    </label>
                  ))}
                {q.type === 'BLANK' && (
                  <Input
                    aria-label={`${i + 1}`}
                    value={typeof v === 'string' ? v : ''}
                    onChange={(e) => answer(q.id, e.target.value)}
                  />
                )}
                {q.type === 'SHORT' && (
                  <Textarea
                    aria-label={`${i + 1}`}
                    rows={4}
                    value={typeof v === 'string' ? v : ''}
                    onChange={(e) => answer(q.id, e.target.value)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <FormError message={error} />
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() => {
          if (window.confirm(t('submitConfirm'))) submit();
        }}
      >
        {t('submit')}
      </Button>
    </div>
  );
}
