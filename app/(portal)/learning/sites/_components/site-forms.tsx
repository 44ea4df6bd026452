'use client';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from '@/components/check-upload';
import { FormError } from '@/components/form-error';
import { OrgTreePicker, type OrgOption } from '@/components/org-tree-picker';
import { Button } from '@/components/ui/button';
import { Field, Input, MultiSelectField, Textarea } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { useTranslateMessage } from '@/components/use-translate-message';
import type { ActionResult } from '@/lib/action-client';
import { nameDemoSiteAction, recordVisitAction } from '@/lib/learning/actions';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

/** An upload the server drops (e.g. over its body limit) rejects instead of answering: shown as unexpected. */
const recordVisit = (fd: FormData) =>
  recordVisitAction(fd).catch((): ActionResult<never> => ({
    ok: false,
    error: 'errors.unexpected',
    params: { ref: '-' },
  }));

/** A refusal as texts by field (the first segment of its path), else as `_form`. */
function useErrors(refused: { error?: string; fieldErrors: Record<string, string> }) {
  const tm = useTranslateMessage();
  const fe: Record<string, string> = Object.fromEntries(
    Object.entries(refused.fieldErrors).map(([k, v]) => [k.split('.')[0]!, tm(v) ?? v]),
  );
  const errors: Record<string, string> =
    Object.keys(fe).length || !refused.error ? fe : { _form: refused.error };
  return { errors, tm };
}

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
  const { errors } = useErrors(nameSite);
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
      <Field label={t('siteForm.unit')} htmlFor="site-org" error={errors.orgId}>
        <OrgTreePicker id="site-org" name="orgId" orgs={orgs} size={6} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('siteForm.from')} htmlFor="site-from" error={errors.fromDate}>
          <Input id="site-from" name="fromDate" type="date" defaultValue={`${year}-01-01`} />
        </Field>
        <Field label={t('siteForm.to')} htmlFor="site-to" error={errors.toDate}>
          <Input id="site-to" name="toDate" type="date" defaultValue={`${year}-12-31`} />
        </Field>
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
      <Field label={t('siteForm.description')} htmlFor="site-desc" error={errors.description}>
        <Textarea id="site-desc" name="description" rows={3} maxLength={1000} />
      </Field>
      <FormError message={errors._form} />
      <Button type="submit" disabled={nameSite.pending}>
        {t('siteForm.submit')}
      </Button>
    </form>
  );
}

/** Recording an observation visit to a site: when, which units came, notes, photos. */
export function VisitForm({ siteId, orgs }: { siteId: string; orgs: OrgOption[] }) {
  const t = useTranslations('learning');
  const formRef = useRef<HTMLFormElement>(null);
  const [tooBig, setTooBig] = useState<string>();
  const visit = useAction(recordVisit, { refresh: true, onSuccess: () => formRef.current?.reset() });
  const { errors: refused, tm } = useErrors(visit);
  const errors: Record<string, string> = tooBig ? { files: tooBig } : refused;
  return (
    <form
      ref={formRef}
      className="space-y-3"
      data-testid="visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        fd.set('siteId', siteId);
        const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
        if (big) {
          visit.reset();
          setTooBig(tm('announcements.errors.fileTooLarge', { name: big, mb: 20 }) ?? '');
          return;
        }
        setTooBig(undefined);
        void visit.run(fd);
      }}
    >
      <Field label={t('visitForm.date')} htmlFor={`v-date-${siteId}`} error={errors.date}>
        <Input id={`v-date-${siteId}`} name="date" type="date" />
      </Field>
      <Field label={t('visitForm.visitors')} htmlFor={`v-orgs-${siteId}`} error={errors.visitingOrgIds}>
        <OrgTreePicker
          id={`v-orgs-${siteId}`}
          name="visitingOrgIds"
          orgs={orgs}
          multiple
          size={6}
          emptyLabel={t('visitForm.none')}
        />
      </Field>
      <Field label={t('visitForm.notes')} htmlFor={`v-notes-${siteId}`} error={errors.notes}>
        <Textarea id={`v-notes-${siteId}`} name="notes" rows={3} maxLength={2000} />
      </Field>
      <Field
        label={t('visitForm.photos')}
        htmlFor={`v-files-${siteId}`}
        hint={t('visitForm.photosHint')}
        error={errors.files}
      >
        <Input
          id={`v-files-${siteId}`}
          name="files"
          type="file"
          multiple
          accept=".jpg,.jpeg,.png"
          capture="environment"
        />
      </Field>
      <FormError message={errors._form} />
      <Button type="submit" disabled={visit.pending}>
        {t('visitForm.submit')}
      </Button>
    </form>
  );
}
