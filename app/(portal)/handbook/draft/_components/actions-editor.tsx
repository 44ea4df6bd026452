'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useActionForm } from '@/components/use-action-form';
import { createActionAction, deleteActionAction, updateActionAction } from '@/lib/handbook/actions';
import {
  DUE_KINDS,
  FREQUENCIES,
  RESPONSIBLE_ROLES,
  ZCreateAction,
  ZUpdateAction,
  type TCreateAction,
} from '@/lib/handbook/schema';
import { ORG_TYPES } from '@/lib/orgs/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InlineEdit } from './inline-edit';

export type ActionRow = Omit<TCreateAction, 'articleId'> & { id: string };

function Fields({
  reg,
  errorOf,
  prefix,
}: {
  reg: (n: keyof ActionRow) => object;
  errorOf: (n: string) => string | undefined;
  prefix: string;
}) {
  const t = useTranslations('handbook');
  const tr = useTranslations('roles');
  const to = useTranslations('orgs.types');
  const f = (n: string) => `${prefix}-${n}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t('actionCode')} htmlFor={f('code')} error={errorOf('code')}>
        <Input id={f('code')} {...reg('code')} />
      </Field>
      <Field label={t('actionTitle')} htmlFor={f('title')} error={errorOf('title')}>
        <Input id={f('title')} {...reg('title')} />
      </Field>
      <Field label={t('fields.frequency')} htmlFor={f('frequency')} error={errorOf('frequency')}>
        <Select id={f('frequency')} {...reg('frequency')}>
          {FREQUENCIES.map((x) => (
            <option key={x} value={x}>
              {t(`frequencies.${x}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-[1fr_5rem] gap-2">
        <Field label={t('fields.dueRule')} htmlFor={f('dueKind')} error={errorOf('dueKind')}>
          <Select id={f('dueKind')} {...reg('dueKind')}>
            {DUE_KINDS.map((x) => (
              <option key={x} value={x}>
                {t(`dueRules.${x}`, { n: 'N' })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="N" htmlFor={f('dueN')} error={errorOf('dueN')}>
          <Input id={f('dueN')} type="number" min={0} max={366} {...reg('dueN')} />
        </Field>
      </div>
      <Field
        label={t('fields.responsibleRole')}
        htmlFor={f('responsibleRole')}
        error={errorOf('responsibleRole')}
      >
        <Select id={f('responsibleRole')} {...reg('responsibleRole')}>
          {RESPONSIBLE_ROLES.map((x) => (
            <option key={x} value={x}>
              {tr(x)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('fields.evidence')} htmlFor={f('evidence')} error={errorOf('evidence')}>
        <Input id={f('evidence')} {...reg('evidence')} />
      </Field>
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
      </fieldset>
    </div>
  );
}

function EditAction({ row, onDone }: { row: ActionRow; onDone: () => void }) {
  return (
    <InlineEdit
      schema={ZUpdateAction}
      action={updateActionAction}
      row={row}
      onDone={onDone}
      fields={(p) => <Fields {...p} prefix={`a${row.id.slice(0, 8)}`} />}
    />
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
  const router = useRouter();
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
  };
  const { form, submit, formError, errorOf, busy } = useActionForm(ZCreateAction, createActionAction, {
    defaultValues: blank,
    onSuccess: () => {
      form.reset(blank);
      router.refresh();
    },
  });
  return (
    <section
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="actions-editor"
    >
      <h2 className="text-base font-semibold">{t('actions')}</h2>
      {rows.length === 0 && <p className="text-sm text-stone-600">{t('noActions')}</p>}
      <ul className="space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.id} className="border-b border-stone-100 pb-2">
            {editing === r.id ? (
              <EditAction row={r} onDone={() => setEditing(undefined)} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">
                    {r.code} {r.title}
                  </span>{' '}
                  · {t(`frequencies.${r.frequency}`)} · {t(`dueRules.${r.dueKind}`, { n: Number(r.dueN) })}
                </span>
                <span className="flex gap-1">
                  <Button type="button" variant="ghost" onClick={() => setEditing(r.id)}>
                    {t('edit')}
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    className="text-red-700"
                    disabled={remove.pending}
                    onClick={() => {
                      if (window.confirm(t('deleteActionConfirm'))) void remove.run({ id: r.id });
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
      <FormError message={remove.error} />
      <form
        onSubmit={submit}
        noValidate
        className="space-y-3 border-t border-stone-100 pt-3"
        data-testid="new-action-form"
      >
        <h3 className="text-sm font-medium">{t('addAction')}</h3>
        <FormError message={formError} />
        <Fields reg={(n) => form.register(n as never)} errorOf={errorOf} prefix="new" />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('addAction')}
        </Button>
      </form>
    </section>
  );
}
