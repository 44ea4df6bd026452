'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { sendNoticeAction } from '@/lib/reminders/actions';

/** The 督办 form; the rows' checkboxes belong to it through their form="notice-form" attribute. */
export function NoticeForm({ orgId }: { orgId: string }) {
  const t = useTranslations('supervision');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();
  return (
    <form
      id="notice-form"
      className="space-y-2"
      data-testid="notice-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        start(async () => {
          const r = await sendNoticeAction({
            orgId,
            taskIds: fd.getAll('taskIds').map(String),
            message: String(fd.get('message') ?? ''),
          });
          if (!r.ok) {
            setError(tm(Object.values(r.fieldErrors ?? {})[0] ?? r.error, r.params));
            setSent(false);
          } else {
            setError(undefined);
            setSent(true);
            router.refresh();
          }
        });
      }}
    >
      <Field label={t('message')} htmlFor="notice-message" hint={t('noticeHint')}>
        <Textarea id="notice-message" name="message" rows={2} maxLength={500} />
      </Field>
      <FormError message={error} />
      {sent && (
        <p className="text-sm text-green-700" role="status">
          {t('sent')}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t('send')}
      </Button>
    </form>
  );
}
