'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { FormSubmit } from '@/components/form-submit';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Field, InputField, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { createPlanAction } from '@/lib/audits/actions';
import { AUDIT_KINDS, DRAW_TYPES } from '@/lib/audits/rules';

type Option = { id: string; name: string; depth?: number };

export function PlanForm({
  auditors,
  orgs,
  defaultPeriod,
}: {
  auditors: Option[];
  orgs: Option[];
  defaultPeriod: string;
}) {
  const t = useTranslations('audits');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [kind, setKind] = useState<(typeof AUDIT_KINDS)[number]>('KEY_QUARTERLY');
  const plan = useAction(createPlanAction, { onSuccess: (d) => router.push(`/audits/plans/${d.id}`) });
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(plan.fieldErrors)) errors[k.split('.').slice(-1)[0]!] ??= tm(v) ?? v;
  if (plan.error && !Object.keys(errors).length) errors._form = plan.error;
  return (
    <form
      className="space-y-3"
      data-testid="plan-form"
      onSubmit={onFormSubmit((fd) => {
        const num = (k: string) => (fd.get(k) ? Number(fd.get(k)) : undefined);
        const input = {
          title: String(fd.get('title') ?? ''),
          kind,
          periodKey: String(fd.get('periodKey') ?? ''),
          memberIds: fd.getAll('memberIds').map(String),
          leaderId: String(fd.get('leaderId') ?? ''),
          draw:
            kind === 'SPOT_CHECK'
              ? {
                  subtreeOrgId: String(fd.get('subtreeOrgId') ?? ''),
                  types: fd.getAll('types').map(String) as (typeof DRAW_TYPES)[number][],
                  excludeMonths: num('excludeMonths') ?? 0,
                  size: num('size'),
                  rate: num('rate'),
                  weighted: fd.get('weighted') === 'on',
                  seed: String(fd.get('seed') ?? '') || undefined,
                }
              : undefined,
        };
        void plan.run(input);
      })}
    >
      <InputField id="plan-title" label={t('form.title')} error={errors.title} name="title" maxLength={120} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('form.kind')} htmlFor="plan-kind">
          <Select id="plan-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <Options items={AUDIT_KINDS} label={(k) => t(`kinds.${k}`)} />
          </Select>
        </Field>
        <InputField
          id="plan-period"
          label={t('form.period')}
          hint={t('form.periodHint')}
          error={errors.periodKey}
          name="periodKey"
          defaultValue={defaultPeriod}
        />
      </div>
      {kind === 'KEY_QUARTERLY' && <p className="text-sm text-stone-600">{t('form.keyHint')}</p>}
      {kind === 'YEAR_END' && <p className="text-sm text-stone-600">{t('form.yearHint')}</p>}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('form.team')}</legend>
        <p className="text-xs text-stone-500">{t('form.teamHint')}</p>
        {auditors.map((a) => (
          <label key={a.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="memberIds" value={a.id} className="size-5" />
            {a.name}
          </label>
        ))}
        <FormError message={errors.memberIds} />
      </fieldset>
      <Field label={t('form.leader')} htmlFor="plan-leader" error={errors.leaderId}>
        <Select id="plan-leader" name="leaderId">
          <Options items={auditors} label={(a) => a.name} />
        </Select>
      </Field>
      {kind === 'SPOT_CHECK' && (
        <fieldset className="space-y-3 rounded-md border border-stone-200 p-3" data-testid="draw-fields">
          <legend className="px-1 text-sm font-medium">{t('form.draw')}</legend>
          <Field label={t('form.subtree')} htmlFor="draw-subtree">
            <Select id="draw-subtree" name="subtreeOrgId">
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {'　'.repeat(o.depth ?? 0)}
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex gap-4 text-sm">
            {DRAW_TYPES.map((k) => (
              <label key={k} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="types"
                  value={k}
                  defaultChecked={k === 'BRANCH'}
                  className="size-5"
                />
                {t(`typesOpts.${k}`)}
              </label>
            ))}
          </div>
          <FormError message={errors.types} />
          <div className="grid gap-3 sm:grid-cols-3">
            <InputField
              id="draw-exclude"
              label={t('form.excludeMonths')}
              name="excludeMonths"
              type="number"
              min={0}
              max={36}
              defaultValue={3}
            />
            <InputField
              id="draw-size"
              label={t('form.size')}
              error={errors.size}
              name="size"
              type="number"
              min={1}
              defaultValue={3}
            />
            <InputField
              id="draw-rate"
              label={t('form.rate')}
              name="rate"
              type="number"
              step="0.05"
              min={0}
              max={1}
            />
          </div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="weighted" defaultChecked className="size-5" />
            {t('form.weighted')}
          </label>
          <InputField id="draw-seed" label={t('form.seed')} error={errors.seed} name="seed" maxLength={64} />
        </fieldset>
      )}
      <FormSubmit error={errors._form ?? errors.draw} pending={plan.pending} label={t('form.create')} />
    </form>
  );
}
