'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { InputField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { setGradeBandsAction } from '@/lib/handbook/actions';
import type { TGradeBands } from '@/lib/handbook/schema';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

export function GradeBandsForm({ values }: { values: TGradeBands }) {
  const t = useTranslations('handbook');
  const { submit, formError, field, saved, busy } = useActionForm(schemas.ZGradeBands, setGradeBandsAction, {
    defaultValues: values,
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="grade-bands-form">
      <FormError message={formError} />
      <div className="grid grid-cols-3 gap-3">
        {(['excellent', 'good', 'pass'] as const).map((k) => (
          <InputField
            key={k}
            id={`band-${k}`}
            label={t(`bandInputs.${k}`)}
            inputMode="decimal"
            {...field(k)}
          />
        ))}
      </div>
      <p className="text-xs text-stone-500">{t('bandsHelp')}</p>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" pending={busy}>
          {t('save')}
        </SubmitButton>
        {saved && <span className="text-sm text-green-700">{t('saved')}</span>}
      </div>
    </form>
  );
}
