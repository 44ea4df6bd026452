'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from '@/components/check-upload';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { rejectionAsUnexpected, useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { completeTaskAction } from '@/lib/reminders/actions';

const completeTask = rejectionAsUnexpected(completeTaskAction);

/**
 * An open task's "mark done": a button, and the form once it is pressed. A table holds dozens of open tasks; only
 * the one being completed mounts the form's hooks, so each closed row renders and hydrates a single button.
 */
export function CompleteTaskForm({ taskId, today, label }: { taskId: string; today: string; label: string }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button type="button" variant="secondary" className="mt-1" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return <OpenForm taskId={taskId} today={today} close={() => setOpen(false)} />;
}

function OpenForm({ taskId, today, close }: { taskId: string; today: string; close: () => void }) {
  const t = useTranslations('reminders');
  const tm = useTranslateMessage();
  const complete = useAction(completeTask, { refresh: true, onSuccess: close });
  return (
    <form
      className="mt-2 space-y-2 rounded-md bg-stone-50 p-3"
      data-testid="complete-form"
      onSubmit={onFormSubmit((fd) => {
        const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
        if (big) {
          complete.setError(tm('reminders.errors.fileTooLarge', { name: big, mb: 20 }));
          return;
        }
        void complete.run(fd);
      })}
    >
      <input type="hidden" name="taskId" value={taskId} />
      <Field label={t('activityDate')} htmlFor={`date-${taskId}`} hint={t('activityDateHint')}>
        <Input
          id={`date-${taskId}`}
          name="activityDate"
          type="date"
          max={today}
          defaultValue={today}
          required
        />
      </Field>
      <Field label={t('note')} htmlFor={`note-${taskId}`}>
        <Input id={`note-${taskId}`} name="note" maxLength={500} />
      </Field>
      <Field label={t('evidence')} htmlFor={`files-${taskId}`} hint={t('evidenceHint')}>
        <Input
          id={`files-${taskId}`}
          name="files"
          type="file"
          multiple
          accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx,image/*"
          capture="environment"
        />
      </Field>
      <FormError message={complete.error} />
      <div className="flex gap-2">
        <SubmitButton pending={complete.pending}>{t('markDone')}</SubmitButton>
        <Button type="button" variant="ghost" onClick={close}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
