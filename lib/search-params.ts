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

/** The highest page number a list takes: beyond it (and for anything not a whole number) the first page. */
export const MAX_PAGE = 100_000;

/**
 * A list's page from the address (`?page=`): a whole number from 1 to MAX_PAGE, else 1. An unbounded one (1e20,
 * Infinity) overflowed the query's offset and ended in a 500.
 */
export function pageNumber(raw: unknown): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** The earliest year a record of the portal can be of (the standard's first version is later). */
export const FIRST_YEAR = 2000;

/** A year from the address: a whole number from FIRST_YEAR to `latest`, else `fallback` (a year such as 1 or -5 once
 * reached the database's date arithmetic as a 500). */
export function yearParam(raw: unknown, fallback: number, latest: number): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= latest ? n : fallback;
}
