'use client';
import { onFormValues } from '@/components/on-form-submit';
import { FormSubmit, SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Field, Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { recordDuesAction, setDuesBaseAction } from '@/lib/people/actions';
import { DUES_CATEGORIES } from '@/lib/people/dues';

const refusal = (
  call: { error?: string; fieldErrors: Record<string, string> },
  tm: (m?: string) => string | undefined,
) => tm(Object.values(call.fieldErrors)[0]) ?? call.error;

/** 年初核定: category, after-tax monthly wage, consent to pay per quarter. */
export function DuesBaseForm({
  personId,
  year,
  current,
}: {
  personId: string;
  year: number;
  current: { category: string; monthlyBase: string; quarterly: boolean } | null;
}) {
  const t = useTranslations('dues');
  const tm = useTranslateMessage();
  const call = useAction(setDuesBaseAction, { refresh: true });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid={`base-${personId}`}
      onSubmit={onFormValues((v) => {
        void call.run({
          personId,
          year,
          category: v.category as never,
          monthlyBase: v.monthlyBase ?? '',
          quarterly: v.quarterly === 'on',
        });
      })}
    >
      <Field label={t('category')} htmlFor={`cat-${personId}`}>
        <Select
          id={`cat-${personId}`}
          name="category"
          defaultValue={current?.category ?? 'EMPLOYED'}
          className="w-32"
        >
          <Options items={DUES_CATEGORIES} label={(c) => t(`categories.${c}`)} />
        </Select>
      </Field>
      <Field label={t('monthlyBase')} htmlFor={`wage-${personId}`}>
        <Input
          id={`wage-${personId}`}
          name="monthlyBase"
          inputMode="decimal"
          defaultValue={current?.monthlyBase ?? ''}
          className="w-32"
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="quarterly" defaultChecked={current?.quarterly} className="h-5 w-5" />
        {t('quarterly')}
      </label>
      <FormSubmit pending={call.pending} error={refusal(call, tm)} label={t('setBase')} variant="secondary" />
    </form>
  );
}

/** Records months as paid on a day: the oldest owed month first; three at once for a quarter. */
export function PayForm({
  personId,
  choices,
  today,
}: {
  personId: string;
  choices: string[];
  today: string;
}) {
  const t = useTranslations('dues');
  const tm = useTranslateMessage();
  const [months, setMonths] = useState<string[]>(choices.slice(0, 1));
  const call = useAction(recordDuesAction, { refresh: true });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid={`pay-${personId}`}
      onSubmit={onFormValues((v) => void call.run({ personId, months, paidOn: v.paidOn ?? '' }))}
    >
      <fieldset className="flex flex-wrap gap-2">
        <legend className="text-sm font-medium text-stone-700">{t('months')}</legend>
        {choices.map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-1 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={months.includes(m)}
              onChange={(e) => setMonths((s) => (e.target.checked ? [...s, m] : s.filter((x) => x !== m)))}
            />
            {m}
          </label>
        ))}
      </fieldset>
      <Field label={t('paidOn')} htmlFor={`paid-${personId}`}>
        <Input id={`paid-${personId}`} name="paidOn" type="date" defaultValue={today} className="w-40" />
      </Field>
      <SubmitButton pending={call.pending || months.length === 0}>{t('pay')}</SubmitButton>
      <FormError message={refusal(call, tm)} />
    </form>
  );
}
