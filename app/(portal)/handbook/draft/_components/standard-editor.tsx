'use client';
import { SubmitButton } from '@/components/form-submit';
import { Options } from '@/components/ui/options';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { InputField, SelectField } from '@/components/ui/field';
import { CRITERION_KINDS, type CriterionKind } from '@/lib/handbook/scoring';
import { RULE_KEYS } from '@/lib/ledger/rule-keys';
import { useAction } from '@/components/use-action';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import {
  createCategoryAction,
  createCriterionAction,
  deleteCategoryAction,
  deleteCriterionAction,
  updateCriterionAction,
} from '@/lib/handbook/actions';
import type { TUpdateCriterion } from '@/lib/handbook/schema';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { EditableRow, InlineEdit, NewRowForm, type FieldsProps } from './inline-edit';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

export type CriterionRow = TUpdateCriterion & { id: string };
const VETO_BANDS = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type CategoryRow = {
  id: string;
  code: string;
  title: string;
  points: number;
  criteria: CriterionRow[];
};

function CriterionFields({ field, reg, watch, prefix }: FieldsProps & { prefix: string }) {
  const t = useTranslations('handbook');
  const tk = useTranslations('scoringKinds');
  const f = (n: string) => `${prefix}-${n}`;
  const kind = (watch('kind') as CriterionKind | undefined) ?? 'DEDUCTION';
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <InputField id={f('code')} label={t('actionCode')} {...field('code')} />
      <div className="sm:col-span-3">
        <InputField id={f('title')} label={t('criterion')} {...field('title')} />
      </div>
      <SelectField id={f('kind')} label={tk('label')} hint={tk(`hints.${kind}`)} {...field('kind')}>
        <Options items={CRITERION_KINDS} label={(k) => tk(`kinds.${k}`)} />
      </SelectField>
      {(kind === 'GRADE' || kind === 'BONUS') && (
        <div className="sm:col-span-3">
          <InputField
            id={f('levels')}
            label={tk('levels')}
            hint={tk(`levelsHint.${kind}`)}
            {...field('levels')}
          />
        </div>
      )}
      {kind === 'VETO' && (
        <SelectField id={f('vetoBand')} label={tk('vetoBand')} {...field('vetoBand')}>
          <Options items={VETO_BANDS} label={(b) => tk(`bands.${b}`)} empty={tk('choose')} />
        </SelectField>
      )}
      {kind === 'COMPUTED' && (
        <>
          <SelectField id={f('ruleKey')} label={tk('rule')} {...field('ruleKey')}>
            <Options items={RULE_KEYS} label={(r) => tk(`rules.${r}`)} empty={tk('choose')} />
          </SelectField>
          <div className="sm:col-span-2">
            <InputField
              id={f('ruleParams')}
              label={tk('ruleParams')}
              hint={tk('ruleParamsHint')}
              {...field('ruleParams')}
            />
          </div>
        </>
      )}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" {...reg('annualOnly')} />
        {tk('annualOnly')}
      </label>
      <InputField
        id={f('maxPoints')}
        label={t('fields.maxPoints')}
        inputMode="decimal"
        {...field('maxPoints')}
      />
      <InputField
        id={f('unitDeduction')}
        label={t('fields.unitDeduction')}
        inputMode="decimal"
        {...field('unitDeduction')}
      />
      <InputField
        id={f('cap')}
        label={t('fields.cap')}
        hint={t('capHint')}
        inputMode="decimal"
        {...field('cap')}
      />
      <InputField
        id={f('articleNumbers')}
        label={t('articlesCited')}
        hint={t('articleNumbersHint')}
        {...field('articleNumbers')}
      />
      <div className="sm:col-span-4">
        <InputField id={f('deductionRule')} label={t('deductionRule')} {...field('deductionRule')} />
      </div>
    </div>
  );
}

export function StandardEditor({ versionId, categories }: { versionId: string; categories: CategoryRow[] }) {
  const t = useTranslations('handbook');
  const [editing, setEditing] = useState<string>();
  const removeCategory = useAction(deleteCategoryAction, { refresh: true });
  const removeCriterion = useAction(deleteCriterionAction, { refresh: true });
  const pending = removeCategory.pending || removeCriterion.pending;
  const error = removeCategory.error ?? removeCriterion.error;
  const cat = useActionForm(schemas.ZCreateCategory, createCategoryAction, {
    defaultValues: { versionId, code: '', title: '' },
    refresh: true,
    onSuccess: () => cat.form.reset({ versionId, code: '', title: '' }),
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
              <EditableRow
                key={k.id}
                editing={editing === k.id}
                editor={
                  <InlineEdit
                    schema={schemas.ZUpdateCriterion}
                    action={updateCriterionAction}
                    row={k}
                    onDone={() => setEditing(undefined)}
                    fields={(p) => <CriterionFields {...p} prefix={`k${k.id.slice(0, 8)}`} />}
                  />
                }
                summary={
                  <>
                    <span className="font-medium">
                      {k.code} {k.title}
                    </span>
                    （{t('points', { points: Number(k.maxPoints) })}）· {k.deductionRule}
                  </>
                }
                onEdit={() => setEditing(k.id)}
                deleting={pending}
                onDelete={() => {
                  if (!window.confirm(t('deleteCriterionConfirm'))) return;
                  removeCategory.reset();
                  void removeCriterion.run({ id: k.id });
                }}
              />
            ))}
          </ul>
          <NewRowForm
            schema={schemas.ZCreateCriterion}
            action={createCriterionAction}
            blank={{
              categoryId: c.id,
              code: '',
              title: '',
              maxPoints: '' as unknown as number,
              unitDeduction: 1,
              cap: '',
              deductionRule: '',
              articleNumbers: '',
              kind: 'DEDUCTION',
              levels: '',
              vetoBand: '',
              annualOnly: false,
              ruleKey: '',
              ruleParams: '',
            }}
            title={t('addCriterion')}
            fields={(p) => <CriterionFields {...p} prefix={`n${c.id.slice(0, 8)}`} />}
          />
        </section>
      ))}
      <form
        onSubmit={cat.submit}
        noValidate
        className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-stone-300 p-4"
      >
        <InputField id="cat-code" label={t('actionCode')} {...cat.field('code')} className="w-24" />
        <div className="min-w-48 flex-1">
          <InputField id="cat-title" label={t('categoryTitle')} {...cat.field('title')} />
        </div>
        <SubmitButton variant="secondary" pending={cat.busy}>
          {t('addCategory')}
        </SubmitButton>
        <div className="w-full">
          <FormError message={cat.formError} />
        </div>
      </form>
    </div>
  );
}
