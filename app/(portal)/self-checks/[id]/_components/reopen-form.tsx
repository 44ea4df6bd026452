'use client';
import { FormSubmit } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { InputField } from '@/components/ui/field';
import { reopenSheetAction } from '@/lib/self-check/actions';

const schemas = lazySchemas(() => import('@/lib/self-check/schema'));

export function ReopenForm({ sheetId }: { sheetId: string }) {
  const t = useTranslations('selfCheck');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZReopenSheet, reopenSheetAction, {
    defaultValues: { sheetId, reason: '' },
    onSuccess: (d) => router.push(`/self-checks/${d.id}`),
  });
  return (
    <form onSubmit={submit} className="space-y-2" data-testid="reopen-form">
      <InputField id="reopen-reason" label={t('reopenReason')} hint={t('reopenHint')} {...field('reason')} />
      <FormSubmit error={formError} pending={busy} label={t('reopen')} variant="danger" />
    </form>
  );
}
