import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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
  const link = 'text-brand-700 underline';
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <ol className="list-decimal space-y-1 rounded-lg border border-stone-200 bg-white p-4 pl-8 text-sm shadow-sm">
        <li>
          {t.rich('step1', {
            link: (c) => (
              <a href="/api/exams/bank/template" className={link} data-testid="template-link">
                {c}
              </a>
            ),
          })}
        </li>
        <li>
          {t.rich('step2', {
            export: (c) => (
              <a href="/api/exams/bank/export" className={link}>
                {c}
              </a>
            ),
          })}
        </li>
        <li>{t('step3', { max: MAX_BANK_ROWS })}</li>
      </ol>
      <ImportForm />
    </div>
  );
}
