'use client';
import { SubmitButton } from '@/components/form-submit';
import { FormError } from '@/components/form-error';
import { Button, LinkButton } from '@/components/ui/button';
import { Input, InputField, SelectField, TextareaField } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { useTranslateMessage } from '@/components/use-translate-message';
import type { ActionResult } from '@/lib/action-client';
import { createQuestionAction, editQuestionAction } from '@/lib/exams/actions';
import { QUESTION_TYPES, nearDuplicateOptions, type QuestionType } from '@/lib/exams/rules';
import type { ZQuestion, TQuestion } from '@/lib/exams/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { ArticlePicker, type ArticleOption } from './article-picker';

const schemas = lazySchemas(() => import('@/lib/exams/schema'));

type Values = z.input<typeof ZQuestion>;

const LETTERS = 'ABCDEFGH'.split('');
const isChoice = (t: QuestionType) => t === 'SINGLE' || t === 'MULTIPLE';
const blankOptions = () => LETTERS.slice(0, 4).map((id) => ({ id, text: '' }));
const split = (s: string, by: RegExp) =>
  s
    .split(by)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * One form for a new question and an edit. The answer input follows the type: options marked
 * correct (choice), true/false, accepted answers one per line (blank), a reference text (short).
 */
export function QuestionForm({
  articles,
  question,
}: {
  articles: ArticleOption[];
  question?: { id: string; values: TQuestion };
}) {
  const t = useTranslations('bank');
  const tt = useTranslations('exams.types');
  const tm = useTranslateMessage();
  const router = useRouter();
  const initial = question?.values;
  const [tags, setTags] = useState(initial?.tags.join('、') ?? '');
  const [answerText, setAnswerText] = useState(
    initial && !isChoice(initial.type) && initial.type !== 'JUDGE'
      ? initial.answer.map(String).join('\n')
      : '',
  );
  const save = async (q: Values): Promise<ActionResult<{ id: string }>> =>
    question ? editQuestionAction({ ...q, id: question.id }) : createQuestionAction(q);
  const { form, submit, formError, busy } = useActionForm(schemas.ZQuestion, save, {
    defaultValues: initial ?? {
      type: 'SINGLE',
      stem: '',
      options: blankOptions(),
      answer: [],
      points: 2,
      difficulty: 2,
      articleKeys: [],
      tags: [],
    },
    refresh: true,
    onSuccess: () => router.push('/exams/bank'),
  });
  const options = useFieldArray({ control: form.control, name: 'options' });
  const type = form.watch('type');
  const answer = form.watch('answer');
  const articleKeys = form.watch('articleKeys');
  // Options that only read alike (spaces, punctuation, 一/1) are saved but pointed out as the author types.
  const alike = isChoice(type)
    ? nearDuplicateOptions(form.watch('options').filter((o) => o.text.trim()))
    : [];
  const errors = form.formState.errors;
  // The server's refusal comes in words; schema rules without a message key of their own (a number's range) read as
  // the generic one.
  const say = (e?: { type?: unknown; message?: unknown }) => {
    const m = typeof e?.message === 'string' ? e.message : undefined;
    if (e?.type === 'server') return m;
    return m && !/^[a-zA-Z]+(\.\w+)+(\||$)/.test(m) ? tm('validation.invalid') : tm(m);
  };

  const setAnswer = (a: (string | boolean)[]) => form.setValue('answer', a, { shouldDirty: true });
  const changeType = (next: QuestionType) => {
    if (isChoice(next) && !form.getValues('options').length) options.replace(blankOptions());
    setAnswer(
      isChoice(next) && isChoice(type) ? (answer as string[]).slice(0, next === 'SINGLE' ? 1 : 8) : [],
    );
    setAnswerText('');
  };
  // Options stay lettered A, B, C… without gaps; the correct ones follow their option.
  const removeOption = (i: number) => {
    const kept = form.getValues('options').filter((_, j) => j !== i);
    const renamed = new Map(kept.map((o, j) => [o.id, LETTERS[j]!]));
    options.replace(kept.map((o, j) => ({ id: LETTERS[j]!, text: o.text })));
    setAnswer((answer as string[]).flatMap((id) => (renamed.has(id) ? [renamed.get(id)!] : [])));
  };
  const toggleCorrect = (id: string, on: boolean) => {
    const ids = answer as string[];
    setAnswer(type === 'SINGLE' ? [id] : on ? [...ids, id].sort() : ids.filter((x) => x !== id));
  };
  const toggleArticle = (key: string, on: boolean) =>
    form.setValue('articleKeys', on ? [...articleKeys, key] : articleKeys.filter((k) => k !== key), {
      shouldDirty: true,
    });

  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="question-form"
      onSubmit={(e) => {
        form.setValue('tags', split(tags, /[、,，]/));
        if (!isChoice(type)) form.setValue('options', []);
        if (type === 'BLANK') setAnswer(split(answerText, /\n/));
        if (type === 'SHORT') setAnswer(answerText.trim() ? [answerText.trim()] : []);
        return submit(e);
      }}
    >
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          id="q-type"
          label={t('form.type')}
          error={say(errors.type)}
          {...form.register('type', { onChange: (e) => changeType(e.target.value as QuestionType) })}
        >
          <Options items={QUESTION_TYPES} label={(x) => tt(x)} />
        </SelectField>
        <InputField
          id="q-points"
          label={t('form.points')}
          error={say(errors.points)}
          type="number"
          min={0.5}
          max={50}
          step={0.5}
          {...form.register('points', { valueAsNumber: true })}
        />
        <SelectField
          id="q-difficulty"
          label={t('form.difficulty')}
          error={say(errors.difficulty)}
          {...form.register('difficulty', { valueAsNumber: true })}
        >
          <Options items={['1', '2', '3']} label={(d) => t(`levels.${d}`)} />
        </SelectField>
      </div>
      <TextareaField
        id="q-stem"
        label={t('form.stem')}
        error={say(errors.stem)}
        rows={3}
        maxLength={1000}
        {...form.register('stem')}
      />

      {isChoice(type) && (
        <fieldset className="space-y-2" data-testid="options">
          <legend className="mb-1 text-sm font-medium text-stone-700">
            {t('form.options')} · {t(type === 'SINGLE' ? 'form.answerSingle' : 'form.answerMultiple')}
          </legend>
          {options.fields.map((f, i) => {
            const id = LETTERS[i]!;
            return (
              <div key={f.id} className="space-y-1">
                <div className="flex items-center gap-2">
                  <label className="flex min-h-11 min-w-11 items-center justify-center gap-1 font-medium">
                    <input
                      type={type === 'SINGLE' ? 'radio' : 'checkbox'}
                      name="correct"
                      checked={(answer as string[]).includes(id)}
                      onChange={(e) => toggleCorrect(id, e.target.checked)}
                      aria-label={t('form.option', { id })}
                    />
                    {id}
                  </label>
                  <Input
                    aria-label={t('form.option', { id })}
                    maxLength={300}
                    {...form.register(`options.${i}.text`)}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    className="shrink-0"
                    disabled={options.fields.length <= 2}
                    onClick={() => removeOption(i)}
                    aria-label={t('form.removeOption', { id })}
                  >
                    ×
                  </Button>
                </div>
                {errors.options?.[i]?.text && (
                  <p className="text-sm text-red-700">{say(errors.options[i]?.text)}</p>
                )}
              </div>
            );
          })}
          {alike.length > 0 && (
            <p className="text-sm text-amber-800" data-testid="options-alike">
              {t('form.optionsAlike', { groups: alike.map((g) => g.join('/')).join('、') })}
            </p>
          )}
          {options.fields.length < LETTERS.length && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => options.append({ id: LETTERS[options.fields.length]!, text: '' })}
            >
              {t('form.addOption')}
            </Button>
          )}
        </fieldset>
      )}
      {type === 'JUDGE' && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-stone-700">{t('form.answerJudge')}</legend>
          <div className="flex gap-4">
            {[true, false].map((v) => (
              <label key={String(v)} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="judge" checked={answer[0] === v} onChange={() => setAnswer([v])} />
                {t(v ? 'true' : 'false')}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {(type === 'BLANK' || type === 'SHORT') && (
        <TextareaField
          id="q-answer"
          label={t(type === 'BLANK' ? 'form.answerBlank' : 'form.answerShort')}
          hint={t(type === 'BLANK' ? 'form.answerBlankHint' : 'form.answerShortHint')}
          error={say(errors.answer)}
          rows={type === 'BLANK' ? 3 : 4}
          value={answerText}
          onChange={(e) => setAnswerText(e.target.value)}
        />
      )}

      <ArticlePicker
        articles={articles}
        selected={articleKeys}
        onToggle={toggleArticle}
        error={errors.articleKeys ? say(errors.articleKeys) : undefined}
      />
      <InputField
        id="q-tags"
        label={t('form.tags')}
        hint={t('form.tagsHint')}
        error={say(errors.tags)}
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={busy}>{question ? t('form.save') : t('form.create')}</SubmitButton>
        <LinkButton href="/exams/bank">{t('form.back')}</LinkButton>
      </div>
    </form>
  );
}
