import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { FilterForm } from '@/components/ui/filter-form';
import { LinkButton } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { QUESTION_TYPES, type QuestionType } from '@/lib/exams/rules';
import { BANK_PAGE } from '@/lib/exams/queries/bank';
import { bankPageFor } from '@/lib/exams/queries/bank';
import { pageTitle } from '@/lib/page-title';
import { pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('bank');

type SP = { type?: string; article?: string; tag?: string; q?: string; page?: string };

/** The current questions (COMMITTEE), filtered by type, article, tag and text, a page at a time. */
export default async function BankPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission('learning.manage');
  const sp = await searchParams;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const type = (QUESTION_TYPES as readonly string[]).includes(str(sp.type))
    ? (str(sp.type) as QuestionType)
    : undefined;
  const filter = {
    type: type ?? '',
    article: str(sp.article),
    tag: str(sp.tag).slice(0, 20),
    q: str(sp.q).slice(0, 100),
  };
  const page = pageNumber(sp.page);
  const { rows, total, articles } = await load(() => bankPageFor(user, { ...filter, type }, page));
  const t = await getTranslations();
  const numberOf = new Map(articles.map((a) => [a.key, a.number]));
  const pageHref = (p: number) => `/exams/bank?${new URLSearchParams({ ...filter, page: String(p) })}`;
  const answerOf = (q: (typeof rows)[number]) => {
    const a = q.answer as (string | boolean)[];
    if (q.type === 'JUDGE') return a.length ? t(a[0] === true ? 'bank.true' : 'bank.false') : '—';
    return a.map(String).join(q.type === 'BLANK' ? ' | ' : q.type === 'SHORT' ? '' : '、') || '—';
  };
  return (
    <div>
      <PageHeader
        title={t('bank.title')}
        description={t('bank.intro')}
        actions={
          <>
            <LinkButton href="/exams/bank/new" variant="primary">
              {t('bank.new')}
            </LinkButton>
            <LinkButton href="/exams/bank/import">{t('bank.importLink')}</LinkButton>
            <LinkButton href="/api/exams/bank/export" prefetch={false}>
              {t('bank.export')}
            </LinkButton>
            <LinkButton href="/api/exams/bank/template" prefetch={false} variant="ghost">
              {t('bank.template')}
            </LinkButton>
          </>
        }
      />
      <FilterForm
        className="mb-3 grid-cols-2 sm:grid-cols-5"
        role="search"
        data-testid="bank-filter"
        applyLabel={t('bank.filter.apply')}
        reset={{ href: '/exams/bank', label: t('bank.filter.reset') }}
      >
        <Select name="type" defaultValue={filter.type} aria-label={t('bank.filter.type')}>
          <Options
            items={QUESTION_TYPES}
            empty={t('bank.filter.allTypes')}
            label={(x) => t(`exams.types.${x}`)}
          />
        </Select>
        <Select name="article" defaultValue={filter.article} aria-label={t('bank.filter.article')}>
          <option value="">{t('bank.filter.allArticles')}</option>
          {articles.map((a) => (
            <option key={a.key} value={a.number}>
              {t('bank.articleNo', { number: a.number })} {a.title}
            </option>
          ))}
        </Select>
        <Input
          name="tag"
          defaultValue={filter.tag}
          placeholder={t('bank.filter.tag')}
          aria-label={t('bank.filter.tag')}
        />
        <Input
          name="q"
          defaultValue={filter.q}
          placeholder={t('bank.filter.text')}
          aria-label={t('bank.filter.text')}
        />
      </FilterForm>
      <p className="mb-2 text-sm text-stone-600" data-testid="bank-total">
        {t('bank.total', { total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-600">
          {t('bank.none')}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="bank-list">
          {rows.map((q) => {
            const options = q.options as { id: string; text: string }[];
            const answer = q.answer as unknown[];
            return (
              <li
                key={q.id}
                className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm"
                data-testid="bank-row"
              >
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge tone="blue">{t(`exams.types.${q.type}`)}</Badge>
                  <Badge>{t(`bank.levels.${q.difficulty}`)}</Badge>
                  <Badge>{t('bank.points', { points: q.points })}</Badge>
                  {q.version > 1 && <Badge tone="amber">{t('bank.version', { version: q.version })}</Badge>}
                  <Link
                    href={`/exams/bank/${q.id}/edit`}
                    className="ml-auto min-h-11 content-center text-brand-700 underline"
                  >
                    {t('bank.edit')}
                  </Link>
                </div>
                <p className="whitespace-pre-wrap font-medium text-stone-900">{q.stem}</p>
                {options.length > 0 && (
                  <ol className="mt-2 grid gap-1 sm:grid-cols-2">
                    {options.map((o) => (
                      <li
                        key={o.id}
                        className={answer.includes(o.id) ? 'font-medium text-green-800' : 'text-stone-700'}
                      >
                        {o.id}. {o.text}
                      </li>
                    ))}
                  </ol>
                )}
                <dl className="mt-2 grid gap-x-3 gap-y-1 text-stone-600 sm:grid-cols-[auto_1fr]">
                  <dt>{t('bank.answer')}</dt>
                  <dd className="whitespace-pre-wrap text-stone-800">{answerOf(q)}</dd>
                  <dt>{t('bank.articles')}</dt>
                  <dd>
                    {q.articleKeys
                      .map((k) =>
                        numberOf.has(k)
                          ? t('bank.articleNo', { number: numberOf.get(k)! })
                          : t('bank.articleGone'),
                      )
                      .join('、')}
                  </dd>
                  {q.tags.length > 0 && (
                    <>
                      <dt>{t('bank.tags')}</dt>
                      <dd>{q.tags.join('、')}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={Math.max(1, Math.ceil(total / BANK_PAGE))} href={pageHref} />
    </div>
  );
}
