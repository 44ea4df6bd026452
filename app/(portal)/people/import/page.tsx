import { getTranslations } from 'next-intl/server';
import { DownloadLink } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { ImportWizard } from './_components/import-wizard';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('peopleImport');

export default async function PeopleImportPage() {
  await requirePermission('person.import');
  const t = await getTranslations('peopleImport');
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={
          <>
            {t('intro')} <DownloadLink href="/api/people/template">{t('template')}</DownloadLink>
          </>
        }
      />
      <ImportWizard />
    </div>
  );
}
