import { pickerUnits } from '@/lib/orgs/rules';
import { Options } from './options';

/**
 * The options of a unit choice: an empty first choice, then the units indented by their depth in the tree.
 * A filter may ask (`trim`) to list at company scale only the top levels (lib/orgs/rules pickerUnits), with
 * the chosen unit and a last, disabled line saying where the others are.
 */
export function OrgOptions({
  orgs,
  emptyLabel,
  trim,
}: {
  orgs: readonly { id: string; name: string; depth: number }[];
  emptyLabel?: string;
  /** A filter's choice at company scale: list the levels that fit, the chosen unit, and a line saying so. */
  trim?: { chosen?: string; moreLabel: string };
}) {
  // Forms that edit a record (move a unit, a user's unit) list every unit: the current value must be there.
  const { units, trimmed } = trim ? pickerUnits(orgs, trim.chosen) : { units: [...orgs], trimmed: false };
  const top = Math.min(...units.map((u) => u.depth));
  return (
    <>
      <Options items={units} empty={emptyLabel} label={(o) => '　'.repeat(o.depth - top) + o.name} />
      {trimmed && (
        <option value="" disabled>
          {trim!.moreLabel}
        </option>
      )}
    </>
  );
}
