import { getTranslations } from 'next-intl/server';
import { downloadTag, ImportLayout } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { MAX_BANK_ROWS } from '@/lib/exams/bank-excel';
import { ImportForm } from './_components/import-form';
import { companyRoot } from '@/lib/policy';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('bank', 'import.title');

export default async function ImportQuestionsPage() {
  await requirePermission('learning.manage', await companyRoot(db));
  const t = await getTranslations('bank.import');
  return (
    <ImportLayout
      header={<PageHeader title={t('title')} description={t('intro')} />}
      steps={[
        t.rich('step1', { link: downloadTag('/api/exams/bank/template', 'template-link') }),
        t.rich('step2', { export: downloadTag('/api/exams/bank/export') }),
        t('step3', { max: MAX_BANK_ROWS }),
      ]}
    >
      <ImportForm />
    </ImportLayout>
  );
}
