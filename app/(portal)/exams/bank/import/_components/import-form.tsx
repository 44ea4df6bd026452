'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { XlsxImportForm } from '@/components/xlsx-import-form';
import { importQuestionsAction } from '@/lib/exams/actions';

/** Upload, then either what was imported or the row-by-row report (nothing written). */
export function ImportForm() {
  const t = useTranslations('bank.import');
  return (
    <XlsxImportForm
      namespace="bank.import"
      labelKey="stem"
      action={importQuestionsAction}
      success={(r) => (
        <>
          {t('success', { created: r.created, updated: r.updated, unchanged: r.unchanged })}{' '}
          <Link href="/exams/bank" className="underline">
            {t('backToBank')}
          </Link>
        </>
      )}
      problems={(r) => r.rows.map((x) => ({ row: x.row, label: x.stem, messages: x.messages }))}
    />
  );
}
