'use client';
import { useTranslations } from 'next-intl';
import { forwardRef, useMemo, useState } from 'react';
import { Field, Input, Select, type Labelled } from './ui/field';
import { OrgOptions } from './ui/org-options';

export type OrgOption = { id: string; name: string; depth: number; path: string };

/**
 * The organization tree as an indented, searchable list (options ordered by path, so children
 * follow their parent). Typing filters to the matching units and their ancestors.
 */
export const OrgTreePicker = forwardRef<
  HTMLSelectElement,
  { id: string; orgs: OrgOption[]; emptyLabel?: string } & React.SelectHTMLAttributes<HTMLSelectElement>
>(function OrgTreePicker({ id, orgs, emptyLabel, ...select }, ref) {
  const t = useTranslations('shell');
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const query = q.trim();
    if (!query) return orgs;
    const hits = orgs.filter((o) => o.name.includes(query));
    const keep = new Set(hits.flatMap((h) => h.path.split('/').filter(Boolean)));
    return orgs.filter((o) => keep.has(o.id));
  }, [orgs, q]);
  return (
    <div className="space-y-1">
      <Input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('filterOrgs')}
        aria-label={t('filterOrgs')}
      />
      <Select id={id} ref={ref} {...select}>
        <OrgOptions orgs={shown} emptyLabel={emptyLabel ?? t('chooseOrg')} />
      </Select>
    </div>
  );
});

/** A labelled `OrgTreePicker`, as `InputField`: `id` ties the label (and the error's test id) to it. */
export const OrgTreePickerField = forwardRef<
  HTMLSelectElement,
  Labelled & React.ComponentPropsWithoutRef<typeof OrgTreePicker>
>(function OrgTreePickerField({ id, label, error, hint, ...picker }, ref) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <OrgTreePicker id={id} ref={ref} {...picker} />
    </Field>
  );
});
