'use client';
import { useTranslations } from 'next-intl';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Field, Input, Select, type Labelled } from './ui/field';
import { Options } from './ui/options';

/** A unit to choose; `trail` names its parents (a search's hit, shown without the tree around it). */
export type OrgOption = { id: string; name: string; depth: number; path: string; trail?: string };
/**
 * The units a form offers (lib/orgs/queries/choices unitChoices): all of them, or — `search` set, a company too large
 * for one list — the upper levels and the chosen ones, the others found at the address `search` (plus `q`) as the
 * user types. People to invite come the same way (a name, their unit as the trail).
 */
export type OrgChoices = { units: OrgOption[]; search?: string };

type Found = { q: string; units: OrgOption[]; more: boolean };

/**
 * The server's units whose name holds the typed text, a quarter second after the typing stops; `null` while
 * nothing is typed or the list is whole (then the picker filters in the browser).
 */
function useUnitSearch(search: string | undefined, q: string) {
  const [found, setFound] = useState<Found | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const query = q.trim();
  useEffect(() => {
    if (!search || !query) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setState('busy');
      const url = `${search}${search.includes('?') ? '&' : '?'}q=${encodeURIComponent(query)}`;
      fetch(url, { signal: ctl.signal })
        .then((r) =>
          r.ok ? (r.json() as Promise<Omit<Found, 'q'>>) : Promise.reject(new Error(`${r.status}`)),
        )
        .then((d) => {
          setFound({ q: query, units: d.units, more: d.more });
          setState('idle');
        })
        .catch(() => {
          if (!ctl.signal.aborted) setState('failed');
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [search, query]);
  // Nothing typed: the list the page came with (an answer still on its way is dropped by the effect's cleanup).
  return !search || !query ? { found: null, state: 'idle' as const } : { found, state };
}

/**
 * The organization tree as an indented, searchable list (options ordered by path, so children follow their
 * parent). Typing filters to the matching units and their ancestors; at company scale (`orgs.search`) it asks the
 * server instead, and the units already chosen stay in the list.
 */
export const OrgTreePicker = forwardRef<
  HTMLSelectElement,
  {
    id: string;
    orgs: OrgOption[] | OrgChoices;
    emptyLabel?: string;
    /** People, not units: each a name with their unit as the trail, and the messages say so. */
    people?: boolean;
  } & React.SelectHTMLAttributes<HTMLSelectElement>
>(function OrgTreePicker({ id, orgs, emptyLabel, people = false, onChange, ...select }, ref) {
  const t = useTranslations('shell');
  const { units, search } = Array.isArray(orgs) ? { units: orgs, search: undefined } : orgs;
  const [q, setQ] = useState('');
  const own = useRef<HTMLSelectElement>(null);
  useImperativeHandle(ref, () => own.current!, []);
  const { found, state } = useUnitSearch(search, q);
  const [pinned, setPinned] = useState<OrgOption[]>([]);
  // What the list holds: the server's hits, the page's units filtered by the text, or all of them — and, first, the
  // units already chosen that these leave out (a choice never disappears because the text changed).
  const shown = useMemo(() => {
    const query = q.trim();
    let list = units;
    if (search) list = found ? found.units : units;
    else if (query) {
      const hits = units.filter((o) => o.name.includes(query));
      const keep = new Set(hits.flatMap((h) => h.path.split('/').filter(Boolean)));
      list = units.filter((o) => keep.has(o.id));
    }
    const ids = new Set(list.map((u) => u.id));
    return [...pinned.filter((p) => !ids.has(p.id)), ...list];
  }, [units, search, found, pinned, q]);
  // Units of the tree are indented under their parents; a search's hits (and people) name their parents instead.
  const top = Math.min(...shown.filter((o) => o.trail === undefined).map((o) => o.depth));
  const label = (o: OrgOption) =>
    o.trail === undefined
      ? '　'.repeat(o.depth - top) + o.name
      : o.trail
        ? `${o.name}（${o.trail}）`
        : o.name;
  // The chosen units (each one of the list shown now), kept in the list whatever the next search finds.
  const pin = () => {
    const chosen = new Set([...(own.current?.selectedOptions ?? [])].map((o) => o.value));
    setPinned(shown.filter((u) => chosen.has(u.id)));
  };
  const message = !search
    ? null
    : state === 'busy'
      ? t('orgsSearching')
      : state === 'failed'
        ? t('orgsFailed')
        : !found
          ? t(people ? 'searchPeople' : 'searchOrgs')
          : found.units.length === 0
            ? t(people ? 'peopleNone' : 'orgsNone', { q: found.q })
            : found.more
              ? t('orgsMore', { count: found.units.length })
              : t(people ? 'peopleFound' : 'orgsFound', { count: found.units.length });
  return (
    <div className="space-y-1">
      <Input
        type="search"
        value={q}
        onChange={(e) => {
          pin();
          setQ(e.target.value);
        }}
        // The list follows the typing: Enter must not send the form around it (a filter, a form half filled).
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        placeholder={t(people ? 'filterPeople' : 'filterOrgs')}
        aria-label={t(people ? 'filterPeople' : 'filterOrgs')}
        aria-describedby={message ? `${id}-search` : undefined}
      />
      {message && (
        <p id={`${id}-search`} className="text-xs text-stone-500" aria-live="polite">
          {message}
        </p>
      )}
      <Select
        id={id}
        ref={own}
        onChange={(e) => {
          pin();
          onChange?.(e);
        }}
        {...select}
      >
        {/* One list keyed by unit, whatever it shows: an option that stays keeps its selection. */}
        <Options items={shown} empty={emptyLabel ?? t('chooseOrg')} label={label} />
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
