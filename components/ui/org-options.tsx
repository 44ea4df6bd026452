import { pickerUnits } from '@/lib/orgs/rules';
import { Options } from './options';

/**
 * The options of a unit choice: an empty first choice, then the units indented by their depth in the tree.
 * At company scale only the top levels are listed (lib/orgs/rules pickerUnits), with the chosen unit and a
 * last, disabled line (`moreLabel`) saying where the others are.
 */
export function OrgOptions({
  orgs,
  emptyLabel,
  chosen,
  moreLabel,
}: {
  orgs: readonly { id: string; name: string; depth: number }[];
  emptyLabel?: string;
  chosen?: string;
  moreLabel?: string;
}) {
  const { units, trimmed } = pickerUnits(orgs, chosen);
  const top = Math.min(...units.map((u) => u.depth));
  return (
    <>
      <Options items={units} empty={emptyLabel} label={(o) => '　'.repeat(o.depth - top) + o.name} />
      {trimmed && moreLabel && (
        <option value="" disabled>
          {moreLabel}
        </option>
      )}
    </>
  );
}
