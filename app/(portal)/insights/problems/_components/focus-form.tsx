'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { onFormSubmit } from '@/components/on-form-submit';
import { useAction } from '@/components/use-action';
import { InputField, TextareaField } from '@/components/ui/field';
import { createLearningFocusAction } from '@/lib/learning/actions';

type Article = { id: string; label: string; preselected: boolean };

/** `list` with `id` in it (`on`) or out of it. */
const toggled = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** Next quarter's key learning, pre-filled from the articles behind the most deductions. */
export function FocusForm(props: {
  periodKey: string;
  sourceQuarter: string;
  title: string;
  body: string;
  articles: Article[];
}) {
  const t = useTranslations('learning');
  const [chosen, setChosen] = useState<string[]>(
    props.articles.filter((a) => a.preselected).map((a) => a.id),
  );
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const [examFocus, setExamFocus] = useState(true);
  const [created, setCreated] = useState<{ link?: string }>();
  const create = useAction(createLearningFocusAction, {
    onSuccess: (d) =>
      setCreated({ link: d.announcementId ? `/announcements/${d.announcementId}` : undefined }),
  });
  const submit = onFormSubmit(() => {
    setCreated(undefined);
    void create.run({
      periodKey: props.periodKey,
      sourceQuarter: props.sourceQuarter,
      title,
      body,
      articleIds: chosen,
      examFocus,
      publish: true,
    });
  });
  /** A text control showing `value` and setting it as typed. */
  const text = (value: string, set: (v: string) => void) => ({
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(e.target.value),
  });
  return (
    <form className="space-y-3" data-testid="focus-form" onSubmit={submit}>
      <InputField id="lf-title" label={t('focusTitle')} {...text(title, setTitle)} />
      <TextareaField id="lf-body" label={t('focusBody')} rows={4} {...text(body, setBody)} />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">{t('articles')}</legend>
        {props.articles.map((a) => (
          <label key={a.id} className="flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={chosen.includes(a.id)}
              onChange={(e) => setChosen(toggled(chosen, a.id, e.target.checked))}
            />
            {a.label}
          </label>
        ))}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-5"
          checked={examFocus}
          onChange={() => setExamFocus(!examFocus)}
        />
        {t('examFocus', { period: props.periodKey })}
      </label>
      {created ? (
        <p className="text-sm text-green-700" role="status">
          {t('created')}{' '}
          {created.link && (
            <a className="underline" href={created.link}>
              {t('openAnnouncement')}
            </a>
          )}
        </p>
      ) : (
        <FormError message={create.error} />
      )}
      <SubmitButton pending={create.pending}>{t('publishFocus')}</SubmitButton>
    </form>
  );
}
