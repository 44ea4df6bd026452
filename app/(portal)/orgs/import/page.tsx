import { getTranslations } from 'next-intl/server';
import { downloadTag, ImportLayout } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { MAX_IMPORT_ROWS } from '@/lib/orgs/excel';
import { ImportForm } from './_components/import-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('orgImport');

export default async function ImportPage() {
  await requirePermission('org.import');
  const t = await getTranslations('orgImport');
  return (
    <ImportLayout
      header={<PageHeader title={t('title')} description={t('intro')} />}
      steps={[
        t.rich('step1', { link: downloadTag('/api/orgs/template', 'template-link') }),
        t('step2'),
        t('step3', { max: MAX_IMPORT_ROWS }),
      ]}
    >
      <ImportForm />
    </ImportLayout>
  );
}
