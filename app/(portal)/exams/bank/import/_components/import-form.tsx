'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useTranslateMessage } from '@/components/use-translate-message';
import { importQuestionsAction } from '@/lib/exams/bank-actions';
import type { BankImportReport } from '@/lib/exams/bank-import';
import { parseMsg } from '@/lib/i18n/message';

/** Upload, then either what was imported or the row-by-row report (nothing written). */
export function ImportForm() {
  const t = useTranslations('bank.import');
  const tm = useTranslateMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<BankImportReport>();
  // A field problem is itself a message key.
  const say = (m: string) => {
    const { params } = parseMsg(m);
    return tm(m, typeof params.problem === 'string' ? { problem: tm(params.problem) ?? '' } : undefined);
  };
  return (
    <div className="space-y-4">
      <form
        data-testid="import-form"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          start(async () => {
            setError(undefined);
            setReport(undefined);
            const r = await importQuestionsAction(fd);
            if (!r.ok) setError(tm(r.fieldErrors?.file ?? r.error, r.params));
            else setReport(r.data);
          });
        }}
      >
        <Field label={t('file')} htmlFor="file" hint={t('fileHint')}>
          <Input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </Field>
        <FormError message={error} />
        <Button type="submit" disabled={pending}>{pending ? t('importing') : t('submit')}</Button>
      </form>
      {report?.ok && (
        <div className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900" data-testid="import-success">
          {t('success', { created: report.created, updated: report.updated, unchanged: report.unchanged })} <Link href="/exams/bank" className="underline">{t('backToBank')}</Link>
        </div>
      )}
      {report && !report.ok && (
        <div className="rounded-lg border border-red-200 bg-white p-4 shadow-sm" data-testid="import-report">
          <p className="mb-2 text-sm font-medium text-red-800">{report.fileError ? say(report.fileError) : t('failed', { bad: report.rows.length, total: report.total })}</p>
          {report.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-stone-600"><tr><th className="p-2">{t('row')}</th><th className="p-2">{t('stem')}</th><th className="p-2">{t('problems')}</th></tr></thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.row} className="border-t border-stone-100 align-top">
                      <td className="p-2">{r.row}</td>
                      <td className="min-w-32 p-2">{r.stem || '—'}</td>
                      <td className="p-2"><ul className="list-disc pl-4">{r.messages.map((m, i) => <li key={i}>{say(m)}</li>)}</ul></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
