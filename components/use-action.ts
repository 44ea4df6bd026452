'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { ActionFailure, ActionResult } from '@/lib/action-client';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from './check-upload';
import { useTranslateMessage } from './use-translate-message';

/** The text to show for a refused action: its first field error, else its message, in the page's language. */
export function useFailureText() {
  const tm = useTranslateMessage();
  return useCallback(
    (r: ActionFailure) =>
      tm(Object.values(r.fieldErrors ?? {}).find(Boolean) ?? r.text ?? r.error, r.params) ?? r.error,
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

/**
 * A server action whose call the server may drop (an upload over its body limit, a phone losing its signal):
 * such a call rejects instead of answering, and is shown as unexpected.
 */
export function rejectionAsUnexpected<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  return (input: I) =>
    action(input).catch((): ActionResult<T> => ({
      ok: false,
      error: 'errors.unexpected',
      params: { ref: '-' },
    }));
}

/** A refusal as texts by field (the first segment of its path), else as `_form`. */
export function useRefusalTexts(refused: {
  error?: string;
  fieldErrors: Record<string, string>;
}): Record<string, string> {
  const tm = useTranslateMessage();
  const byField: Record<string, string> = Object.fromEntries(
    Object.entries(refused.fieldErrors).map(([k, v]) => [k.split('.')[0]!, tm(v) ?? v]),
  );
  return Object.keys(byField).length || !refused.error ? byField : { _form: refused.error };
}

/**
 * `useAction` for a form with files under `files`: a file over the upload limit is refused in the browser with
 * the message `tooBigKey` (as `errors.files`) before anything is sent. `errors` holds the texts by field;
 * `field(name)` gives a labelled field its name and error.
 */
export function useUploadAction<T>(
  action: (fd: FormData) => Promise<ActionResult<T>>,
  opts: { onSuccess?: (data: T) => void; refresh?: boolean; tooBigKey: string },
) {
  const tm = useTranslateMessage();
  const [tooBig, setTooBig] = useState<string>();
  const call = useAction(action, opts);
  const refused = useRefusalTexts(call);
  const upload = (fd: FormData) => {
    const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
    if (big) {
      call.reset();
      setTooBig(tm(opts.tooBigKey, { name: big, mb: 20 }) ?? '');
      return;
    }
    setTooBig(undefined);
    void call.run(fd);
  };
  const errors: Record<string, string> = tooBig ? { files: tooBig } : refused;
  /** A control's `name` and its refusal as `error`, to spread on a labelled field. */
  const field = (name: string) => ({ name, error: errors[name] });
  return { ...call, errors, upload, field };
}

/** The refusal to show under a form: none when it is already shown on the fields. */
export const formRefusal = (call: { error?: string; fieldErrors: Record<string, string> }) =>
  Object.keys(call.fieldErrors).length ? undefined : call.error;
