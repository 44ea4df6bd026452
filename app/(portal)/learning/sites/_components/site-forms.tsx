'use client';
import type { Choice } from '@/components/ui/options';
import { FormSubmit } from '@/components/form-submit';
import { onFormSubmit } from '@/components/on-form-submit';
import { OrgTreePickerField, type OrgChoices } from '@/components/org-tree-picker';
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
  orgs: OrgChoices;
  articles: Choice[];
  year: number;
}) {
  const t = useTranslations('learning');
  const formRef = useRef<HTMLFormElement>(null);
  const nameSite = useAction(nameDemoSiteAction, {
    refresh: true,
    onSuccess: () => formRef.current?.reset(),
  });
  const errors = useRefusalTexts(nameSite);
  /** A field's id, its label under `siteForm.`, and the control's name with its refusal. */
  const at = (id: string, label: string, name: string) => ({
    id,
    label: t(`siteForm.${label}`),
    name,
    error: errors[name],
  });
  return (
    <form
      ref={formRef}
      className="space-y-3"
      data-testid="name-site-form"
      onSubmit={onFormSubmit((fd) => {
        void nameSite.run({
          orgId: String(fd.get('orgId') ?? ''),
          fromDate: String(fd.get('fromDate') ?? ''),
          toDate: String(fd.get('toDate') ?? ''),
          articleIds: fd.getAll('articleIds').map(String),
          description: String(fd.get('description') ?? ''),
        });
      })}
    >
      <OrgTreePickerField {...at('site-org', 'unit', 'orgId')} orgs={orgs} size={6} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField {...at('site-from', 'from', 'fromDate')} type="date" defaultValue={`${year}-01-01`} />
        <InputField {...at('site-to', 'to', 'toDate')} type="date" defaultValue={`${year}-12-31`} />
      </div>
      <MultiSelectField
        {...at('site-articles', 'articles', 'articleIds')}
        hint={t('siteForm.multiHint')}
        options={articles}
      />
      <TextareaField {...at('site-desc', 'description', 'description')} rows={3} maxLength={1000} />
      <FormSubmit error={errors._form} pending={nameSite.pending} label={t('siteForm.submit')} />
    </form>
  );
}

/** Recording an observation visit to a site: when, which units came, notes, photos. */
export function VisitForm({ siteId, orgs }: { siteId: string; orgs: OrgChoices }) {
  const t = useTranslations('learning');
  const formRef = useRef<HTMLFormElement>(null);
  const visit = useUploadAction(recordVisit, {
    refresh: true,
    onSuccess: () => formRef.current?.reset(),
    tooBigKey: 'announcements.errors.fileTooLarge',
  });
  const { errors } = visit;
  /** A field's id (one per site: a page lists several), its label and the control's name with its refusal. */
  const at = (id: string, label: string, name: string) => ({
    id: `${id}-${siteId}`,
    label: t(`visitForm.${label}`),
    ...visit.field(name),
  });
  return (
    <form
      ref={formRef}
      className="space-y-3"
      data-testid="visit-form"
      onSubmit={onFormSubmit((fd) => {
        fd.set('siteId', siteId);
        visit.upload(fd);
      })}
    >
      <InputField {...at('v-date', 'date', 'date')} type="date" />
      <OrgTreePickerField
        {...at('v-orgs', 'visitors', 'visitingOrgIds')}
        orgs={orgs}
        multiple
        size={6}
        emptyLabel={t('visitForm.none')}
      />
      <TextareaField {...at('v-notes', 'notes', 'notes')} rows={3} maxLength={2000} />
      <InputField
        {...at('v-files', 'photos', 'files')}
        hint={t('visitForm.photosHint')}
        type="file"
        multiple
        accept=".jpg,.jpeg,.png"
        capture="environment"
      />
      <FormSubmit error={errors._form} pending={visit.pending} label={t('visitForm.submit')} />
    </form>
  );
}
