'use client';
import { FormError } from '@/components/form-error';
import { InputField, NumberField, SelectField } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useAction } from '@/components/use-action';
import { lazySchemas } from '@/components/use-action-form';
import { createActionAction, deleteActionAction, updateActionAction } from '@/lib/handbook/actions';
import type { TCreateAction } from '@/lib/handbook/schema';
import { DUE_KINDS, FREQUENCIES, RESPONSIBLE_ROLES } from '@/lib/handbook/rules';
import { ORG_TYPES } from '@/lib/orgs/rules';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { EditableRow, InlineEdit, NewRowForm, type FieldsProps } from './inline-edit';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

export type ActionRow = Omit<TCreateAction, 'articleId'> & { id: string };

function Fields({ reg, errorOf, field, prefix }: FieldsProps & { prefix: string }) {
  const t = useTranslations('handbook');
  const tr = useTranslations('roles');
  const to = useTranslations('orgs.types');
  const f = (n: string) => `${prefix}-${n}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <InputField id={f('code')} label={t('actionCode')} {...field('code')} />
      <InputField id={f('title')} label={t('actionTitle')} {...field('title')} />
      <SelectField id={f('frequency')} label={t('fields.frequency')} {...field('frequency')}>
        <Options items={FREQUENCIES} label={(x) => t(`frequencies.${x}`)} />
      </SelectField>
      <div className="grid grid-cols-[1fr_5rem] gap-2">
        <SelectField id={f('dueKind')} label={t('fields.dueRule')} {...field('dueKind')}>
          <Options items={DUE_KINDS} label={(x) => t(`dueRules.${x}`, { n: 'N' })} />
        </SelectField>
        <NumberField id={f('dueN')} label="N" min={0} max={366} {...field('dueN')} />
      </div>
      <SelectField
        id={f('responsibleRole')}
        label={t('fields.responsibleRole')}
        {...field('responsibleRole')}
      >
        <Options items={RESPONSIBLE_ROLES} label={(x) => tr(x)} />
      </SelectField>
      <InputField id={f('evidence')} label={t('fields.evidence')} {...field('evidence')} />
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-stone-700">{t('fields.orgTypes')}</legend>
        <div className="flex flex-wrap gap-3">
          {ORG_TYPES.map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={o} {...reg('orgTypes')} />
              {to(o)}
            </label>
          ))}
        </div>
        {errorOf('orgTypes') && <p className="text-sm text-red-700">{errorOf('orgTypes')}</p>}
        <label className="mt-2 flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" {...reg('projectOnly')} />
          {t('fields.projectOnly')}
        </label>
      </fieldset>
    </div>
  );
}

export function ActionsEditor({
  articleId,
  rows,
  defaultOrgTypes,
}: {
  articleId: string;
  rows: ActionRow[];
  defaultOrgTypes: string[];
}) {
  const t = useTranslations('handbook');
  const [editing, setEditing] = useState<string>();
  const remove = useAction(deleteActionAction, { refresh: true });
  const blank = {
    articleId,
    code: '',
    title: '',
    frequency: 'MONTH' as const,
    dueKind: 'WORKDAY_OF_PERIOD' as const,
    dueN: 5,
    responsibleRole: 'SECRETARY' as const,
    evidence: '',
    orgTypes: defaultOrgTypes as TCreateAction['orgTypes'],
    projectOnly: false,
  };
  return (
    <section
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="actions-editor"
    >
      <h2 className="text-base font-semibold">{t('actions')}</h2>
      {rows.length === 0 && <p className="text-sm text-stone-600">{t('noActions')}</p>}
      <ul className="space-y-2 text-sm">
        {rows.map((r) => (
          <EditableRow
            key={r.id}
            editing={editing === r.id}
            editor={
              <InlineEdit
                schema={schemas.ZUpdateAction}
                action={updateActionAction}
                row={r}
                onDone={() => setEditing(undefined)}
                fields={(p) => <Fields {...p} prefix={`a${r.id.slice(0, 8)}`} />}
              />
            }
            summary={
              <>
                <span className="font-medium">
                  {r.code} {r.title}
                </span>{' '}
                · {t(`frequencies.${r.frequency}`)} · {t(`dueRules.${r.dueKind}`, { n: Number(r.dueN) })}
              </>
            }
            onEdit={() => setEditing(r.id)}
            deleting={remove.pending}
            onDelete={() => {
              if (window.confirm(t('deleteActionConfirm'))) void remove.run({ id: r.id });
            }}
          />
        ))}
      </ul>
      <FormError message={remove.error} />
      <NewRowForm
        schema={schemas.ZCreateAction}
        action={createActionAction}
        blank={blank}
        title={t('addAction')}
        testId="new-action-form"
        fields={(p) => <Fields {...p} prefix="new" />}
      />
    </section>
  );
}
