/** A record offered as a choice: its id and the words shown for it. */
export type Choice = { id: string; label: string };

/**
 * A select's choices, one per item: the item itself (a list of codes) or its `id` as the value, `label` as the
 * text; an `empty` first choice when given.
 */
export function Options<T extends string | { id: string }>({
  items,
  label,
  empty,
}: {
  items: readonly T[];
  label: (item: T) => string;
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {items.map((item) => {
        const value = typeof item === 'string' ? item : item.id;
        return (
          <option key={value} value={value}>
            {label(item)}
          </option>
        );
      })}
    </>
  );
}
