import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { draftForEditor } from '@/lib/handbook/queries';
import { isPublishable } from '@/lib/handbook/mutations/versions';
import { load } from '@/lib/page-guard';
import { impactReportFor } from '@/lib/revisions/queries';
import { AddArticleForm, ArticleRowActions, CreateDraftForm, PublishForm } from './_components/draft-forms';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'draftTitle');

export default async function DraftPage() {
  const user = await requirePermission('handbook.edit');
  const { draft, published, parts, problems } = await load(() => draftForEditor(user));
  const [t, tr, impact] = await Promise.all([
    getTranslations('handbook'),
    getTranslations('revisions'),
    draft ? impactReportFor(user) : null,
  ]);
  if (!draft) {
    return (
      <div className="space-y-4">
        <PageHeader title={t('draftTitle')} description={t('noDraft', { label: published?.label ?? '—' })} />
        <Card>
          <CreateDraftForm />
        </Card>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('draftOf', { label: draft.label })}
        description={t('draftIntro')}
        actions={
          <>
            <LinkButton href={`/handbook?v=${draft.id}`}>{t('preview')}</LinkButton>
            <LinkButton href="/handbook/draft/standard">{t('editStandard')}</LinkButton>
            <LinkButton href="/handbook/draft/import">{t('importExcel')}</LinkButton>
            {published && (
              <LinkButton href={`/handbook/versions/diff?a=${published.id}&b=${draft.id}`}>
                {t('changesSince', { label: published.label })}
              </LinkButton>
            )}
          </>
        }
      />
      <Card title={tr('impactTitle')}>
        {!impact || impact.rows.length === 0 ? (
          <p className="text-sm text-stone-600">{tr('impactNone')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="impact-report">
              <thead className="text-left text-stone-600">
                <tr>
                  {['article', 'changed', 'actions', 'criteria', 'attachments', 'exam'].map((k) => (
                    <th key={k} className="p-2">
                      {tr(`impact.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {impact.rows.map((r) => (
                  <tr key={r.number} className="border-t border-stone-100 align-top">
                    <td className="p-2">
                      {t('articleNo', { number: r.number })} {r.title}
                      {r.isNew && ` · ${tr('impact.new')}`}
                    </td>
                    <td className="p-2">
                      {r.fields.map((f) => tr(`fields.${f === 'title' ? 'title' : f}` as never)).join('、')}
                    </td>
                    <td className="p-2">
                      {r.actions.join('；') || '—'}
                      {r.openTasks > 0 && (
                        <div className="text-xs text-amber-800">
                          {tr('impact.openTasks', { count: r.openTasks })}
                        </div>
                      )}
                    </td>
                    <td className="p-2">
                      {r.criteria.join('；') || '—'}
                      {r.auditsUnderWay > 0 && (
                        <div className="text-xs text-amber-800">
                          {tr('impact.audits', { count: r.auditsUnderWay })}
                        </div>
                      )}
                    </td>
                    <td className="p-2">{r.attachments}</td>
                    <td className="p-2">{r.examQuestions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Link href="/handbook/revisions" className="mt-2 inline-block text-sm text-brand-700 underline">
          {tr('title')} →
        </Link>
      </Card>
      <Card title={t('publishTitle')}>
        <div className="space-y-3 text-sm" data-testid="publish-problems">
          {problems!.noArticles && <p className="text-red-800">{t('problemNoArticles')}</p>}
          {problems!.incomplete.length > 0 && (
            <div className="text-red-800">
              <p>{t('problemIncomplete', { count: problems!.incomplete.length })}</p>
              <ul className="list-disc pl-5">
                {problems!.incomplete.map((a) => {
                  const id = parts.flatMap((p) => p.articles).find((x) => x.number === a.number)?.id;
                  return (
                    <li key={a.number}>
                      <Link className="underline" href={`/handbook/draft/articles/${id}`}>
                        {t('articleNo', { number: a.number })} {a.title}
                      </Link>
                      ：{a.missing.map((m) => t(`answers.${m}`)).join('、')}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {problems!.standard.missing ? (
            <p className="text-red-800">{t('noStandard')}</p>
          ) : problems!.standard.difference !== 0 ? (
            <p className="text-red-800">
              {t('sumOff', {
                sum: problems!.standard.sum,
                total: problems!.standard.total,
                difference:
                  problems!.standard.difference > 0
                    ? `+${problems!.standard.difference}`
                    : problems!.standard.difference,
              })}
            </p>
          ) : (
            <p className="text-green-800">{t('sumOk', { total: problems!.standard.total })}</p>
          )}
          {isPublishable(problems!) && <p className="text-green-800">{t('readyToPublish')}</p>}
          <PublishForm versionId={draft.id} />
        </div>
      </Card>
      {parts.map((p) => (
        <Card key={p.id} title={t('partTitle', { number: p.number, title: p.title })}>
          <ol className="divide-y divide-stone-100 text-sm" data-testid={`draft-part-${p.number}`}>
            {p.articles.map((a, i) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link
                  href={`/handbook/draft/articles/${a.id}`}
                  className="min-h-8 flex-1 hover:text-brand-700 hover:underline"
                >
                  <span className="mr-2 text-stone-500">{t('articleNo', { number: a.number })}</span>
                  {a.title}
                </Link>
                <ArticleRowActions id={a.id} first={i === 0} last={i === p.articles.length - 1} />
              </li>
            ))}
          </ol>
          <AddArticleForm partId={p.id} />
        </Card>
      ))}
    </div>
  );
}
