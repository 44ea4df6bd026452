import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DownloadLink } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { ImportWizard } from './_components/import-wizard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('peopleImport'))('title') };
}

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
