'use client';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from '@/components/check-upload';
import { FormError } from '@/components/form-error';
import { OrgTreePicker, type OrgOption } from '@/components/org-tree-picker';
import { Button } from '@/components/ui/button';
import { Field, Input, MultiSelectField } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import type { ActionResult } from '@/lib/action-client';
import { createTrainingAction } from '@/lib/training/actions';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const iso = (local: string) => (local ? new Date(local).toISOString() : '');

/** An upload the server drops (e.g. over its body limit) rejects instead of answering: shown as unexpected. */
const createTraining = (fd: FormData) =>
  createTrainingAction(fd).catch((): ActionResult<never> => ({
    ok: false,
    error: 'errors.unexpected',
    params: { ref: '-' },
  }));

/** Setting a training class: when and where, the lecturer, the articles, materials, who is invited. */
export function TrainingForm({
  orgs,
  articles,
  people,
}: {
  orgs: OrgOption[];
  articles: { id: string; label: string }[];
  people: { id: string; label: string }[];
}) {
  const t = useTranslations('training');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [tooBig, setTooBig] = useState<string>();
  const create = useAction(createTraining, {
    onSuccess: (d) => router.push(`/learning/training/${d.id}`),
  });
  const fieldTexts: Record<string, string> = Object.fromEntries(
    Object.entries(create.fieldErrors).map(([k, v]) => [k.split('.')[0]!, tm(v) ?? v]),
  );
  const errors: Record<string, string> = tooBig
    ? { files: tooBig }
    : Object.keys(fieldTexts).length || !create.error
      ? fieldTexts
      : { _form: create.error };
  return (
    <form
      className="space-y-3"
      data-testid="training-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
        if (big) {
          create.reset();
          setTooBig(tm('training.errors.fileTooLarge', { name: big, mb: 20 }) ?? '');
          return;
        }
        setTooBig(undefined);
        // The browser's local time becomes an instant here, so the server never guesses a time zone.
        fd.set('startsAt', iso(String(fd.get('startsAt') ?? '')));
        fd.set('endsAt', iso(String(fd.get('endsAt') ?? '')));
        void create.run(fd);
      }}
    >
      <Field label={t('fields.title')} htmlFor="tr-title" error={errors.title}>
        <Input id="tr-title" name="title" maxLength={120} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('fields.startsAt')} htmlFor="tr-start" error={errors.startsAt}>
          <Input id="tr-start" name="startsAt" type="datetime-local" />
        </Field>
        <Field label={t('fields.endsAt')} htmlFor="tr-end" error={errors.endsAt}>
          <Input id="tr-end" name="endsAt" type="datetime-local" />
        </Field>
        <Field label={t('fields.place')} htmlFor="tr-place" hint={t('placeHint')} error={errors.place}>
          <Input id="tr-place" name="place" maxLength={200} />
        </Field>
        <Field label={t('fields.onlineUrl')} htmlFor="tr-url" error={errors.onlineUrl}>
          <Input id="tr-url" name="onlineUrl" type="url" maxLength={500} placeholder="https://" />
        </Field>
        <Field label={t('fields.lecturer')} htmlFor="tr-lecturer" error={errors.lecturer}>
          <Input id="tr-lecturer" name="lecturer" maxLength={60} />
        </Field>
      </div>
      <MultiSelectField
        id="tr-articles"
        name="articleIds"
        label={t('fields.articles')}
        hint={t('multiHint')}
        error={errors.articleIds}
        options={articles}
        size={8}
      />
      <Field
        label={t('fields.invitedOrgs')}
        htmlFor="tr-orgs"
        hint={t('invitedOrgsHint')}
        error={errors.invitedOrgIds}
      >
        <OrgTreePicker
          id="tr-orgs"
          name="invitedOrgIds"
          orgs={orgs}
          multiple
          size={8}
          emptyLabel={t('noneChosen')}
        />
      </Field>
      <MultiSelectField
        id="tr-users"
        name="invitedUserIds"
        label={t('fields.invitedUsers')}
        hint={t('multiHint')}
        error={errors.invitedUserIds}
        options={people}
        size={6}
      />
      <Field label={t('fields.materials')} htmlFor="tr-files" hint={t('filesHint')} error={errors.files}>
        <Input id="tr-files" name="files" type="file" multiple accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" />
      </Field>
      <FormError message={errors._form} />
      <Button type="submit" disabled={create.pending}>
        {t('create')}
      </Button>
    </form>
  );
}
