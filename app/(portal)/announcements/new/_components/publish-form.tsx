'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormSubmit } from '@/components/form-submit';
import { onFormSubmit } from '@/components/on-form-submit';
import { OrgTreePickerField, type OrgChoices } from '@/components/org-tree-picker';
import { rejectionAsUnexpected, useUploadAction } from '@/components/use-action';
import { InputField, TextareaField } from '@/components/ui/field';
import { publishAnnouncementAction } from '@/lib/announcements/actions';

const publishAnnouncement = rejectionAsUnexpected(publishAnnouncementAction);

export function PublishForm({ orgs }: { orgs: OrgChoices }) {
  const t = useTranslations('announcements');
  const router = useRouter();
  const publish = useUploadAction(publishAnnouncement, {
    onSuccess: (d) => router.push(`/announcements/${d.id}`),
    tooBigKey: 'announcements.errors.fileTooLarge',
  });
  const { errors } = publish;
  /** A field's id, its label under `fields.`, and the control's name with its refusal. */
  const at = (id: string, label: string, name = label) => ({
    id,
    label: t(`fields.${label}`),
    ...publish.field(name),
  });
  return (
    <form className="space-y-3" data-testid="publish-form" onSubmit={onFormSubmit(publish.upload)}>
      <InputField {...at('ann-title', 'title')} maxLength={120} />
      <TextareaField {...at('ann-body', 'body')} rows={8} maxLength={5000} />
      <OrgTreePickerField
        {...at('ann-targets', 'targets', 'targetOrgIds')}
        hint={t('targetsHint')}
        orgs={orgs}
        multiple
        size={10}
        emptyLabel={t('targetsNone')}
      />
      <InputField
        {...at('ann-files', 'files')}
        hint={t('filesHint')}
        type="file"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
      />
      <FormSubmit error={errors._form} pending={publish.pending} label={t('publish')} />
    </form>
  );
}
