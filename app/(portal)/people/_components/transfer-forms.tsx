'use client';
import { onFormValues } from '@/components/on-form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { FormSubmit, GridSubmit, SubmitButton } from '@/components/form-submit';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { OrgTreePicker, type OrgChoices } from '@/components/org-tree-picker';
import { useAction, formRefusal } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import {
  cancelTransferAction,
  issueTransferAction,
  proposeTransferAction,
  receiveTransferAction,
  recordIncomingAction,
} from '@/lib/people/actions';

/** On a profile: propose moving the 组织关系 to another unit of the company, or out of the company. */
export function ProposeTransferForm({ personId, targets }: { personId: string; targets: OrgChoices }) {
  const t = useTranslations('transfers');
  const tm = useTranslateMessage();
  const [kind, setKind] = useState<'INTERNAL' | 'OUT'>('INTERNAL');
  const call = useAction(proposeTransferAction, { refresh: true });
  const err = (f: string) => tm(call.fieldErrors[f]);
  return (
    <form
      className="space-y-3"
      data-testid="propose-transfer"
      onSubmit={onFormValues((v) => {
        void call.run({ personId, kind, toOrgId: v.toOrgId, externalUnit: v.externalUnit, reason: v.reason });
      })}
    >
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">{t('kind')}</legend>
        {(['INTERNAL', 'OUT'] as const).map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              checked={kind === k}
              onChange={() => setKind(k)}
              className="h-5 w-5"
            />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'INTERNAL' ? (
        <Field label={t('to')} htmlFor="toOrgId" error={err('toOrgId')}>
          <OrgTreePicker
            id="toOrgId"
            name="toOrgId"
            defaultValue=""
            orgs={targets}
            emptyLabel={t('choose')}
          />
        </Field>
      ) : (
        <Field label={t('externalTo')} htmlFor="externalUnit" error={err('externalUnit')}>
          <Input id="externalUnit" name="externalUnit" maxLength={130} />
        </Field>
      )}
      <Field label={t('reason')} htmlFor="reason" error={err('reason')}>
        <Input id="reason" name="reason" maxLength={510} placeholder={t('reasonHint')} />
      </Field>
      <FormSubmit error={formRefusal(call)} pending={call.pending} label={t('propose')} />
    </form>
  );
}

/** The committee issues the 介绍信 of a proposed transfer. */
export function IssueForm({ id, defaultUntil }: { id: string; defaultUntil: string }) {
  const t = useTranslations('transfers');
  const tm = useTranslateMessage();
  const call = useAction(issueTransferAction, { refresh: true });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid={`issue-${id}`}
      onSubmit={onFormValues((v) => {
        void call.run({ id, letterNo: v.letterNo ?? '', validUntil: v.validUntil ?? '' });
      })}
    >
      <Field label={t('letterNo')} htmlFor={`letter-${id}`} error={tm(call.fieldErrors.letterNo)}>
        <Input id={`letter-${id}`} name="letterNo" maxLength={40} className="w-40" />
      </Field>
      <Field label={t('validUntil')} htmlFor={`until-${id}`} error={tm(call.fieldErrors.validUntil)}>
        <Input
          id={`until-${id}`}
          name="validUntil"
          type="date"
          defaultValue={defaultUntil}
          className="w-44"
        />
      </Field>
      <SubmitButton pending={call.pending}>{t('issue')}</SubmitButton>
      <FormError message={formRefusal(call)} />
    </form>
  );
}

/** The receiving branch confirms the 报到 (a transfer out: the committee records the 回执). */
export function ReceiveButton({ id, out }: { id: string; out: boolean }) {
  const t = useTranslations('transfers');
  const call = useAction(receiveTransferAction, { refresh: true });
  return (
    <div>
      <Button
        type="button"
        variant="primary"
        disabled={call.pending}
        onClick={() => void call.run({ id })}
        data-testid={`receive-${id}`}
      >
        {out ? t('receiptBack') : t('receive')}
      </Button>
      <FormError message={call.error} />
    </div>
  );
}

export function CancelForm({ id }: { id: string }) {
  const t = useTranslations('transfers');
  const tm = useTranslateMessage();
  const [open, setOpen] = useState(false);
  const call = useAction(cancelTransferAction, { refresh: true });
  if (!open)
    return (
      <Button type="button" variant="ghost" onClick={() => setOpen(true)}>
        {t('cancel')}
      </Button>
    );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={onFormValues((v) => void call.run({ id, reason: v.reason ?? '' }))}
    >
      <Field label={t('cancelReason')} htmlFor={`cancel-${id}`} error={tm(call.fieldErrors.reason)}>
        <Input id={`cancel-${id}`} name="reason" maxLength={510} />
      </Field>
      <FormSubmit
        pending={call.pending}
        error={formRefusal(call)}
        label={t('confirmCancel')}
        variant="danger"
      />
    </form>
  );
}

/** The committee records someone arriving from outside the company, with the letter that came with them. */
export function IncomingForm({ units, defaultUntil }: { units: OrgChoices; defaultUntil: string }) {
  const t = useTranslations('transfers');
  const tm = useTranslateMessage();
  const call = useAction(recordIncomingAction, { refresh: true });
  const err = (f: string) => tm(call.fieldErrors[f]);
  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      data-testid="incoming-form"
      onSubmit={onFormValues((v) => {
        void call.run({
          employeeNo: v.employeeNo ?? '',
          toOrgId: v.toOrgId ?? '',
          externalUnit: v.externalUnit ?? '',
          letterNo: v.letterNo ?? '',
          validUntil: v.validUntil ?? '',
        });
      })}
    >
      <Field
        label={t('employeeNo')}
        htmlFor="in-employeeNo"
        error={err('employeeNo')}
        hint={t('registerFirstHint')}
      >
        <Input id="in-employeeNo" name="employeeNo" maxLength={40} />
      </Field>
      <Field label={t('to')} htmlFor="in-toOrgId" error={err('toOrgId')}>
        <OrgTreePicker id="in-toOrgId" name="toOrgId" defaultValue="" orgs={units} emptyLabel={t('choose')} />
      </Field>
      <Field label={t('externalFrom')} htmlFor="in-externalUnit" error={err('externalUnit')}>
        <Input id="in-externalUnit" name="externalUnit" maxLength={130} />
      </Field>
      <Field label={t('letterNo')} htmlFor="in-letterNo" error={err('letterNo')}>
        <Input id="in-letterNo" name="letterNo" maxLength={40} />
      </Field>
      <Field label={t('validUntil')} htmlFor="in-validUntil" error={err('validUntil')}>
        <Input id="in-validUntil" name="validUntil" type="date" defaultValue={defaultUntil} />
      </Field>
      <GridSubmit pending={call.pending} error={formRefusal(call)} label={t('recordIncoming')} />
    </form>
  );
}
