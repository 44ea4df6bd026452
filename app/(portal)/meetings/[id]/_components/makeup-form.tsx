'use client';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { InputField, NumberField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { recordMakeupAction } from '@/lib/meetings/actions';

const schemas = lazySchemas(() => import('@/lib/meetings/schema'));

/** 补学 of one absent member: when, how (e.g. 观看会议录像、自学会议精神并交心得) and the 学时 it earns. */
export function MakeupForm({
  meetingId,
  personId,
  name,
  heldOn,
  today,
}: {
  meetingId: string;
  personId: string;
  name: string;
  heldOn: string;
  today: string;
}) {
  const t = useTranslations('meetings');
  const { submit, formError, field, busy } = useActionForm(schemas.ZRecordMakeup, recordMakeupAction, {
    defaultValues: { meetingId, personId, studiedOn: today, method: '', hours: 1 },
    refresh: true,
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('makeupFor', { name })}
      className="mt-2 grid gap-2 sm:grid-cols-[10rem_1fr_6rem_auto] sm:items-end"
    >
      <InputField
        id={`studiedOn-${personId}`}
        type="date"
        min={heldOn}
        max={today}
        label={t('fields.studiedOn')}
        {...field('studiedOn')}
      />
      <InputField id={`method-${personId}`} label={t('fields.method')} {...field('method')} />
      <NumberField
        id={`hours-${personId}`}
        step="0.5"
        min={0}
        label={t('fields.hours')}
        {...field('hours')}
      />
      <FormSubmit error={formError} pending={busy} label={t('recordMakeup')} variant="secondary" />
    </form>
  );
}
