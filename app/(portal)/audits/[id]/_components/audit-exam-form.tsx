'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { useAction } from '@/components/use-action';
import { Input } from '@/components/ui/field';
import { createAuditExamAction } from '@/lib/exams/actions';
import { paperFields } from '../../../exams/_components/paper-fields';

const PARTS = ['SINGLE', 'MULTIPLE', 'JUDGE', 'BLANK'] as const;

/** The written part of an audit: a short paper for the audited unit's people, graded automatically. */
export function AuditExamForm({
  auditId,
  defaults,
}: {
  auditId: string;
  defaults: { opensAt: string; closesAt: string };
}) {
  const t = useTranslations('exams');
  const create = useAction(createAuditExamAction, { refresh: true });
  return (
    <form
      className="space-y-3 text-sm"
      data-testid="audit-exam-form"
      onSubmit={onFormSubmit((fd) => {
        const input = { auditId, ...paperFields(fd, PARTS) };
        void create.run(input);
      })}
    >
      <p className="text-stone-600">{t('audit.intro')}</p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {PARTS.map((type) => (
          <label key={type} className="flex flex-col gap-1">
            {t(`types.${type}`)}
            <Input
              name={`count-${type}`}
              type="number"
              min={0}
              max={50}
              defaultValue={type === 'SINGLE' ? 10 : type === 'JUDGE' ? 10 : 0}
            />
          </label>
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1">
          {t('form.opensAt')}
          <Input name="opensAt" type="datetime-local" defaultValue={defaults.opensAt} />
        </label>
        <label className="flex flex-col gap-1">
          {t('form.closesAt')}
          <Input name="closesAt" type="datetime-local" defaultValue={defaults.closesAt} />
        </label>
        <label className="flex flex-col gap-1">
          {t('form.duration')}
          <Input name="durationMin" type="number" min={5} max={240} defaultValue={20} />
        </label>
        <label className="flex flex-col gap-1">
          {t('form.passMark')}
          <Input name="passMark" type="number" min={0} max={100} defaultValue={60} />
        </label>
      </div>
      <FormSubmit error={create.error} pending={create.pending} label={t('audit.create')} />
    </form>
  );
}
