'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { useActionForm } from '@/components/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { reopenSheetAction } from '@/lib/self-check/actions';
import { ZReopenSheet } from '@/lib/self-check/schema';

export function ReopenForm({ sheetId }: { sheetId: string }) {
  const t = useTranslations('selfCheck');
  const router = useRouter();
  const { form, submit, formError, errorOf, busy } = useActionForm(ZReopenSheet, reopenSheetAction, {
    defaultValues: { sheetId, reason: '' },
    onSuccess: (d) => router.push(`/self-checks/${d.id}`),
  });
  return (
    <form onSubmit={submit} className="space-y-2" data-testid="reopen-form">
      <Field
        label={t('reopenReason')}
        htmlFor="reopen-reason"
        hint={t('reopenHint')}
        error={errorOf('reason')}
      >
        <Input id="reopen-reason" {...form.register('reason')} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" variant="danger" disabled={busy}>
        {t('reopen')}
      </Button>
    </form>
  );
}
