'use client';
import { RowProblemsTable } from '@/components/row-problems-table';
import { useTranslateMessage } from '@/components/use-translate-message';
import { ImportSuccess, useXlsxImport, XlsxUpload } from '@/components/xlsx-upload';
import type { ActionResult } from '@/lib/action-client';
import { parseMsg } from '@/lib/i18n/message';
import { useTranslations } from 'next-intl';

export type RowProblems = { row: number; label: string; messages: string[] };
type Failed = { ok: false; total: number; fileError?: string };

/**
 * An all-or-nothing Excel import: upload, then either what was imported or the row-by-row report
 * (nothing written). `namespace` holds file, fileHint, submit, importing, failed, row, problems and
 * the label column's header under `labelKey`.
 */
export function XlsxImportForm<R extends { ok: true } | Failed>({
  namespace,
  labelKey,
  action,
  success,
  problems,
}: {
  namespace: string;
  labelKey: string;
  action: (fd: FormData) => Promise<ActionResult<R>>;
  success: (report: Extract<R, { ok: true }>) => React.ReactNode;
  problems: (report: Extract<R, { ok: false }>) => RowProblems[];
}) {
  const t = useTranslations(namespace);
  const tm = useTranslateMessage();
  const { report, upload } = useXlsxImport(action);
  // Row problems may carry a field problem that is itself a message key.
  const say = (m: string) => {
    const { params } = parseMsg(m);
    return tm(
      m,
      typeof params.problem === 'string' ? { problem: tm(String(params.problem)) ?? '' } : undefined,
    );
  };
  const failed = report && !report.ok ? (report as Extract<R, { ok: false }>) : null;
  const rows = failed ? problems(failed) : [];
  return (
    <div className="space-y-4">
      <XlsxUpload
        testId="import-form"
        texts={{ file: t('file'), hint: t('fileHint'), submit: t('submit'), importing: t('importing') }}
        {...upload}
      />
      {report?.ok && (
        <ImportSuccess testId="import-success">{success(report as Extract<R, { ok: true }>)}</ImportSuccess>
      )}
      {failed && (
        <div className="rounded-lg border border-red-200 bg-white p-4 shadow-sm" data-testid="import-report">
          <p className="mb-2 text-sm font-medium text-red-800">
            {failed.fileError
              ? say(failed.fileError)
              : t('failed', { bad: rows.length, total: failed.total })}
          </p>
          {rows.length > 0 && (
            <RowProblemsTable
              headers={{ row: t('row'), label: t(labelKey), problems: t('problems') }}
              rows={rows.map((r) => ({ row: r.row, label: r.label || '—', problems: r.messages.map(say) }))}
            />
          )}
        </div>
      )}
    </div>
  );
}
