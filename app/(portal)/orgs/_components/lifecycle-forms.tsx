'use client';
import { onFormValues } from '@/components/on-form-submit';
import { FormSubmit, GridSubmit, SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { RunButton } from '@/components/ui/item-row';
import { Field, Input } from '@/components/ui/field';
import { useAction, formRefusal } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import {
  cancelOpenTasksAction,
  extendTermAction,
  handUpRectificationsAction,
  setLifecycleAction,
} from '@/lib/orgs/actions';

type Record_ = {
  temporary: boolean;
  jointUnits: number | null;
  setupRequestedOn: string | null;
  setupApprovedOn: string | null;
  termStart: string | null;
  termYears: number | null;
};

/** The unit's lifecycle record: kind of branch, the set-up request and its 批复, the term of its committee. */
export function LifecycleForm({ orgId, record }: { orgId: string; record: Record_ }) {
  const t = useTranslations('orgs.lifecycle');
  const tm = useTranslateMessage();
  const call = useAction(setLifecycleAction, { refresh: true });
  const date = (name: keyof Record_) => (
    <Field label={t(`fields.${name}`)} htmlFor={`lc-${name}`} error={tm(call.fieldErrors[name])}>
      <Input id={`lc-${name}`} name={name} type="date" defaultValue={(record[name] as string | null) ?? ''} />
    </Field>
  );
  const number = (name: 'jointUnits' | 'termYears', min: number, max: number, hint: string) => (
    <Field label={t(`fields.${name}`)} htmlFor={`lc-${name}`} hint={hint} error={tm(call.fieldErrors[name])}>
      <Input
        id={`lc-${name}`}
        name={name}
        type="number"
        min={min}
        max={max}
        defaultValue={record[name] ?? ''}
      />
    </Field>
  );
  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      data-testid="lifecycle-form"
      onSubmit={onFormValues((v) => {
        void call.run({ id: orgId, ...v, temporary: v.temporary === 'on' } as never);
      })}
    >
      <label className="flex min-h-11 items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" name="temporary" defaultChecked={record.temporary} className="h-5 w-5" />
        {t('fields.temporary')}
      </label>
      {number('jointUnits', 2, 20, t('jointHint'))}
      {date('setupRequestedOn')}
      {date('setupApprovedOn')}
      {date('termStart')}
      {number('termYears', 1, 5, t('termYearsHint'))}
      <GridSubmit pending={call.pending} error={formRefusal(call)} label={t('save')} />
    </form>
  );
}

/** 换届延期: the new end date and the unit that approved it. */
export function ExtendTermForm({ orgId }: { orgId: string }) {
  const t = useTranslations('orgs.lifecycle');
  const tm = useTranslateMessage();
  const call = useAction(extendTermAction, { refresh: true });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="extend-term"
      onSubmit={onFormValues((v) => {
        void call.run({ id: orgId, extendedTo: v.extendedTo ?? '', approvedBy: v.approvedBy ?? '' });
      })}
    >
      <Field label={t('extendedTo')} htmlFor="ext-to" error={tm(call.fieldErrors.extendedTo)}>
        <Input id="ext-to" name="extendedTo" type="date" />
      </Field>
      <Field label={t('approvedBy')} htmlFor="ext-by" error={tm(call.fieldErrors.approvedBy)}>
        <Input id="ext-by" name="approvedBy" maxLength={130} />
      </Field>
      <FormSubmit pending={call.pending} error={formRefusal(call)} label={t('extend')} variant="secondary" />
    </form>
  );
}

/** Closing: cancel the open reminder tasks with one reason; hand the open rectifications to the parent. */
export function ClosingActions({
  orgId,
  openTasks,
  openRectifications,
}: {
  orgId: string;
  openTasks: number;
  openRectifications: number;
}) {
  const t = useTranslations('orgs.closing');
  const tm = useTranslateMessage();
  const cancel = useAction(cancelOpenTasksAction, { refresh: true });
  const handUp = useAction(handUpRectificationsAction, { refresh: true });
  return (
    <div className="space-y-3">
      {openTasks > 0 && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={onFormValues((v) => void cancel.run({ orgId, reason: v.reason ?? '' }))}
        >
          <Field label={t('cancelReason')} htmlFor="close-reason" error={tm(cancel.fieldErrors.reason)}>
            <Input id="close-reason" name="reason" maxLength={510} placeholder={t('cancelReasonHint')} />
          </Field>
          <SubmitButton variant="secondary" pending={cancel.pending} data-testid="cancel-open-tasks">
            {t('cancelTasks', { count: openTasks })}
          </SubmitButton>
          <FormError message={formRefusal(cancel)} />
        </form>
      )}
      {openRectifications > 0 && (
        <div>
          <RunButton action={handUp} input={{ orgId }}>
            {t('handUp', { count: openRectifications })}
          </RunButton>
          <FormError message={handUp.error} />
        </div>
      )}
    </div>
  );
}
