'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useActionForm, type SchemaLoader } from '@/components/use-action-form';
import type { ActionResult } from '@/lib/action-client';

export type FieldsProps = {
  reg: (name: string) => object;
  errorOf: (name: string) => string | undefined;
  /** A control's registration and its error, to spread on a labelled field. */
  field: (name: string) => { name: string; error?: string };
  /** A control's current value (fields that show only for some choices). */
  watch: (name: string) => unknown;
};

/** The props a row's fields receive from the form that holds them. */
function fieldsProps({
  form,
  errorOf,
  field,
}: {
  form: { register: (name: never) => object; watch: (name: never) => unknown };
  errorOf: FieldsProps['errorOf'];
  field: (name: never) => { name: string; error?: string };
}): FieldsProps {
  return {
    reg: (n) => form.register(n as never),
    errorOf,
    field: (n) => field(n as never),
    watch: (n) => form.watch(n as never),
  };
}

/** What both row forms take: the row's schema and action, and its fields. */
type RowFormProps<S extends z.ZodType<unknown, FieldValues>, T> = {
  schema: SchemaLoader<S>;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  fields: (p: FieldsProps) => React.ReactNode;
};

/**
 * Editing one row of the draft in place (a prescribed action, a criterion): its fields, save and cancel; saving
 * re-reads the page and closes the editor.
 */
export function InlineEdit<S extends z.ZodType<unknown, FieldValues>, T>({
  schema,
  action,
  row,
  onDone,
  fields,
}: RowFormProps<S, T> & { row: DefaultValues<z.input<S>>; onDone: () => void }) {
  const t = useTranslations('handbook');
  const rowForm = useActionForm(schema, action, {
    defaultValues: row,
    refresh: true,
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={rowForm.submit} noValidate className="space-y-3 rounded-md bg-stone-50 p-3">
      <FormError message={rowForm.formError} />
      {fields(fieldsProps(rowForm))}
      <div className="flex gap-2">
        <SubmitButton pending={rowForm.busy}>{t('save')}</SubmitButton>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Adding a row to the draft (an action, a criterion): a heading, the fields and a button named like the heading;
 * saving empties the form again and re-reads the page.
 */
export function NewRowForm<S extends z.ZodType<unknown, FieldValues>, T>({
  schema,
  action,
  blank,
  title,
  fields,
  testId,
}: RowFormProps<S, T> & { blank: DefaultValues<z.input<S>>; title: string; testId?: string }) {
  const newForm = useActionForm(schema, action, {
    defaultValues: blank,
    refresh: true,
    onSuccess: () => newForm.form.reset(blank),
  });
  return (
    <ActionForm
      submit={newForm.submit}
      error={newForm.formError}
      look="section"
      testId={testId}
      heading={<h3 className="text-sm font-medium">{title}</h3>}
    >
      {fields(fieldsProps(newForm))}
      <SubmitButton variant="secondary" pending={newForm.busy}>
        {title}
      </SubmitButton>
    </ActionForm>
  );
}

/** One row of the draft in a list: its summary with edit and delete, or its editor while being edited. */
export function EditableRow({
  editing,
  editor,
  summary,
  onEdit,
  onDelete,
  deleting,
}: {
  editing: boolean;
  editor: React.ReactNode;
  summary: React.ReactNode;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const t = useTranslations('handbook');
  return (
    <li className="border-b border-stone-100 pb-2">
      {editing ? (
        editor
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>{summary}</span>
          <span className="flex gap-1">
            <Button type="button" variant="ghost" onClick={onEdit}>
              {t('edit')}
            </Button>
            <Button
              type="button"
              variant="ghost"
              className="text-red-700"
              disabled={deleting}
              onClick={onDelete}
            >
              {t('delete')}
            </Button>
          </span>
        </div>
      )}
    </li>
  );
}
