import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DownloadLink, ImportSteps } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { MAX_BANK_ROWS } from '@/lib/exams/bank-excel';
import { ImportForm } from './_components/import-form';
import { companyRoot } from '@/lib/policy';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bank'))('import.title') };
}

export default async function ImportQuestionsPage() {
  await requirePermission('learning.manage', await companyRoot(db));
  const t = await getTranslations('bank.import');
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <ImportSteps>
        <li>
          {t.rich('step1', {
            link: (c) => (
              <DownloadLink href="/api/exams/bank/template" testId="template-link">
                {c}
              </DownloadLink>
            ),
          })}
        </li>
        <li>
          {t.rich('step2', {
            export: (c) => <DownloadLink href="/api/exams/bank/export">{c}</DownloadLink>,
          })}
        </li>
        <li>{t('step3', { max: MAX_BANK_ROWS })}</li>
      </ImportSteps>
      <ImportForm />
    </div>
  );
}
