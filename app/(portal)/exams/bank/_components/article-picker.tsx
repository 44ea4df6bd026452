'use client';
import { Input } from '@/components/ui/field';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export type ArticleOption = { key: string; number: number; title: string };

/**
 * The handbook articles a question tests, filtered by typing; articles no longer in the version in force stay
 * listed (and can be removed) so an edit does not drop them silently.
 */
export function ArticlePicker({
  articles,
  selected,
  onToggle,
  error,
}: {
  articles: ArticleOption[];
  selected: string[];
  onToggle: (key: string, on: boolean) => void;
  error?: string;
}) {
  const t = useTranslations('bank');
  const [articleFilter, setArticleFilter] = useState('');
  const known = new Set(articles.map((a) => a.key));
  const gone = selected.filter((k) => !known.has(k));
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-stone-700">{t('form.articles')}</legend>
      {articles.length === 0 ? (
        <p className="text-sm text-amber-800">{t('form.noHandbook')}</p>
      ) : (
        <>
          <Input
            value={articleFilter}
            onChange={(e) => setArticleFilter(e.target.value)}
            placeholder={t('form.articleFilter')}
            aria-label={t('form.articleFilter')}
            className="mb-2"
          />
          <div
            className="max-h-64 overflow-y-auto rounded-md border border-stone-200 p-2"
            data-testid="article-picker"
          >
            {gone.map((k) => (
              <label key={k} className="flex min-h-11 items-center gap-2 text-sm text-amber-800">
                <input type="checkbox" checked onChange={() => onToggle(k, false)} />
                {t('articleGone')}
              </label>
            ))}
            {articles.map((a) => {
              const label = `${t('articleNo', { number: a.number })} ${a.title}`;
              const hidden =
                articleFilter && !label.includes(articleFilter.trim()) && !selected.includes(a.key);
              return (
                <label
                  key={a.key}
                  className={`${hidden ? 'hidden' : 'flex'} min-h-11 items-center gap-2 text-sm`}
                >
                  <input
                    type="checkbox"
                    checked={selected.includes(a.key)}
                    onChange={(e) => onToggle(a.key, e.target.checked)}
                  />
                  {label}
                </label>
              );
            })}
          </div>
        </>
      )}
      <p className={`mt-1 text-sm ${error ? 'text-red-700' : 'text-stone-500'}`}>
        {error ?? t('form.articlesHint')}
      </p>
    </fieldset>
  );
}
