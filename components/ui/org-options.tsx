import { Options } from './options';

/** The options of a unit choice: an empty first choice, then the units indented by their depth in the tree. */
export function OrgOptions({
  orgs,
  emptyLabel,
}: {
  orgs: readonly { id: string; name: string; depth: number }[];
  emptyLabel?: string;
}) {
  return <Options items={orgs} empty={emptyLabel} label={(o) => '　'.repeat(o.depth) + o.name} />;
}
