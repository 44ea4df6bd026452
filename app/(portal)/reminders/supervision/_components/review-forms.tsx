'use client';
import { SubmitButton } from '@/components/form-submit';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { rateTaskAction, returnTaskAction } from '@/lib/reminders/actions';
import { QUALITIES } from '@/lib/reminders/rules';

const schemas = lazySchemas(() => import('@/lib/reminders/schema'));

/**
 * Rate a completed item (优/良/中/差 + comment) or return it for rework with a reason. A row shows two buttons; the
 * form behind one is made only once it is chosen, so a page of 50 done items renders and hydrates no form (each
 * form's state is a react-hook-form instance: two a row made the review list the portal's heaviest page).
 */
export function ReviewForms({ taskId }: { taskId: string }) {
  const t = useTranslations('supervision');
  const [mode, setMode] = useState<'rate' | 'return' | null>(null);
  const [done, setDone] = useState<string>();
  const finished = (message: string) => {
    setDone(message);
    setMode(null);
  };
  if (mode === 'rate') return <RateForm taskId={taskId} onDone={() => finished(t('rated'))} />;
  if (mode === 'return') return <ReturnForm taskId={taskId} onDone={() => finished(t('returned'))} />;
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" variant="secondary" onClick={() => setMode('rate')}>
        {t('rate')}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setMode('return')}>
        {t('return')}
      </Button>
      {done && (
        <span className="content-center text-xs text-green-700" role="status">
          {done}
        </span>
      )}
    </div>
  );
}

function RateForm({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const t = useTranslations('supervision');
  const tq = useTranslations('quality');
  const rate = useActionForm(schemas.ZRateTask, rateTaskAction, {
    defaultValues: { taskId, quality: 'GOOD', comment: '' },
    refresh: true,
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={rate.submit} className="flex flex-wrap items-center gap-2" data-testid="rate-form">
      <Select aria-label={t('rate')} {...rate.form.register('quality')}>
        <Options items={QUALITIES} label={(q) => tq(q)} />
      </Select>
      <Input
        aria-label={t('comment')}
        placeholder={t('comment')}
        {...rate.form.register('comment')}
        className="w-48"
      />
      <SubmitButton pending={rate.busy}>{t('rate')}</SubmitButton>
      <FormError message={rate.formError ?? rate.errorOf('comment')} />
    </form>
  );
}

function ReturnForm({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const t = useTranslations('supervision');
  const ret = useActionForm(schemas.ZReturnTask, returnTaskAction, {
    defaultValues: { taskId, reason: '' },
    refresh: true,
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={ret.submit} className="flex flex-wrap items-center gap-2" data-testid="return-form">
      <Input
        aria-label={t('reason')}
        placeholder={t('reason')}
        {...ret.form.register('reason')}
        className="w-56"
      />
      <SubmitButton variant="danger" pending={ret.busy}>
        {t('confirmReturn')}
      </SubmitButton>
      <FormError message={ret.formError ?? ret.errorOf('reason')} />
    </form>
  );
}
