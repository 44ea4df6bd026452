/**
 * A list page's address for other filters: the current filters (page dropped unless given) with `extra` over them,
 * empty values left out.
 */
export function listQuery(
  filters: Record<string, string | number | undefined>,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, page: undefined, ...extra }))
    if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}
