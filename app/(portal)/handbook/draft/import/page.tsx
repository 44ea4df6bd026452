import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
import { DownloadLink, ImportSteps } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { draftForEditor } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { HandbookImportForm } from './_components/import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handbookImport'))('title') };
}

export default async function HandbookImportPage() {
  const user = await requirePermission('handbook.edit');
  const { draft } = await load(() => draftForEditor(user));
  if (!draft) redirect('/handbook/draft');
  const t = await getTranslations('handbookImport');
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={t('intro', { label: draft.label })}
        actions={<LinkButton href="/handbook/draft">{t('back')}</LinkButton>}
      />
      <ImportSteps>
        <li>
          {t.rich('step1', {
            template: (c) => <DownloadLink href="/api/handbook/template">{c}</DownloadLink>,
            current: (c) => <DownloadLink href={`/api/handbook/export?v=${draft.id}`}>{c}</DownloadLink>,
          })}
        </li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ImportSteps>
      <HandbookImportForm />
    </div>
  );
}
