'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { RowProblemsTable } from '@/components/row-problems-table';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { inspectPeopleFileAction } from '@/lib/people/actions';
import type { ImportField, Mapping } from '@/lib/people/excel';
import type { ImportProgress, RowReport } from '@/lib/people/mutations/import';

type Inspected = {
  headers: string[];
  mapping: Mapping;
  sample: string[][];
  rows: number;
  fields: { key: ImportField; header: string; required: boolean }[];
};
type Result =
  | { ok: false; fileError: string }
  | { ok: false; total: number; rows: RowReport[]; more: number }
  | { ok: true; created: number; updated: number; accounts: number; accountsFile: string | null };

/** Reads the NDJSON lines of the import route as they arrive. */
async function* lines(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i).trim();
      buffer = buffer.slice(i + 1);
      if (line) yield JSON.parse(line) as Record<string, unknown>;
    }
  }
}

/**
 * Three steps: choose the file (the server reads its header and guesses which column is which), confirm the
 * mapping, import with a progress bar; then either what was imported or the row-by-row report.
 */
export function ImportWizard() {
  const t = useTranslations('peopleImport');
  const tm = useTranslateMessage();
  const [file, setFile] = useState<File | null>(null);
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [createAccounts, setCreateAccounts] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string>();
  const [passwords, setPasswords] = useState<string | null>(null);
  const inspect = useAction(inspectPeopleFileAction, {
    onSuccess: (d) => {
      setInspected(d as Inspected);
      setMapping(d.mapping);
    },
  });

  const choose = (f: File | null) => {
    setFile(f);
    setInspected(null);
    setResult(null);
    setError(undefined);
    inspect.reset();
    if (!f) return;
    const fd = new FormData();
    fd.set('file', f);
    void inspect.run(fd);
  };

  const start = async () => {
    if (!file || running) return;
    setRunning(true);
    setResult(null);
    setError(undefined);
    setProgress(null);
    const fd = new FormData();
    fd.set('file', file);
    fd.set('mapping', JSON.stringify(mapping));
    if (createAccounts) fd.set('createAccounts', 'on');
    try {
      const res = await fetch('/api/people/import', { method: 'POST', body: fd });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        setError(tm(body.error ?? 'errors.unexpected', { ref: res.status }));
        return;
      }
      for await (const m of lines(res.body)) {
        if (m.type === 'progress') setProgress(m as unknown as ImportProgress);
        if (m.type === 'failure') {
          const f = m.failure as { error: string; params?: Record<string, string | number> };
          setError(tm(f.error, f.params));
        }
        if (m.type === 'result') {
          const r = m.result as Result;
          setResult(r);
          if (r.ok) setPasswords(r.accountsFile);
        }
      }
    } catch {
      setError(tm('errors.unexpected', { ref: '-' }));
    } finally {
      setRunning(false);
    }
  };

  // The one-time passwords are handed over once: after the download they are dropped from the page.
  const downloadPasswords = () => {
    if (!passwords) return;
    const bytes = Uint8Array.from(atob(passwords), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = t('passwordsFile');
    a.click();
    URL.revokeObjectURL(url);
    setPasswords(null);
  };

  const missing = inspected?.fields.filter((f) => f.required && !mapping[f.key]) ?? [];
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid="import-step-file">
        <h2 className="mb-2 font-medium">{t('step1')}</h2>
        <Field label={t('file')} htmlFor="people-file" hint={t('fileHint')} error={inspect.error}>
          <Input
            id="people-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            disabled={running}
          />
        </Field>
        {inspect.pending && <p className="mt-2 text-sm text-stone-600">{t('reading')}</p>}
      </section>

      {inspected && (
        <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid="import-mapping">
          <h2 className="font-medium">{t('step2')}</h2>
          <p className="mb-3 text-sm text-stone-600">{t('mappingIntro', { rows: inspected.rows })}</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {inspected.fields.map((f) => (
              <Field
                key={f.key}
                label={`${f.header}${f.required ? ' *' : ''}`}
                htmlFor={`map-${f.key}`}
                hint={
                  mapping[f.key] && inspected.sample[0]?.[mapping[f.key]!]
                    ? t('example', { value: inspected.sample[0][mapping[f.key]!]! })
                    : undefined
                }
              >
                <Select
                  id={`map-${f.key}`}
                  value={mapping[f.key] ?? ''}
                  onChange={(e) =>
                    setMapping((m) => ({
                      ...m,
                      [f.key]: e.target.value ? Number(e.target.value) : undefined,
                    }))
                  }
                >
                  <option value="">{t('notInFile')}</option>
                  {inspected.headers.map((h, i) =>
                    i > 0 && h ? (
                      <option key={i} value={i}>
                        {t('column', { n: i, header: h })}
                      </option>
                    ) : null,
                  )}
                </Select>
              </Field>
            ))}
          </div>
          <label className="mt-4 flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={createAccounts}
              onChange={(e) => setCreateAccounts(e.target.checked)}
            />
            {t('createAccounts')}
          </label>
          <p className="text-xs text-stone-500">{t('createAccountsHint')}</p>
          {missing.length > 0 && (
            <p className="mt-2 text-sm text-red-700" role="alert">
              {t('missing', { fields: missing.map((f) => f.header).join('、') })}
            </p>
          )}
          <div className="mt-4">
            <Button type="button" variant="primary" onClick={start} disabled={running || missing.length > 0}>
              {running ? t('importing') : t('submit', { rows: inspected.rows })}
            </Button>
          </div>
        </section>
      )}

      {running && (
        <section aria-live="polite" className="rounded-lg border border-stone-200 bg-white p-4">
          <p className="mb-2 text-sm">
            {progress
              ? t(`phases.${progress.phase}`, { done: progress.done, total: progress.total })
              : t('uploading')}
          </p>
          <progress
            className="h-3 w-full"
            max={100}
            value={pct}
            aria-label={t('progress')}
            data-testid="import-progress"
          />
        </section>
      )}

      <FormError message={error} />

      {result?.ok && (
        <section
          className="rounded-lg border border-green-200 bg-green-50 p-4"
          data-testid="import-success"
          role="status"
        >
          <p className="font-medium text-green-900">
            {t('done', { created: result.created, updated: result.updated, accounts: result.accounts })}
          </p>
          {passwords ? (
            <div className="mt-2 space-y-2">
              <p className="text-sm text-amber-800">{t('passwordsOnce')}</p>
              <Button type="button" variant="primary" onClick={downloadPasswords}>
                {t('downloadPasswords')}
              </Button>
            </div>
          ) : (
            result.accounts > 0 && <p className="mt-2 text-sm text-stone-600">{t('passwordsGone')}</p>
          )}
        </section>
      )}

      {result && !result.ok && (
        <section
          className="rounded-lg border border-red-200 bg-white p-4"
          data-testid="import-report"
          role="alert"
        >
          {'fileError' in result ? (
            <p className="text-sm font-medium text-red-800">{tm(result.fileError)}</p>
          ) : (
            <>
              <p className="mb-2 text-sm font-medium text-red-800">
                {t('failed', { bad: result.rows.length + result.more, total: result.total })}
              </p>
              <RowProblemsTable
                headers={{ row: t('row'), label: t('who'), problems: t('problems') }}
                rows={result.rows.map((r) => ({
                  row: r.row,
                  label: (
                    <>
                      {r.name || '—'} <span className="font-mono text-xs text-stone-500">{r.employeeNo}</span>
                    </>
                  ),
                  problems: r.errors.map((e) => (
                    <>
                      {e.field ? `${e.field}：` : ''}
                      {tm(e.message)}
                    </>
                  )),
                }))}
              />
              {result.more > 0 && (
                <p className="mt-2 text-sm text-stone-600">{t('more', { more: result.more })}</p>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
