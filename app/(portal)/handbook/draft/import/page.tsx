import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
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
      <ol className="list-decimal space-y-1 rounded-lg border border-stone-200 bg-white p-4 pl-8 text-sm shadow-sm">
        <li>
          {t.rich('step1', {
            template: (c) => (
              <a href="/api/handbook/template" className="text-brand-700 underline">
                {c}
              </a>
            ),
            current: (c) => (
              <a href={`/api/handbook/export?v=${draft.id}`} className="text-brand-700 underline">
                {c}
              </a>
            ),
          })}
        </li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ol>
      <HandbookImportForm />
    </div>
  );
}
