'use client';
import { FormSubmit } from '@/components/form-submit';
import { OrgTreePickerField, type OrgOption } from '@/components/org-tree-picker';
import { InputField, MultiSelectField } from '@/components/ui/field';
import { rejectionAsUnexpected, useUploadAction } from '@/components/use-action';
import { createTrainingAction } from '@/lib/training/actions';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';

const iso = (local: string) => (local ? new Date(local).toISOString() : '');

const createTraining = rejectionAsUnexpected(createTrainingAction);

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
  const router = useRouter();
  const create = useUploadAction(createTraining, {
    onSuccess: (d) => router.push(`/learning/training/${d.id}`),
    tooBigKey: 'training.errors.fileTooLarge',
  });
  const { errors } = create;
  return (
    <form
      className="space-y-3"
      data-testid="training-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        // The browser's local time becomes an instant here, so the server never guesses a time zone.
        fd.set('startsAt', iso(String(fd.get('startsAt') ?? '')));
        fd.set('endsAt', iso(String(fd.get('endsAt') ?? '')));
        create.upload(fd);
      }}
    >
      <InputField id="tr-title" label={t('fields.title')} {...create.field('title')} maxLength={120} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          id="tr-start"
          label={t('fields.startsAt')}
          {...create.field('startsAt')}
          type="datetime-local"
        />
        <InputField
          id="tr-end"
          label={t('fields.endsAt')}
          {...create.field('endsAt')}
          type="datetime-local"
        />
        <InputField
          id="tr-place"
          label={t('fields.place')}
          hint={t('placeHint')}
          {...create.field('place')}
          maxLength={200}
        />
        <InputField
          id="tr-url"
          label={t('fields.onlineUrl')}
          {...create.field('onlineUrl')}
          type="url"
          maxLength={500}
          placeholder="https://"
        />
        <InputField
          id="tr-lecturer"
          label={t('fields.lecturer')}
          {...create.field('lecturer')}
          maxLength={60}
        />
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
      <OrgTreePickerField
        id="tr-orgs"
        label={t('fields.invitedOrgs')}
        hint={t('invitedOrgsHint')}
        error={errors.invitedOrgIds}
        name="invitedOrgIds"
        orgs={orgs}
        multiple
        size={8}
        emptyLabel={t('noneChosen')}
      />
      <MultiSelectField
        id="tr-users"
        name="invitedUserIds"
        label={t('fields.invitedUsers')}
        hint={t('multiHint')}
        error={errors.invitedUserIds}
        options={people}
        size={6}
      />
      <InputField
        id="tr-files"
        label={t('fields.materials')}
        hint={t('filesHint')}
        {...create.field('files')}
        type="file"
        multiple
        accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
      />
      <FormSubmit error={errors._form} pending={create.pending} label={t('create')} />
    </form>
  );
}
