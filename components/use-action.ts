'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-client';
import { useTranslateMessage } from './use-translate-message';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** The text to show for a refused action: its first field error, else its message, in the page's language. */
export function useFailureText() {
  const tm = useTranslateMessage();
  return useCallback(
    (r: Failure) => tm(Object.values(r.fieldErrors ?? {}).find(Boolean) ?? r.error, r.params) ?? r.error,
    [tm],
  );
}

/**
 * The one way a client component calls a server action: pending state (a second call while one runs is
 * ignored, so a double tap submits once), the refusal as translated text and per-field keys, and a success
 * callback. `refresh` re-reads the page's server data after success.
 */
export function useAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  opts: { onSuccess?: (data: T, input: I) => void; refresh?: boolean } = {},
) {
  const failureText = useFailureText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const busy = useRef(false);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<T> | null>((resolve) => {
        if (busy.current) return resolve(null);
        busy.current = true;
        start(async () => {
          try {
            const r = await action(input);
            if (r.ok) {
              setError(undefined);
              setFieldErrors({});
              latest.current.onSuccess?.(r.data, input);
              if (latest.current.refresh) router.refresh();
            } else {
              setFieldErrors(r.fieldErrors ?? {});
              setError(failureText(r));
            }
            resolve(r);
          } finally {
            busy.current = false;
          }
        });
      }),
    [action, failureText, router],
  );
  const reset = useCallback(() => {
    setError(undefined);
    setFieldErrors({});
  }, []);
  return { run, pending, error, fieldErrors, setError, reset };
}
