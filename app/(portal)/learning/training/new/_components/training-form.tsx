'use client';
import type { Choice } from '@/components/ui/options';
import { FormSubmit } from '@/components/form-submit';
import { onFormSubmit } from '@/components/on-form-submit';
import { OrgTreePickerField, type OrgChoices } from '@/components/org-tree-picker';
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
  orgs: OrgChoices;
  articles: Choice[];
  people: OrgChoices;
}) {
  const t = useTranslations('training');
  const router = useRouter();
  const create = useUploadAction(createTraining, {
    onSuccess: (d) => router.push(`/learning/training/${d.id}`),
    tooBigKey: 'training.errors.fileTooLarge',
  });
  const { errors } = create;
  /** A field's id, its label under `fields.`, and the control's name with its refusal. */
  const at = (id: string, label: string, name = label) => ({
    id,
    label: t(`fields.${label}`),
    ...create.field(name),
  });
  return (
    <form
      className="space-y-3"
      data-testid="training-form"
      onSubmit={onFormSubmit((fd) => {
        // The browser's local time becomes an instant here, so the server never guesses a time zone.
        fd.set('startsAt', iso(String(fd.get('startsAt') ?? '')));
        fd.set('endsAt', iso(String(fd.get('endsAt') ?? '')));
        create.upload(fd);
      })}
    >
      <InputField {...at('tr-title', 'title')} maxLength={120} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField {...at('tr-start', 'startsAt')} type="datetime-local" />
        <InputField {...at('tr-end', 'endsAt')} type="datetime-local" />
        <InputField {...at('tr-place', 'place')} hint={t('placeHint')} maxLength={200} />
        <InputField {...at('tr-url', 'onlineUrl')} type="url" maxLength={500} placeholder="https://" />
        <InputField {...at('tr-lecturer', 'lecturer')} maxLength={60} />
      </div>
      <MultiSelectField
        {...at('tr-articles', 'articles', 'articleIds')}
        hint={t('multiHint')}
        options={articles}
        size={8}
      />
      <OrgTreePickerField
        {...at('tr-orgs', 'invitedOrgs', 'invitedOrgIds')}
        hint={t('invitedOrgsHint')}
        orgs={orgs}
        multiple
        size={8}
        emptyLabel={t('noneChosen')}
      />
      <OrgTreePickerField
        {...at('tr-users', 'invitedUsers', 'invitedUserIds')}
        hint={t('multiHint')}
        orgs={people}
        people
        multiple
        size={6}
        emptyLabel={t('noneChosen')}
      />
      <InputField
        {...at('tr-files', 'materials', 'files')}
        hint={t('filesHint')}
        type="file"
        multiple
        accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
      />
      <FormSubmit error={errors._form} pending={create.pending} label={t('create')} />
    </form>
  );
}
