'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { InputField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { generateRemindersAction } from '@/lib/reminders/actions';
import type { TGenerate } from '@/lib/reminders/schema';

const schemas = lazySchemas(() => import('@/lib/reminders/schema'));

/** `frequencies` with their names from the page (the handbook's words stay on the server), all ticked at first. */
export function GenerateForm({
  today,
  frequencies,
}: {
  today: string;
  frequencies: { value: TGenerate['frequencies'][number]; label: string }[];
}) {
  const t = useTranslations('reminders');
  const [done, setDone] = useState<string>();
  const { form, submit, formError, errorOf, field, busy } = useActionForm(
    schemas.ZGenerate,
    generateRemindersAction,
    {
      defaultValues: { day: today, frequencies: frequencies.map((f) => f.value) },
      refresh: true,
      onSuccess: (d) => setDone(t('generated', { count: d.inserted, periods: d.periods.join('、') })),
    },
  );
  return (
    <ActionForm
      submit={submit}
      error={formError}
      look="section"
      testId="generate-form"
      heading={<p className="text-sm text-stone-600">{t('generateHelp')}</p>}
    >
      <InputField id="day" label={t('periodOfDay')} type="date" className="max-w-xs" {...field('day')} />
      <fieldset>
        <div className="flex flex-wrap gap-3">
          {frequencies.map((f) => (
            <label key={f.value} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={f.value} {...form.register('frequencies')} />
              {f.label}
            </label>
          ))}
        </div>
        {errorOf('frequencies') && <p className="text-sm text-red-700">{errorOf('frequencies')}</p>}
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" pending={busy}>
          {t('generate')}
        </SubmitButton>
        {done && (
          <span className="text-sm text-green-700" data-testid="generated">
            {done}
          </span>
        )}
      </div>
    </ActionForm>
  );
}
