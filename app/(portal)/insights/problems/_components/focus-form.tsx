'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import { createLearningFocusAction } from '@/lib/learning/actions';

type Article = { id: string; label: string; preselected: boolean };

/** Next quarter's key learning, pre-filled from the articles behind the most deductions. */
export function FocusForm(props: {
  periodKey: string;
  sourceQuarter: string;
  title: string;
  body: string;
  articles: Article[];
}) {
  const t = useTranslations('learning');
  const tm = useTranslateMessage();
  const [chosen, setChosen] = useState<string[]>(
    props.articles.filter((a) => a.preselected).map((a) => a.id),
  );
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const [examFocus, setExamFocus] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; text: string; link?: string }>();
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      data-testid="focus-form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await createLearningFocusAction({
            periodKey: props.periodKey,
            sourceQuarter: props.sourceQuarter,
            title,
            body,
            articleIds: chosen,
            examFocus,
            publish: true,
          });
          setResult(
            r.ok
              ? {
                  ok: true,
                  text: t('created'),
                  link: r.data.announcementId ? `/announcements/${r.data.announcementId}` : undefined,
                }
              : {
                  ok: false,
                  text: tm(Object.values(r.fieldErrors ?? {})[0] ?? r.error, r.params) ?? r.error,
                },
          );
        });
      }}
    >
      <Field label={t('focusTitle')} htmlFor="lf-title">
        <Input id="lf-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('focusBody')} htmlFor="lf-body">
        <Textarea id="lf-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">{t('articles')}</legend>
        {props.articles.map((a) => (
          <label key={a.id} className="flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={chosen.includes(a.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))
              }
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
          onChange={(e) => setExamFocus(e.target.checked)}
        />
        {t('examFocus', { period: props.periodKey })}
      </label>
      {result &&
        (result.ok ? (
          <p className="text-sm text-green-700" role="status">
            {result.text}{' '}
            {result.link && (
              <a className="underline" href={result.link}>
                {t('openAnnouncement')}
              </a>
            )}
          </p>
        ) : (
          <FormError message={result.text} />
        ))}
      <Button type="submit" disabled={pending}>
        {t('publishFocus')}
      </Button>
    </form>
  );
}
