/**
 * CSV for Excel: UTF-8 with a BOM, CRLF, every cell quoted. A text cell that Excel would read as a formula (it
 * starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so a unit name like "=HYPERLINK(…)"
 * stays text (OWASP CSV injection). Numbers stay numbers, negative ones included.
 */
export function csvCell(v: unknown): string {
  const text = typeof v === 'number' ? String(v) : String(v ?? '');
  const safe = typeof v !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const cols = rows.length ? Object.keys(rows[0]!) : [];
  return (
    '\uFEFF' +
    [cols.map(csvCell).join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n')
  );
}
