'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useActionForm } from '@/components/use-action-form';
import {
  createCategoryAction,
  createCriterionAction,
  deleteCategoryAction,
  deleteCriterionAction,
  updateCriterionAction,
} from '@/lib/handbook/actions';
import {
  ZCreateCategory,
  ZCreateCriterion,
  ZUpdateCriterion,
  type TUpdateCriterion,
} from '@/lib/handbook/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InlineEdit } from './inline-edit';

export type CriterionRow = TUpdateCriterion & { id: string };
export type CategoryRow = {
  id: string;
  code: string;
  title: string;
  points: number;
  criteria: CriterionRow[];
};

function CriterionFields({
  reg,
  errorOf,
  prefix,
}: {
  reg: (n: string) => object;
  errorOf: (n: string) => string | undefined;
  prefix: string;
}) {
  const t = useTranslations('handbook');
  const f = (n: string) => `${prefix}-${n}`;
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <Field label={t('actionCode')} htmlFor={f('code')} error={errorOf('code')}>
        <Input id={f('code')} {...reg('code')} />
      </Field>
      <div className="sm:col-span-3">
        <Field label={t('criterion')} htmlFor={f('title')} error={errorOf('title')}>
          <Input id={f('title')} {...reg('title')} />
        </Field>
      </div>
      <Field label={t('fields.maxPoints')} htmlFor={f('maxPoints')} error={errorOf('maxPoints')}>
        <Input id={f('maxPoints')} inputMode="decimal" {...reg('maxPoints')} />
      </Field>
      <Field label={t('fields.unitDeduction')} htmlFor={f('unitDeduction')} error={errorOf('unitDeduction')}>
        <Input id={f('unitDeduction')} inputMode="decimal" {...reg('unitDeduction')} />
      </Field>
      <Field label={t('fields.cap')} htmlFor={f('cap')} error={errorOf('cap')} hint={t('capHint')}>
        <Input id={f('cap')} inputMode="decimal" {...reg('cap')} />
      </Field>
      <Field
        label={t('articlesCited')}
        htmlFor={f('articleNumbers')}
        error={errorOf('articleNumbers')}
        hint={t('articleNumbersHint')}
      >
        <Input id={f('articleNumbers')} {...reg('articleNumbers')} />
      </Field>
      <div className="sm:col-span-4">
        <Field label={t('deductionRule')} htmlFor={f('deductionRule')} error={errorOf('deductionRule')}>
          <Input id={f('deductionRule')} {...reg('deductionRule')} />
        </Field>
      </div>
    </div>
  );
}

function EditCriterion({ row, onDone }: { row: CriterionRow; onDone: () => void }) {
  return (
    <InlineEdit
      schema={ZUpdateCriterion}
      action={updateCriterionAction}
      row={row}
      onDone={onDone}
      fields={(p) => <CriterionFields {...p} prefix={`k${row.id.slice(0, 8)}`} />}
    />
  );
}

function NewCriterion({ categoryId }: { categoryId: string }) {
  const t = useTranslations('handbook');
  const router = useRouter();
  const blank = {
    categoryId,
    code: '',
    title: '',
    maxPoints: '' as unknown as number,
    unitDeduction: 1,
    cap: '',
    deductionRule: '',
    articleNumbers: '',
  };
  const { form, submit, formError, errorOf, busy } = useActionForm(ZCreateCriterion, createCriterionAction, {
    defaultValues: blank,
    onSuccess: () => {
      form.reset(blank);
      router.refresh();
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-stone-100 pt-3">
      <h3 className="text-sm font-medium">{t('addCriterion')}</h3>
      <FormError message={formError} />
      <CriterionFields
        reg={(n) => form.register(n as never)}
        errorOf={errorOf}
        prefix={`n${categoryId.slice(0, 8)}`}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t('addCriterion')}
      </Button>
    </form>
  );
}

export function StandardEditor({ versionId, categories }: { versionId: string; categories: CategoryRow[] }) {
  const t = useTranslations('handbook');
  const router = useRouter();
  const [editing, setEditing] = useState<string>();
  const removeCategory = useAction(deleteCategoryAction, { refresh: true });
  const removeCriterion = useAction(deleteCriterionAction, { refresh: true });
  const pending = removeCategory.pending || removeCriterion.pending;
  const error = removeCategory.error ?? removeCriterion.error;
  const cat = useActionForm(ZCreateCategory, createCategoryAction, {
    defaultValues: { versionId, code: '', title: '' },
    onSuccess: () => {
      cat.form.reset({ versionId, code: '', title: '' });
      router.refresh();
    },
  });
  return (
    <div className="space-y-4" data-testid="standard-editor">
      <FormError message={error} />
      {categories.map((c) => (
        <section key={c.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">
              {c.code} {c.title}（{t('points', { points: c.points })}）
            </h2>
            {c.criteria.length === 0 && (
              <Button
                type="button"
                variant="ghost"
                className="text-red-700"
                disabled={pending}
                onClick={() => {
                  removeCriterion.reset();
                  void removeCategory.run({ id: c.id });
                }}
              >
                {t('delete')}
              </Button>
            )}
          </div>
          <ul className="space-y-2 text-sm">
            {c.criteria.map((k) => (
              <li key={k.id} className="border-b border-stone-100 pb-2">
                {editing === k.id ? (
                  <EditCriterion row={k} onDone={() => setEditing(undefined)} />
                ) : (
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">
                        {k.code} {k.title}
                      </span>
                      （{t('points', { points: Number(k.maxPoints) })}）· {k.deductionRule}
                    </span>
                    <span className="flex gap-1">
                      <Button type="button" variant="ghost" onClick={() => setEditing(k.id)}>
                        {t('edit')}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className="text-red-700"
                        disabled={pending}
                        onClick={() => {
                          if (!window.confirm(t('deleteCriterionConfirm'))) return;
                          removeCategory.reset();
                          void removeCriterion.run({ id: k.id });
                        }}
                      >
                        {t('delete')}
                      </Button>
                    </span>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <NewCriterion categoryId={c.id} />
        </section>
      ))}
      <form
        onSubmit={cat.submit}
        noValidate
        className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-stone-300 p-4"
      >
        <Field label={t('actionCode')} htmlFor="cat-code" error={cat.errorOf('code')}>
          <Input id="cat-code" {...cat.form.register('code')} className="w-24" />
        </Field>
        <div className="min-w-48 flex-1">
          <Field label={t('categoryTitle')} htmlFor="cat-title" error={cat.errorOf('title')}>
            <Input id="cat-title" {...cat.form.register('title')} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={cat.busy}>
          {t('addCategory')}
        </Button>
        <div className="w-full">
          <FormError message={cat.formError} />
        </div>
      </form>
    </div>
  );
}
