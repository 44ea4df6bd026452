import type { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/**
 * The handbook articles a record is about, each a link to the article in force ("第12条 党费收缴"). Synchronous,
 * with the page's `handbook` translator: lists show it in every row.
 */
export function ArticleLinks({
  articles,
  t,
}: {
  articles: readonly { key: string; number: number; title: string }[];
  t: Awaited<ReturnType<typeof getTranslations<'handbook'>>>;
}) {
  return (
    <ul className="list-disc pl-5">
      {articles.map((a) => (
        <li key={a.key}>
          <Link href={`/handbook/articles/${a.number}`} className="text-brand-700 underline">
            {t('articleNo', { number: a.number })} {a.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
