'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { InputField, TextareaField } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import {
  createArticleAction,
  createDraftAction,
  deleteArticleAction,
  moveArticleAction,
  publishVersionAction,
} from '@/lib/handbook/actions';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

export function CreateDraftForm() {
  const t = useTranslations('handbook');
  const year = new Date().getFullYear();
  const { submit, formError, field, busy } = useActionForm(schemas.ZCreateDraft, createDraftAction, {
    defaultValues: { label: `${year + 1}版` },
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="create-draft-form">
      <p className="text-sm text-stone-600">{t('createDraftHelp')}</p>
      <FormError message={formError} />
      <InputField id="label" label={t('versionLabel')} {...field('label')} className="max-w-xs" />
      <SubmitButton pending={busy}>{t('createDraft')}</SubmitButton>
    </form>
  );
}

export function PublishForm({ versionId }: { versionId: string }) {
  const t = useTranslations('handbook');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZPublishVersion, publishVersionAction, {
    defaultValues: { versionId, effectiveDate: '', changeSummary: '' },
    refresh: true,
    onSuccess: () => router.push('/handbook'),
  });
  return (
    <ActionForm submit={submit} error={formError} look="section" testId="publish-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField id="effectiveDate" label={t('effectiveDate')} type="date" {...field('effectiveDate')} />
        <TextareaField id="changeSummary" label={t('changeSummary')} rows={2} {...field('changeSummary')} />
      </div>
      <p className="text-xs text-stone-500">{t('publishWarning')}</p>
      <SubmitButton pending={busy}>{t('publish')}</SubmitButton>
    </ActionForm>
  );
}

export function AddArticleForm({ partId }: { partId: string }) {
  const t = useTranslations('handbook');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZCreateArticle, createArticleAction, {
    defaultValues: { partId, title: '' },
    onSuccess: (d) => router.push(`/handbook/draft/articles/${d.id}`),
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      className="mt-3 flex flex-wrap items-end gap-2 border-t border-stone-100 pt-3"
    >
      <div className="min-w-56 flex-1">
        <InputField id={`title-${partId}`} label={t('newArticle')} {...field('title')} />
      </div>
      <SubmitButton variant="secondary" pending={busy}>
        {t('addArticle')}
      </SubmitButton>
      <div className="w-full">
        <FormError message={formError} />
      </div>
    </form>
  );
}

export function ArticleRowActions({ id, first, last }: { id: string; first: boolean; last: boolean }) {
  const t = useTranslations('handbook');
  const move = useAction(moveArticleAction, { refresh: true });
  const remove = useAction(deleteArticleAction, { refresh: true });
  const pending = move.pending || remove.pending;
  const error = move.error ?? remove.error;
  const moveTo = (direction: 'up' | 'down') => {
    remove.reset();
    void move.run({ id, direction });
  };
  return (
    <span className="flex items-center gap-1">
      {(
        [
          ['up', first, t('moveUp'), '↑'],
          ['down', last, t('moveDown'), '↓'],
        ] as const
      ).map(([direction, end, label, arrow]) => (
        <button
          key={direction}
          type="button"
          className="min-h-9 min-w-9 rounded hover:bg-stone-100 disabled:opacity-30"
          disabled={pending || end}
          aria-label={label}
          onClick={() => moveTo(direction)}
        >
          {arrow}
        </button>
      ))}
      <button
        type="button"
        className="min-h-9 rounded px-2 text-red-700 hover:bg-red-50"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t('deleteConfirm'))) return;
          move.reset();
          void remove.run({ id });
        }}
      >
        {t('delete')}
      </button>
      {error && <span className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
