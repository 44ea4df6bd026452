'use client';
import { Table } from '@/components/ui/table';
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
          <Table
            framed={false}
            rows={report.errors}
            rowKey={(_x, i) => String(i)}
            empty={null}
            columns={[
              { key: 'sheet', header: t('sheet'), cell: (x) => x.sheet },
              { key: 'row', header: t('row'), cell: (x) => x.row || '—' },
              { key: 'column', header: t('column'), cell: (x) => x.column || '—' },
              { key: 'problem', header: t('problem'), cell: (x) => tm(x.message) },
            ]}
          />
        </div>
      )}
    </div>
  );
}
