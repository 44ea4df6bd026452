'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { useAction } from '@/components/use-action';
import { TextareaField } from '@/components/ui/field';
import { sendNoticeAction } from '@/lib/reminders/actions';

/** The 督办 form; the rows' checkboxes belong to it through their form="notice-form" attribute. */
export function NoticeForm({ orgId }: { orgId: string }) {
  const t = useTranslations('supervision');
  const [sent, setSent] = useState(false);
  const notice = useAction(sendNoticeAction, { refresh: true, onSuccess: () => setSent(true) });
  return (
    <form
      id="notice-form"
      className="space-y-2"
      data-testid="notice-form"
      onSubmit={onFormSubmit((fd) => {
        setSent(false);
        void notice.run({
          orgId,
          taskIds: fd.getAll('taskIds').map(String),
          message: String(fd.get('message') ?? ''),
        });
      })}
    >
      <TextareaField
        id="notice-message"
        label={t('message')}
        hint={t('noticeHint')}
        name="message"
        rows={2}
        maxLength={500}
      />
      <FormError message={notice.error} />
      {sent && (
        <p className="text-sm text-green-700" role="status">
          {t('sent')}
        </p>
      )}
      <SubmitButton pending={notice.pending}>{t('send')}</SubmitButton>
    </form>
  );
}
