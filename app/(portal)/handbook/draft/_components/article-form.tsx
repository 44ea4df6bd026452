'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { LinkButton } from '@/components/ui/button';
import { Field, Input, InputField, TextareaField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { updateArticleAction } from '@/lib/handbook/actions';
import { FIVE_ANSWERS } from '@/lib/handbook/rules';
import type { TUpdateArticle } from '@/lib/handbook/schema';
import { ORG_TYPES } from '@/lib/orgs/rules';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

export function ArticleForm({ values, number }: { values: TUpdateArticle; number: number }) {
  const t = useTranslations('handbook');
  const to = useTranslations('orgs.types');
  const [tags, setTags] = useState((values.tags ?? []).join('，'));
  const { form, submit, formError, errorOf, field, saved, busy } = useActionForm(
    schemas.ZUpdateArticle,
    updateArticleAction,
    {
      defaultValues: values,
      refresh: true,
      onSuccess: (d) => form.setValue('lockVersion', d.lockVersion),
    },
  );
  return (
    <form
      onSubmit={(e) => {
        form.setValue(
          'tags',
          tags
            .split(/[,，、\s]+/)
            .map((x) => x.trim())
            .filter(Boolean),
        );
        return submit(e);
      }}
      noValidate
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="article-form"
    >
      <FormError message={formError} />
      <input type="hidden" {...form.register('lockVersion', { valueAsNumber: true })} />
      <Field label={t('fields.title')} htmlFor="title" error={errorOf('title')}>
        <div className="flex items-center gap-2">
          <span className="shrink-0 text-stone-500">{t('articleNo', { number })}</span>
          <Input id="title" {...form.register('title')} />
        </div>
      </Field>
      {FIVE_ANSWERS.map((k) => (
        <TextareaField
          key={k}
          id={k}
          label={t(`answers.${k}`)}
          hint={t(`answerHints.${k}`)}
          rows={k === 'how' ? 8 : 4}
          {...field(k)}
        />
      ))}
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-stone-700">{t('fields.orgTypes')}</legend>
        <div className="flex flex-wrap gap-3">
          {ORG_TYPES.map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={o} {...form.register('orgTypes')} />
              {to(o)}
            </label>
          ))}
        </div>
      </fieldset>
      <InputField
        id="tags"
        label={t('fields.tags')}
        hint={t('tagsHint')}
        error={errorOf('tags')}
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={busy}>{busy ? t('saving') : t('save')}</SubmitButton>
        <LinkButton href="/handbook/draft">{t('backToDraft')}</LinkButton>
        {saved && (
          <span className="text-sm text-green-700" data-testid="saved">
            {t('saved')}
          </span>
        )}
      </div>
    </form>
  );
}
