'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { FormSubmit } from '@/components/form-submit';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import type { ActionResult } from '@/lib/action-client';
import { useState } from 'react';

/**
 * The upload half of every Excel import: one .xlsx file, the refusal, and a button that says it is importing.
 * `onUpload` receives the form's data; `confirm`, when given, is asked first.
 */
export function XlsxUpload({
  testId,
  texts,
  error,
  pending,
  confirm,
  onUpload,
}: {
  testId: string;
  texts: { file: string; hint?: string; submit: string; importing: string };
  error?: string;
  pending: boolean;
  confirm?: string;
  onUpload: (fd: FormData) => void;
}) {
  return (
    <form
      data-testid={testId}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      onSubmit={onFormSubmit((fd) => {
        if (confirm && !window.confirm(confirm)) return;
        onUpload(fd);
      })}
    >
      <Field label={texts.file} htmlFor="file" hint={texts.hint}>
        <Input
          id="file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
        />
      </Field>
      <FormSubmit error={error} pending={pending} label={pending ? texts.importing : texts.submit} />
    </form>
  );
}

/**
 * An import's state: the report of the last upload, and the upload form's `error`, `pending` and `onUpload` (a
 * new upload forgets the last report).
 */
export function useXlsxImport<R>(action: (fd: FormData) => Promise<ActionResult<R>>) {
  const [report, setReport] = useState<R>();
  const importing = useAction(action, { onSuccess: setReport });
  const upload = {
    error: importing.error,
    pending: importing.pending,
    onUpload: (fd: FormData) => {
      importing.reset();
      setReport(undefined);
      void importing.run(fd);
    },
  };
  return { report, upload };
}

/** What an import wrote, in green. */
export function ImportSuccess({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <div
      className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900"
      data-testid={testId}
    >
      {children}
    </div>
  );
}
