/** The options of a unit choice: an empty first choice, then the units indented by their depth in the tree. */
export function OrgOptions({
  orgs,
  emptyLabel,
}: {
  orgs: readonly { id: string; name: string; depth: number }[];
  emptyLabel?: string;
}) {
  return (
    <>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {'　'.repeat(o.depth)}
          {o.name}
        </option>
      ))}
    </>
  );
}
