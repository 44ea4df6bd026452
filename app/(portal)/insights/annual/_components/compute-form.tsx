'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { onFormSubmit } from '@/components/on-form-submit';
import { useAction } from '@/components/use-action';
import { Input } from '@/components/ui/field';
import { computeAnnualAction } from '@/lib/annual/actions';
import { COMPONENTS, type Weights } from '@/lib/annual/rules';

export function ComputeForm({ year, weights }: { year: number; weights: Weights }) {
  const t = useTranslations('annual');
  const [w, setW] = useState<Record<string, string>>(
    Object.fromEntries(COMPONENTS.map((c) => [c, String(weights[c])])),
  );
  const [computed, setComputed] = useState<string>();
  const compute = useAction(computeAnnualAction, {
    refresh: true,
    onSuccess: (d) => setComputed(t('computed', { units: d.units })),
  });
  const sum = COMPONENTS.reduce((s, c) => s + (Number(w[c]) || 0), 0);
  const submit = onFormSubmit(() => {
    setComputed(undefined);
    void compute.run({
      year,
      weights: Object.fromEntries(COMPONENTS.map((c) => [c, Number(w[c])])) as Weights,
    });
  });
  return (
    <form className="flex flex-wrap items-end gap-3 text-sm" data-testid="annual-form" onSubmit={submit}>
      {COMPONENTS.map((c) => (
        <label key={c} className="flex flex-col gap-1">
          {t(c)}
          <Input
            className="w-24"
            inputMode="decimal"
            value={w[c]}
            onChange={(e) => setW({ ...w, [c]: e.target.value })}
            aria-label={t(c)}
          />
        </label>
      ))}
      <span className={`min-h-11 content-center ${sum === 100 ? '' : 'text-red-700'}`}>
        {t('sum', { sum })}
      </span>
      <SubmitButton pending={compute.pending}>{t('compute')}</SubmitButton>
      {computed ? (
        <p className="w-full text-green-700" role="status">
          {computed}
        </p>
      ) : (
        compute.error && (
          <div className="w-full">
            <FormError message={compute.error} />
          </div>
        )
      )}
    </form>
  );
}
