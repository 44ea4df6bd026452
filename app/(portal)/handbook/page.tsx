import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { tocOf, versionForUser } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { can } from '@/lib/policy';
import { VersionBanner, withVersion } from './_components/version-banner';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook');

export default async function HandbookPage({ searchParams }: { searchParams: Promise<{ v?: string }> }) {
  const user = await requirePermission('handbook.read');
  const { v } = await searchParams;
  const version = await load(() => versionForUser(user, typeof v === 'string' ? v : null));
  const [t, tr] = await Promise.all([getTranslations('handbook'), getTranslations('revisions')]);
  const editor = can(user, 'handbook.edit');
  if (!version) {
    return (
      <div>
        <PageHeader title={t('title')} />
        <Card>
          <p className="text-sm text-stone-600">{editor ? t('noneYetEditor') : t('noneYet')}</p>
          {editor && (
            <LinkButton href="/handbook/draft" variant="primary" className="mt-3">
              {t('openDraft')}
            </LinkButton>
          )}
        </Card>
      </div>
    );
  }
  const parts = await tocOf(version.id);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('bookTitle')}
        description={<VersionBanner version={version} />}
        actions={
          <>
            <LinkButton href={withVersion('/handbook/book', version)}>{t('readAll')}</LinkButton>
            <LinkButton href={withVersion('/handbook/standard', version)}>{t('standard')}</LinkButton>
            <LinkButton href="/handbook/versions">{t('versions')}</LinkButton>
            <LinkButton
              href={`/api/handbook/export${version.status === 'PUBLISHED' ? '' : `?v=${version.id}`}`}
              prefetch={false}
            >
              {t('exportExcel')}
            </LinkButton>
            {(can(user, 'revision.propose') || can(user, 'revision.approve')) && (
              <LinkButton href="/handbook/revisions">{tr('title')}</LinkButton>
            )}
            {editor && (
              <LinkButton href="/handbook/draft" variant="primary">
                {t('editDraft')}
              </LinkButton>
            )}
          </>
        }
      />
      <form action="/handbook/search" className="flex gap-2" role="search">
        {version.status !== 'PUBLISHED' && <input type="hidden" name="v" value={version.id} />}
        <Input
          name="q"
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          className="max-w-md"
          data-testid="handbook-search"
        />
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm text-white">
          {t('search')}
        </button>
      </form>
      <nav aria-label={t('toc')} className="space-y-4" data-testid="handbook-toc">
        {parts.map((p) => (
          <Card key={p.id} title={t('partTitle', { number: p.number, title: p.title })}>
            <ol className="divide-y divide-stone-100">
              {p.articles.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link
                    href={withVersion(`/handbook/articles/${a.number}`, version)}
                    className="min-h-8 flex-1 text-stone-800 hover:text-brand-700 hover:underline"
                  >
                    <span className="mr-2 text-stone-500">{t('articleNo', { number: a.number })}</span>
                    {a.title}
                  </Link>
                  <span className="hidden gap-1 sm:flex">
                    {a.tags.slice(0, 3).map((tag) => (
                      <Badge key={tag}>{tag}</Badge>
                    ))}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        ))}
      </nav>
    </div>
  );
}
