'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { computeAnnualAction } from '@/lib/annual/actions';
import { COMPONENTS, type Weights } from '@/lib/annual/rules';

export function ComputeForm({ year, weights }: { year: number; weights: Weights }) {
  const t = useTranslations('annual');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [w, setW] = useState<Record<string, string>>(
    Object.fromEntries(COMPONENTS.map((c) => [c, String(weights[c])])),
  );
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const [pending, start] = useTransition();
  const sum = COMPONENTS.reduce((s, c) => s + (Number(w[c]) || 0), 0);
  return (
    <form
      className="flex flex-wrap items-end gap-3 text-sm"
      data-testid="annual-form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await computeAnnualAction({
            year,
            weights: Object.fromEntries(COMPONENTS.map((c) => [c, Number(w[c])])) as Weights,
          });
          if (r.ok) {
            setMsg({ ok: true, text: t('computed', { units: r.data.units }) });
            router.refresh();
          } else
            setMsg({
              ok: false,
              text: tm(Object.values(r.fieldErrors ?? {})[0] ?? r.error, r.params) ?? r.error,
            });
        });
      }}
    >
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
      <Button type="submit" disabled={pending}>
        {t('compute')}
      </Button>
      {msg &&
        (msg.ok ? (
          <p className="w-full text-green-700" role="status">
            {msg.text}
          </p>
        ) : (
          <div className="w-full">
            <FormError message={msg.text} />
          </div>
        ))}
    </form>
  );
}
