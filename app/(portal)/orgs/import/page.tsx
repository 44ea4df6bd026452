import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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
      <ol className="list-decimal space-y-1 rounded-lg border border-stone-200 bg-white p-4 pl-8 text-sm shadow-sm">
        <li>
          {t.rich('step1', {
            link: (c) => (
              <a href="/api/orgs/template" className="text-brand-700 underline" data-testid="template-link">
                {c}
              </a>
            ),
          })}
        </li>
        <li>{t('step2')}</li>
        <li>{t('step3', { max: MAX_IMPORT_ROWS })}</li>
      </ol>
      <ImportForm />
    </div>
  );
}
