'use client';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormSubmit } from '@/components/form-submit';
import { InputField, SelectField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { createMeetingAction } from '@/lib/meetings/actions';
import { MEETING_KINDS } from '@/lib/meetings/rules';

const schemas = lazySchemas(() => import('@/lib/meetings/schema'));

/** Step one of a record: which unit, what kind, which day. The rest is filled in on the record's page. */
export function NewMeetingForm({
  units,
  today,
  defaultOrgId,
}: {
  units: { id: string; name: string; type: string }[];
  today: string;
  defaultOrgId?: string;
}) {
  const t = useTranslations('meetings');
  const router = useRouter();
  const { form, submit, formError, field, busy } = useActionForm(
    schemas.ZCreateMeeting,
    createMeetingAction,
    {
      defaultValues: { orgId: defaultOrgId ?? units[0]?.id ?? '', kind: 'COMMITTEE', heldOn: today },
      onSuccess: (r) => router.push(`/meetings/${r.id}`),
    },
  );
  const group = units.find((u) => u.id === form.watch('orgId'))?.type === 'PARTY_GROUP';
  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-4">
      <SelectField id="orgId" label={t('fields.org')} {...field('orgId')}>
        <Options items={units} label={(u) => u.name} />
      </SelectField>
      <SelectField
        id="kind"
        label={t('fields.kind')}
        hint={group ? t('groupOnly') : undefined}
        {...field('kind')}
      >
        <Options
          items={MEETING_KINDS.filter((k) => !group || k === 'GROUP')}
          label={(k) => t(`kinds.${k}`)}
        />
      </SelectField>
      <InputField id="heldOn" type="date" max={today} label={t('fields.heldOn')} {...field('heldOn')} />
      <FormSubmit error={formError} pending={busy} label={t('start')} className="w-full sm:w-auto" />
    </form>
  );
}
