import { getTranslations } from 'next-intl/server';
import { FIVE_ANSWERS } from '@/lib/handbook/rules';

type A = { what: string; who: string; how: string; when: string; standard: string };

/** The five answers of an article, in the handbook's order. */
export async function ArticleBody({ article }: { article: A }) {
  const t = await getTranslations('handbook.answers');
  return (
    <dl className="space-y-4">
      {FIVE_ANSWERS.map((k) => (
        <div key={k} className="break-inside-avoid">
          <dt className="mb-1 text-sm font-semibold text-brand-700">{t(k)}</dt>
          <dd className="whitespace-pre-line leading-7 text-stone-800" data-testid={`answer-${k}`}>
            {article[k] || <span className="text-stone-500">{t('empty')}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
