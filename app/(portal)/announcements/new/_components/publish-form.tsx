'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from '@/components/check-upload';
import { FormError } from '@/components/form-error';
import { OrgTreePicker, type OrgOption } from '@/components/org-tree-picker';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-client';
import { publishAnnouncementAction } from '@/lib/announcements/actions';

/** An upload the server drops (e.g. over its body limit) rejects instead of answering: shown as unexpected. */
const publishAnnouncement = (fd: FormData) =>
  publishAnnouncementAction(fd).catch((): ActionResult<never> => ({
    ok: false,
    error: 'errors.unexpected',
    params: { ref: '-' },
  }));

export function PublishForm({ orgs }: { orgs: OrgOption[] }) {
  const t = useTranslations('announcements');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [tooBig, setTooBig] = useState<string>();
  const publish = useAction(publishAnnouncement, {
    onSuccess: (d) => router.push(`/announcements/${d.id}`),
  });
  const fieldTexts: Record<string, string> = Object.fromEntries(
    Object.entries(publish.fieldErrors).map(([k, v]) => [k.split('.')[0]!, tm(v) ?? v]),
  );
  const errors: Record<string, string> = tooBig
    ? { files: tooBig }
    : Object.keys(fieldTexts).length || !publish.error
      ? fieldTexts
      : { _form: publish.error };
  return (
    <form
      className="space-y-3"
      data-testid="publish-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
        if (big) {
          publish.reset();
          setTooBig(tm('announcements.errors.fileTooLarge', { name: big, mb: 20 }) ?? '');
          return;
        }
        setTooBig(undefined);
        void publish.run(fd);
      }}
    >
      <Field label={t('fields.title')} htmlFor="ann-title" error={errors.title}>
        <Input id="ann-title" name="title" maxLength={120} />
      </Field>
      <Field label={t('fields.body')} htmlFor="ann-body" error={errors.body}>
        <Textarea id="ann-body" name="body" rows={8} maxLength={5000} />
      </Field>
      <Field
        label={t('fields.targets')}
        htmlFor="ann-targets"
        hint={t('targetsHint')}
        error={errors.targetOrgIds}
      >
        <OrgTreePicker
          id="ann-targets"
          name="targetOrgIds"
          orgs={orgs}
          multiple
          size={10}
          emptyLabel={t('targetsNone')}
        />
      </Field>
      <Field label={t('fields.files')} htmlFor="ann-files" hint={t('filesHint')} error={errors.files}>
        <Input id="ann-files" name="files" type="file" multiple accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx" />
      </Field>
      <FormError message={errors._form} />
      <Button type="submit" disabled={publish.pending}>
        {t('publish')}
      </Button>
    </form>
  );
}
