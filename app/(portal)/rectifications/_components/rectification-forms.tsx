'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { useAction } from '@/components/use-action';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/field';
import {
  addNoteAction,
  addRectificationEvidenceAction,
  answerCoordinationAction,
  closeCoordinationAction,
  savePlanAction,
  submitItemAction,
  verifyItemAction,
} from '@/lib/feedback/actions';

type Call<I> = { run: (input: I) => Promise<unknown>; pending: boolean; error?: string; reset: () => void };

/** A panel's actions behind one error line: running one clears what the others said. */
function panel(...calls: Call<never>[]) {
  return {
    pending: calls.some((c) => c.pending),
    error: calls.map((c) => c.error).find(Boolean),
    run<I>(call: Call<I>, input: NoInfer<I>) {
      for (const c of calls) if (c !== call) c.reset();
      void call.run(input);
    },
  };
}

/** A short text and the button that sends it; `label` names the box (and, `hinted`, shows in it while empty). */
function TextAndButton({
  label,
  value,
  onChange,
  hinted = false,
  button,
  variant = 'secondary',
  disabled,
  onClick,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hinted?: boolean;
  button: string;
  variant?: 'secondary' | 'danger';
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <>
      <Input
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={hinted ? label : undefined}
        className="min-w-40 flex-1"
      />
      <Button type="button" variant={variant} disabled={disabled} onClick={onClick}>
        {button}
      </Button>
    </>
  );
}

/** The unit's side: measures, progress, evidence, submit. */
export function UnitForms({ itemId, plan }: { itemId: string; plan: string }) {
  const t = useTranslations('feedback');
  const [text, setText] = useState(plan);
  const [note, setNote] = useState('');
  const savePlan = useAction(savePlanAction, { refresh: true });
  const addNote = useAction(addNoteAction, { refresh: true, onSuccess: () => setNote('') });
  const addEvidence = useAction(addRectificationEvidenceAction, { refresh: true });
  const submit = useAction(submitItemAction, { refresh: true });
  const { run, error, pending } = panel(savePlan, addNote, addEvidence, submit);
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
          onClick={() => run(savePlan, { itemId, plan: text })}
        >
          {t('savePlan')}
        </Button>
        <TextAndButton
          label={t('note')}
          hinted
          value={note}
          onChange={setNote}
          button={t('addNote')}
          disabled={pending}
          onClick={() => run(addNote, { itemId, text: note })}
        />
      </div>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={onFormSubmit((fd, form) => {
          fd.set('itemId', itemId);
          run(addEvidence, fd);
          form.reset();
        })}
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
        <SubmitButton variant="secondary" pending={pending}>
          {t('upload')}
        </SubmitButton>
      </form>
      <Button type="button" disabled={pending} onClick={() => run(submit, { itemId })}>
        {t('submit')}
      </Button>
      <FormError message={error} />
    </div>
  );
}

/** The audit team's side: accept, or return with a reason. */
export function VerifyForms({ itemId }: { itemId: string }) {
  const t = useTranslations('feedback');
  const [reason, setReason] = useState('');
  const verify = useAction(verifyItemAction, { refresh: true });
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="verify-forms">
      <Button
        type="button"
        disabled={verify.pending}
        onClick={() => void verify.run({ itemId, accept: true })}
      >
        {t('accept')}
      </Button>
      <TextAndButton
        label={t('returnReason')}
        hinted
        value={reason}
        onChange={setReason}
        button={t('return')}
        variant="danger"
        disabled={verify.pending}
        onClick={() => void verify.run({ itemId, accept: false, reason })}
      />
      <FormError message={verify.error} />
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
  const [answer, setAnswer] = useState('');
  const answerTask = useAction(answerCoordinationAction, { refresh: true });
  const close = useAction(closeCoordinationAction, { refresh: true });
  const { run, error, pending } = panel(answerTask, close);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canAnswer && (
        <TextAndButton
          label={t('answer')}
          value={answer}
          onChange={setAnswer}
          button={t('answer')}
          disabled={pending}
          onClick={() => run(answerTask, { taskId, answer })}
        />
      )}
      {canClose && (
        <Button type="button" disabled={pending} onClick={() => run(close, { taskId })}>
          {t('close')}
        </Button>
      )}
      <FormError message={error} />
    </div>
  );
}
