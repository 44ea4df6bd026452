'use client';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { NumberField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { setPhotoRuleAction } from '@/lib/photos/actions';
import type { PhotoRule } from '@/lib/photos/rules';

const schemas = lazySchemas(() => import('@/lib/photos/rules'));

const FIELDS = [
  { name: 'days', limits: { min: 1, max: 60 } },
  { name: 'km', limits: { min: 0.1, step: '0.1' } },
  { name: 'bits', limits: { min: 0, max: 16 } },
] as const;

/** The thresholds of the photo checks (company-wide). */
export function PhotoRuleForm({ rule }: { rule: PhotoRule }) {
  const t = useTranslations('photos.settings');
  const { submit, formError, field, busy } = useActionForm(schemas.ZPhotoRule, setPhotoRuleAction, {
    defaultValues: rule,
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-2" data-testid="photo-rule">
      <p className="text-xs text-stone-500">{t('hint')}</p>
      <div className="grid gap-2 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <NumberField
            key={f.name}
            id={`photo-${f.name}`}
            label={t(f.name)}
            {...f.limits}
            {...field(f.name)}
          />
        ))}
      </div>
      <FormSubmit error={formError} pending={busy} label={t('save')} variant="secondary" />
    </form>
  );
}
