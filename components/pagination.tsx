import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/** "Previous · page N of M · Next" for list pages that page through searchParams. */
export async function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const t = await getTranslations('shell');
  return (
    <nav className="mt-3 flex items-center gap-3 text-sm" aria-label={t('pagination')}>
      {page > 1 && (
        <Link href={href(page - 1)} className="min-h-11 content-center text-brand-700">
          {t('prev')}
        </Link>
      )}
      <span>{t('pageOf', { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)} className="min-h-11 content-center text-brand-700">
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
