'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/use-action-form';
import type { ActionResult } from '@/lib/action-client';

export type FieldsProps = {
  reg: (name: string) => object;
  errorOf: (name: string) => string | undefined;
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
}: {
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  row: DefaultValues<z.input<S>>;
  onDone: () => void;
  fields: (p: FieldsProps) => React.ReactNode;
}) {
  const t = useTranslations('handbook');
  const router = useRouter();
  const { form, submit, formError, errorOf, busy } = useActionForm(schema, action, {
    defaultValues: row,
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md bg-stone-50 p-3">
      <FormError message={formError} />
      {fields({ reg: (n) => form.register(n as never), errorOf })}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {t('save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
