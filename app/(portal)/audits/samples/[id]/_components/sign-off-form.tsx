'use client';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { TextareaField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { signOffSampleAction } from '@/lib/audits/actions';

const schemas = lazySchemas(() => import('@/lib/audits/schema'));

/** The team leader's sign-off of a working paper, with the review's conclusion; the paper is frozen after it. */
export function SignOffForm({ sampleId }: { sampleId: string }) {
  const t = useTranslations('audits.samples');
  const { submit, formError, field, busy } = useActionForm(schemas.ZSignOffSample, signOffSampleAction, {
    defaultValues: { sampleId, conclusion: '' },
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="no-print space-y-2" data-testid="sign-off-sample">
      <TextareaField
        id="conclusion"
        rows={3}
        label={t('conclusion')}
        hint={t('conclusionHint')}
        {...field('conclusion')}
      />
      <FormSubmit error={formError} pending={busy} label={t('sign')} />
    </form>
  );
}
