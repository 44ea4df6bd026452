import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { searchArticles, versionForUser } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { withVersion } from '../_components/version-banner';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'search');

/** Wraps every occurrence of the query's terms in <mark>; React escapes the rest. */
function Highlight({ text, terms }: { text: string; terms: string[] }) {
  if (!terms.length) return <>{text}</>;
  const re = new RegExp(`(${terms.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return (
    <>
      {text.split(re).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="bg-amber-200">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; v?: string }>;
}) {
  const user = await requirePermission('handbook.read');
  const { q, v } = await searchParams;
  const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  const version = await load(() => versionForUser(user, typeof v === 'string' ? v : null));
  if (!version) notFound();
  const { hits, terms } = query ? await searchArticles(version.id, query) : { hits: [], terms: [] };
  const t = await getTranslations('handbook');
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('search')}
        description={query ? t('resultsFor', { q: query, count: hits.length }) : t('searchHelp')}
      />
      <form className="flex gap-2" role="search">
        {version.status !== 'PUBLISHED' && <input type="hidden" name="v" value={version.id} />}
        <Input
          name="q"
          defaultValue={query}
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          className="max-w-md"
        />
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm text-white">
          {t('search')}
        </button>
      </form>
      {query && hits.length === 0 && (
        <Card>
          <p className="text-sm text-stone-600">{t('noResults')}</p>
        </Card>
      )}
      <ol className="space-y-3" data-testid="search-results">
        {hits.map((h) => (
          <li key={h.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <Link href={withVersion(`/handbook/articles/${h.number}`, version)} className="wb-link">
              {t('articleNo', { number: h.number })} <Highlight text={h.title} terms={terms} />
            </Link>
            <div className="text-xs text-stone-500">{h.partTitle}</div>
            <p className="mt-1 text-sm text-stone-700">
              <Highlight text={h.snippet} terms={terms} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
