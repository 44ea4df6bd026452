import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { OrgTreePicker, type OrgChoices } from '@/components/org-tree-picker';

/**
 * A list's filters: a GET form whose fields put themselves in the address, and an apply button. `className`
 * lays the fields out (a grid's columns); `inline` sets them in one row with the button at their foot.
 */
export function FilterForm({
  applyLabel,
  reset,
  inline = false,
  className = '',
  children,
  ...form
}: Omit<React.FormHTMLAttributes<HTMLFormElement>, 'action' | 'method'> & {
  applyLabel: string;
  /** A link beside the button back to the list with no filter. */
  reset?: { href: string; label: string };
  inline?: boolean;
  'data-testid'?: string;
}) {
  const apply = (
    <span className="flex flex-1 items-center gap-2">
      <Button type="submit" variant="secondary" className="flex-1">
        {applyLabel}
      </Button>
      {reset && (
        <Link href={reset.href} className="inline-flex min-h-11 items-center px-2 text-brand-700">
          {reset.label}
        </Link>
      )}
    </span>
  );
  return (
    <form className={`${inline ? 'flex items-end' : 'grid'} gap-2 text-sm ${className}`.trim()} {...form}>
      {children}
      {inline ? apply : <div className="col-span-full flex items-end sm:col-span-1">{apply}</div>}
    </form>
  );
}

/** One filter: its name above its control. */
export function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      {children}
    </label>
  );
}

/** A list's unit filter (sent as `orgId`): its name above the unit picker, which finds units beyond those listed. */
export function UnitFilter({
  label,
  value,
  orgs,
  empty,
}: {
  label: string;
  value: string | undefined;
  orgs: OrgChoices;
  /** The first choice, no unit (all of them); none where a unit must be chosen. */
  empty?: string;
}) {
  return (
    <FilterField label={label}>
      <OrgTreePicker
        id="filter-org"
        name="orgId"
        defaultValue={value ?? ''}
        orgs={orgs}
        aria-label={label}
        emptyLabel={empty}
      />
    </FilterField>
  );
}
