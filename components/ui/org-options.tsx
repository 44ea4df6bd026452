import { Options } from './options';

/**
 * The options of a unit choice: an empty first choice, then the units indented by their depth in the tree.
 * A filter's choice at company scale lists only the levels that fit (lib/orgs/queries pickerOrgs); `more` is then
 * the last, disabled line saying where the others are.
 */
export function OrgOptions({
  orgs,
  emptyLabel,
  more,
}: {
  orgs: readonly { id: string; name: string; depth: number }[];
  emptyLabel?: string;
  /** Some units were left out (pickerOrgs' `trimmed`): the line that says so. Forms that edit a record (move a unit,
   * a user's unit) list every unit: the current value must be there. */
  more?: string;
}) {
  const top = Math.min(...orgs.map((u) => u.depth));
  return (
    <>
      <Options items={orgs} empty={emptyLabel} label={(o) => '　'.repeat(o.depth - top) + o.name} />
      {more && (
        <option value="" disabled>
          {more}
        </option>
      )}
    </>
  );
}
