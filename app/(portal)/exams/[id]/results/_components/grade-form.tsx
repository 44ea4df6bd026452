'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { useAction } from '@/components/use-action';
import { Input } from '@/components/ui/field';
import { gradeShortAnswerAction } from '@/lib/exams/actions';

export type Pending = {
  attemptId: string;
  questionId: string;
  person: string;
  stem: string;
  reference: string;
  given: string;
  points: number;
};

/** One short answer to grade: the question, the reference answer, what was written, the points. */
export function GradeForm({ item }: { item: Pending }) {
  const t = useTranslations('exams');
  const grade = useAction(gradeShortAnswerAction, { refresh: true });
  return (
    <form
      className="space-y-2 border-t border-stone-100 py-3 text-sm"
      data-testid="grade-item"
      onSubmit={onFormSubmit((fd) => {
        void grade.run({
          attemptId: item.attemptId,
          questionId: item.questionId,
          points: Number(fd.get('points')),
        });
      })}
    >
      <p className="font-medium">
        {item.person} · {item.stem}
      </p>
      <p className="text-stone-600">
        {t('grading.reference')}
        {item.reference || '—'}
      </p>
      <p className="whitespace-pre-line rounded-md bg-stone-50 p-2">{item.given || t('grading.blank')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          {t('grading.points', { max: item.points })}
          <Input name="points" type="number" min={0} max={item.points} step={0.5} required className="w-24" />
        </label>
        <SubmitButton pending={grade.pending}>{t('grading.save')}</SubmitButton>
      </div>
      <FormError message={grade.error} />
    </form>
  );
}
