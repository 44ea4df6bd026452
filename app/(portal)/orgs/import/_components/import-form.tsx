'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { XlsxImportForm } from '@/components/xlsx-import-form';
import { importOrgsAction } from '@/lib/orgs/actions';

export function ImportForm() {
  const t = useTranslations('orgImport');
  return (
    <XlsxImportForm
      namespace="orgImport"
      labelKey="name"
      action={importOrgsAction}
      success={(r) => (
        <>
          {t('success', { count: r.created })}{' '}
          <Link href="/orgs" className="underline">
            {t('backToTree')}
          </Link>
        </>
      )}
      problems={(r) => r.rows.map((x) => ({ row: x.row, label: x.name, messages: x.errors }))}
    />
  );
}
