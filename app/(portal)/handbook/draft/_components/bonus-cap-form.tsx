'use client';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { NumberField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { setBonusCapAction } from '@/lib/handbook/actions';

const schemas = lazySchemas(() => import('@/lib/handbook/schema'));

/** How many points the 加分项 may add together (the standard's bonus cap). */
export function BonusCapForm({ versionId, bonusCap }: { versionId: string; bonusCap: number }) {
  const t = useTranslations('scoringKinds');
  const { submit, formError, field, busy } = useActionForm(schemas.ZSetBonusCap, setBonusCapAction, {
    defaultValues: { versionId, bonusCap },
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2" data-testid="bonus-cap">
      <NumberField
        id="bonusCap"
        step="0.5"
        min={0}
        label={t('bonusCap')}
        hint={t('bonusCapHint')}
        {...field('bonusCap')}
      />
      <FormSubmit error={formError} pending={busy} label={t('saveBonusCap')} variant="secondary" />
    </form>
  );
}
