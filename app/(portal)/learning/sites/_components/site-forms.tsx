'use client';
import { FormSubmit } from '@/components/form-submit';
import { OrgTreePickerField, type OrgOption } from '@/components/org-tree-picker';
import { InputField, MultiSelectField, TextareaField } from '@/components/ui/field';
import { rejectionAsUnexpected, useAction, useRefusalTexts, useUploadAction } from '@/components/use-action';
import { nameDemoSiteAction, recordVisitAction } from '@/lib/learning/actions';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';

const recordVisit = rejectionAsUnexpected(recordVisitAction);

/** Naming a unit a demonstration site: the period and what it shows (articles). */
export function NameSiteForm({
  orgs,
  articles,
  year,
}: {
  orgs: OrgOption[];
  articles: { id: string; label: string }[];
  year: number;
}) {
  const t = useTranslations('learning');
  const formRef = useRef<HTMLFormElement>(null);
  const nameSite = useAction(nameDemoSiteAction, {
    refresh: true,
    onSuccess: () => formRef.current?.reset(),
  });
  const errors = useRefusalTexts(nameSite);
  return (
    <form
      ref={formRef}
      className="space-y-3"
      data-testid="name-site-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const input = {
          orgId: String(fd.get('orgId') ?? ''),
          fromDate: String(fd.get('fromDate') ?? ''),
          toDate: String(fd.get('toDate') ?? ''),
          articleIds: fd.getAll('articleIds').map(String),
          description: String(fd.get('description') ?? ''),
        };
        void nameSite.run(input);
      }}
    >
      <OrgTreePickerField
        id="site-org"
        label={t('siteForm.unit')}
        error={errors.orgId}
        name="orgId"
        orgs={orgs}
        size={6}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          id="site-from"
          label={t('siteForm.from')}
          error={errors.fromDate}
          name="fromDate"
          type="date"
          defaultValue={`${year}-01-01`}
        />
        <InputField
          id="site-to"
          label={t('siteForm.to')}
          error={errors.toDate}
          name="toDate"
          type="date"
          defaultValue={`${year}-12-31`}
        />
      </div>
      <MultiSelectField
        id="site-articles"
        name="articleIds"
        label={t('siteForm.articles')}
        hint={t('siteForm.multiHint')}
        error={errors.articleIds}
        options={articles}
        size={6}
      />
      <TextareaField
        id="site-desc"
        label={t('siteForm.description')}
        error={errors.description}
        name="description"
        rows={3}
        maxLength={1000}
      />
      <FormSubmit error={errors._form} pending={nameSite.pending} label={t('siteForm.submit')} />
    </form>
  );
}

/** Recording an observation visit to a site: when, which units came, notes, photos. */
export function VisitForm({ siteId, orgs }: { siteId: string; orgs: OrgOption[] }) {
  const t = useTranslations('learning');
  const formRef = useRef<HTMLFormElement>(null);
  const visit = useUploadAction(recordVisit, {
    refresh: true,
    onSuccess: () => formRef.current?.reset(),
    tooBigKey: 'announcements.errors.fileTooLarge',
  });
  const { errors } = visit;
  return (
    <form
      ref={formRef}
      className="space-y-3"
      data-testid="visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        fd.set('siteId', siteId);
        visit.upload(fd);
      }}
    >
      <InputField
        id={`v-date-${siteId}`}
        label={t('visitForm.date')}
        error={errors.date}
        name="date"
        type="date"
      />
      <OrgTreePickerField
        id={`v-orgs-${siteId}`}
        label={t('visitForm.visitors')}
        error={errors.visitingOrgIds}
        name="visitingOrgIds"
        orgs={orgs}
        multiple
        size={6}
        emptyLabel={t('visitForm.none')}
      />
      <TextareaField
        id={`v-notes-${siteId}`}
        label={t('visitForm.notes')}
        error={errors.notes}
        name="notes"
        rows={3}
        maxLength={2000}
      />
      <InputField
        id={`v-files-${siteId}`}
        label={t('visitForm.photos')}
        hint={t('visitForm.photosHint')}
        error={errors.files}
        name="files"
        type="file"
        multiple
        accept=".jpg,.jpeg,.png"
        capture="environment"
      />
      <FormSubmit error={errors._form} pending={visit.pending} label={t('visitForm.submit')} />
    </form>
  );
}
