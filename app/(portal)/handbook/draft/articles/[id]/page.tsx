import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { draftArticleForEditor } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { ArticleForm } from '../../_components/article-form';
import { ActionsEditor } from '../../_components/actions-editor';
import { AttachmentsEditor } from '../../_components/attachments-editor';
import { pageParams } from '@/lib/route-params';
import { articleContent } from '@/lib/handbook/rules';
import { pageTitle } from '@/lib/page-title';
import { isUuid } from '@/lib/validation';

export const generateMetadata = pageTitle('handbook', 'editArticle');

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  if (!isUuid(id)) notFound();
  const user = await requirePermission('handbook.edit');
  const a = await load(() => draftArticleForEditor(user, id));
  // Published and superseded articles have no edit page: read them instead.
  if (a.version.status !== 'DRAFT') redirect(`/handbook/articles/${a.number}?v=${a.versionId}`);
  const t = await getTranslations('handbook');
  return (
    <div>
      <PageHeader title={t('editArticle')} description={t('draftOf', { label: a.version.label })} />
      <ArticleForm
        values={{
          id: a.id,
          lockVersion: a.lockVersion,
          ...articleContent(a),
        }}
        number={a.number}
      />
      <div className="mt-4">
        <AttachmentsEditor articleId={a.id} files={a.attachments} />
      </div>
      <div className="mt-4">
        <ActionsEditor
          articleId={a.id}
          defaultOrgTypes={a.orgTypes}
          rows={a.actions.map((x) => {
            const due = x.dueRule as {
              kind:
                'WORKDAY_OF_PERIOD' | 'DAYS_BEFORE_PERIOD_END' | 'DAYS_AFTER_PERIOD_END' | 'DAYS_AFTER_EVENT';
              n: number;
            };
            return {
              id: x.id,
              code: x.code,
              title: x.title,
              frequency: x.frequency,
              dueKind: due.kind,
              dueN: due.n,
              responsibleRole: x.responsibleRole as 'SECRETARY',
              evidence: x.evidence,
              orgTypes: x.orgTypes,
              projectOnly: x.projectOnly,
            };
          })}
        />
      </div>
    </div>
  );
}
