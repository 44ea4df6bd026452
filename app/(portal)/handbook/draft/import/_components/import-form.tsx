'use client';
import { useTranslateMessage } from '@/components/use-translate-message';
import { ImportSuccess, useXlsxImport, XlsxUpload } from '@/components/xlsx-upload';
import { importHandbookAction } from '@/lib/handbook/actions';
import { useTranslations } from 'next-intl';
import Link from 'next/link';

export function HandbookImportForm() {
  const t = useTranslations('handbookImport');
  const tm = useTranslateMessage();
  const { report, upload } = useXlsxImport(importHandbookAction);
  return (
    <div className="space-y-4">
      <XlsxUpload
        testId="handbook-import-form"
        texts={{ file: t('file'), submit: t('submit'), importing: t('importing') }}
        confirm={t('confirm')}
        {...upload}
      />
      {report?.ok && (
        <ImportSuccess testId="handbook-import-success">
          {t('success', { articles: report.articles, actions: report.actions, criteria: report.criteria })}{' '}
          <Link href="/handbook/draft" className="underline">
            {t('back')}
          </Link>
        </ImportSuccess>
      )}
      {report && !report.ok && (
        <div
          className="overflow-x-auto rounded-lg border border-red-200 bg-white p-4 shadow-sm"
          data-testid="handbook-import-report"
        >
          <p className="mb-2 text-sm font-medium text-red-800">
            {t('failed', { count: report.errors.length })}
          </p>
          <table className="w-full text-sm">
            <thead className="text-left text-stone-600">
              <tr>
                <th className="p-2">{t('sheet')}</th>
                <th className="p-2">{t('row')}</th>
                <th className="p-2">{t('column')}</th>
                <th className="p-2">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((x, i) => (
                <tr key={i} className="border-t border-stone-100">
                  <td className="p-2">{x.sheet}</td>
                  <td className="p-2">{x.row || '—'}</td>
                  <td className="p-2">{x.column || '—'}</td>
                  <td className="p-2">{tm(x.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
