import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { versionForUser } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { ArticleBody } from '../_components/article-body';
import { VersionBanner } from '../_components/version-banner';
import { PrintButton } from '@/components/print-button';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'bookTitle');

/** The whole handbook on one page, for reading straight through and for printing. */
export default async function BookPage({ searchParams }: { searchParams: Promise<{ v?: string }> }) {
  const user = await requirePermission('handbook.read');
  const { v } = await searchParams;
  const version = await load(() => versionForUser(user, typeof v === 'string' ? v : null));
  if (!version) notFound();
  const parts = await db.handbookPart.findMany({
    where: { versionId: version.id },
    orderBy: { number: 'asc' },
    include: { articles: { orderBy: { number: 'asc' } } },
  });
  const t = await getTranslations('handbook');
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('bookTitle')}
        description={<VersionBanner version={version} />}
        actions={<PrintButton label={t('print')} />}
      />
      {parts.map((p) => (
        <section key={p.id} className="space-y-4">
          <h2 className="text-lg font-bold text-brand-700">
            {t('partTitle', { number: p.number, title: p.title })}
          </h2>
          {p.articles.map((a) => (
            <article
              key={a.id}
              className="break-inside-avoid-page rounded-lg border border-stone-200 bg-white p-4 print:border-0 print:p-0"
            >
              <h3 className="mb-3 text-base font-semibold">
                {t('articleNo', { number: a.number })} {a.title}
              </h3>
              <ArticleBody article={a} />
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
