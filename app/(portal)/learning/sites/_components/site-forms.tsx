'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { oversizedFile, UPLOAD_LIMIT_BYTES } from '@/components/check-upload';
import { FormError } from '@/components/form-error';
import { OrgTreePicker, type OrgOption } from '@/components/org-tree-picker';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { nameDemoSiteAction, recordVisitAction } from '@/lib/learning/actions';

type Failure = {
  error: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string>;
};

function useErrors() {
  const tm = useTranslateMessage();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fail = (r: Failure) => {
    const fe: Record<string, string> = Object.fromEntries(
      Object.entries(r.fieldErrors ?? {}).map(([k, v]) => [k.split('.')[0]!, tm(v) ?? v]),
    );
    setErrors(Object.keys(fe).length ? fe : { _form: tm(r.error, r.params) ?? r.error });
  };
  return { errors, setErrors, fail, tm };
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
  const router = useRouter();
  const { errors, setErrors, fail } = useErrors();
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      data-testid="name-site-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const fd = new FormData(form);
        const input = {
          orgId: String(fd.get('orgId') ?? ''),
          fromDate: String(fd.get('fromDate') ?? ''),
          toDate: String(fd.get('toDate') ?? ''),
          articleIds: fd.getAll('articleIds').map(String),
          description: String(fd.get('description') ?? ''),
        };
        start(async () => {
          const r = await nameDemoSiteAction(input);
          if (r.ok) {
            setErrors({});
            form.reset();
            router.refresh();
          } else fail(r);
        });
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
      <Field
        label={t('siteForm.articles')}
        htmlFor="site-articles"
        hint={t('siteForm.multiHint')}
        error={errors.articleIds}
      >
        <Select id="site-articles" name="articleIds" multiple size={6}>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('siteForm.description')} htmlFor="site-desc" error={errors.description}>
        <Textarea id="site-desc" name="description" rows={3} maxLength={1000} />
      </Field>
      <FormError message={errors._form} />
      <Button type="submit" disabled={pending}>
        {t('siteForm.submit')}
      </Button>
    </form>
  );
}

/** Recording an observation visit to a site: when, which units came, notes, photos. */
export function VisitForm({ siteId, orgs }: { siteId: string; orgs: OrgOption[] }) {
  const t = useTranslations('learning');
  const router = useRouter();
  const { errors, setErrors, fail, tm } = useErrors();
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      data-testid="visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const fd = new FormData(form);
        fd.set('siteId', siteId);
        const big = oversizedFile(fd, 'files', UPLOAD_LIMIT_BYTES);
        if (big) {
          setErrors({ files: tm('announcements.errors.fileTooLarge', { name: big, mb: 20 }) ?? '' });
          return;
        }
        start(async () => {
          const r = await recordVisitAction(fd).catch(() => ({
            ok: false as const,
            error: 'errors.unexpected',
            params: { ref: '-' },
          }));
          if (r.ok) {
            setErrors({});
            form.reset();
            router.refresh();
          } else fail(r);
        });
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
      <Button type="submit" disabled={pending}>
        {t('visitForm.submit')}
      </Button>
    </form>
  );
}
