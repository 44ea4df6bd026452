'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormSubmit } from '@/components/form-submit';
import { OrgTreePickerField, type OrgOption } from '@/components/org-tree-picker';
import { rejectionAsUnexpected, useUploadAction } from '@/components/use-action';
import { InputField, TextareaField } from '@/components/ui/field';
import { publishAnnouncementAction } from '@/lib/announcements/actions';

const publishAnnouncement = rejectionAsUnexpected(publishAnnouncementAction);

export function PublishForm({ orgs }: { orgs: OrgOption[] }) {
  const t = useTranslations('announcements');
  const router = useRouter();
  const publish = useUploadAction(publishAnnouncement, {
    onSuccess: (d) => router.push(`/announcements/${d.id}`),
    tooBigKey: 'announcements.errors.fileTooLarge',
  });
  const { errors } = publish;
  return (
    <form
      className="space-y-3"
      data-testid="publish-form"
      onSubmit={(e) => {
        e.preventDefault();
        publish.upload(new FormData(e.currentTarget));
      }}
    >
      <InputField id="ann-title" label={t('fields.title')} {...publish.field('title')} maxLength={120} />
      <TextareaField
        id="ann-body"
        label={t('fields.body')}
        {...publish.field('body')}
        rows={8}
        maxLength={5000}
      />
      <OrgTreePickerField
        id="ann-targets"
        label={t('fields.targets')}
        hint={t('targetsHint')}
        error={errors.targetOrgIds}
        name="targetOrgIds"
        orgs={orgs}
        multiple
        size={10}
        emptyLabel={t('targetsNone')}
      />
      <InputField
        id="ann-files"
        label={t('fields.files')}
        hint={t('filesHint')}
        {...publish.field('files')}
        type="file"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
      />
      <FormSubmit error={errors._form} pending={publish.pending} label={t('publish')} />
    </form>
  );
}
