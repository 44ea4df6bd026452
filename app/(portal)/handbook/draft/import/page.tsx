import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
import { downloadTag, ImportLayout } from '@/components/import-steps';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { draftForEditor } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { HandbookImportForm } from './_components/import-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbookImport');

export default async function HandbookImportPage() {
  const user = await requirePermission('handbook.edit');
  const { draft } = await load(() => draftForEditor(user));
  if (!draft) redirect('/handbook/draft');
  const t = await getTranslations('handbookImport');
  return (
    <ImportLayout
      header={
        <PageHeader
          title={t('title')}
          description={t('intro', { label: draft.label })}
          actions={<LinkButton href="/handbook/draft">{t('back')}</LinkButton>}
        />
      }
      steps={[
        t.rich('step1', {
          template: downloadTag('/api/handbook/template'),
          current: downloadTag(`/api/handbook/export?v=${draft.id}`),
        }),
        t('step2'),
        t('step3'),
      ]}
    >
      <HandbookImportForm />
    </ImportLayout>
  );
}
