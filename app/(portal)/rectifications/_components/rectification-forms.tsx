'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-client';
import {
  addNoteAction,
  addRectificationEvidenceAction,
  answerCoordinationAction,
  closeCoordinationAction,
  savePlanAction,
  submitItemAction,
  verifyItemAction,
} from '@/lib/feedback/actions';

function useRun() {
  const tm = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    start(async () => {
      const r = await call();
      if (r.ok) {
        setError(undefined);
        after?.();
        router.refresh();
      } else setError(tm(Object.values(r.fieldErrors ?? {})[0] ?? r.error, r.params) ?? r.error);
    });
  return { run, error, pending };
}

/** The unit's side: measures, progress, evidence, submit. */
export function UnitForms({ itemId, plan }: { itemId: string; plan: string }) {
  const t = useTranslations('feedback');
  const { run, error, pending } = useRun();
  const [text, setText] = useState(plan);
  const [note, setNote] = useState('');
  return (
    <div className="space-y-2" data-testid="unit-forms">
      <Textarea
        aria-label={t('plan_')}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('plan_')}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => savePlanAction({ itemId, plan: text }))}
        >
          {t('savePlan')}
        </Button>
        <Input
          aria-label={t('note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('note')}
          className="min-w-40 flex-1"
        />
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => addNoteAction({ itemId, text: note }),
              () => setNote(''),
            )
          }
        >
          {t('addNote')}
        </Button>
      </div>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          fd.set('itemId', itemId);
          run(() => addRectificationEvidenceAction(fd));
          e.currentTarget.reset();
        }}
      >
        <input
          type="file"
          name="files"
          multiple
          accept="image/*,.pdf,.docx,.xlsx"
          capture="environment"
          aria-label={t('evidence')}
          className="text-sm"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('upload')}
        </Button>
      </form>
      <Button type="button" disabled={pending} onClick={() => run(() => submitItemAction({ itemId }))}>
        {t('submit')}
      </Button>
      <FormError message={error} />
    </div>
  );
}

/** The audit team's side: accept, or return with a reason. */
export function VerifyForms({ itemId }: { itemId: string }) {
  const t = useTranslations('feedback');
  const { run, error, pending } = useRun();
  const [reason, setReason] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="verify-forms">
      <Button
        type="button"
        disabled={pending}
        onClick={() => run(() => verifyItemAction({ itemId, accept: true }))}
      >
        {t('accept')}
      </Button>
      <Input
        aria-label={t('returnReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('returnReason')}
        className="min-w-40 flex-1"
      />
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => run(() => verifyItemAction({ itemId, accept: false, reason }))}
      >
        {t('return')}
      </Button>
      <FormError message={error} />
    </div>
  );
}

export function CoordinationForms({
  taskId,
  canAnswer,
  canClose,
}: {
  taskId: string;
  canAnswer: boolean;
  canClose: boolean;
}) {
  const t = useTranslations('feedback');
  const { run, error, pending } = useRun();
  const [answer, setAnswer] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canAnswer && (
        <>
          <Input
            aria-label={t('answer')}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            className="min-w-40 flex-1"
          />
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => answerCoordinationAction({ taskId, answer }))}
          >
            {t('answer')}
          </Button>
        </>
      )}
      {canClose && (
        <Button
          type="button"
          disabled={pending}
          onClick={() => run(() => closeCoordinationAction({ taskId }))}
        >
          {t('close')}
        </Button>
      )}
      <FormError message={error} />
    </div>
  );
}
