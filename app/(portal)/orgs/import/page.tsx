import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DownloadLink, ImportSteps } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { MAX_IMPORT_ROWS } from '@/lib/orgs/excel';
import { ImportForm } from './_components/import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orgImport'))('title') };
}

export default async function ImportPage() {
  await requirePermission('org.import');
  const t = await getTranslations('orgImport');
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <ImportSteps>
        <li>
          {t.rich('step1', {
            link: (c) => (
              <DownloadLink href="/api/orgs/template" testId="template-link">
                {c}
              </DownloadLink>
            ),
          })}
        </li>
        <li>{t('step2')}</li>
        <li>{t('step3', { max: MAX_IMPORT_ROWS })}</li>
      </ImportSteps>
      <ImportForm />
    </div>
  );
}
