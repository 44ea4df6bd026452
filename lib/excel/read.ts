import ExcelJS from 'exceljs';
import { cellText, headerTexts } from './cells';
import { checkZip, DEFAULT_ZIP_LIMITS } from '../files/zip-guard';

/** Loads an upload into the workbook after the zip-bomb check (lib/files/zip-guard.ts); throws if it fails. */
export async function loadXlsx(wb: ExcelJS.Workbook, buffer: Buffer | ArrayBuffer): Promise<void> {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
  const verdict = checkZip(bytes, DEFAULT_ZIP_LIMITS);
  if (!verdict.ok) throw new Error(`refused upload: ${verdict.reason}`);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
}

/** A data row of an upload: its number, and its cells as text by column key ('' for a column it lacks). */
export type SheetRow<K extends string> = { row: number; get: (k: K) => string };

/**
 * Reads the first sheet of an upload by its header row: which of the `required` columns it lacks, and —
 * when it lacks none — its non-empty data rows. Null when the file is not a workbook or has no sheet.
 */
export async function readColumns<K extends string>(
  buffer: Buffer | ArrayBuffer,
  columns: readonly { key: K; header: string }[],
  required: readonly K[],
): Promise<{ missing: K[]; rows: SheetRow<K>[] } | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadXlsx(wb, buffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const head = headerTexts(ws);
  const index = new Map<K, number>();
  for (const c of columns) {
    const i = head.findIndex((h) => h === c.header);
    if (i > 0) index.set(c.key, i);
  }
  const missing = required.filter((k) => !index.has(k));
  const rows: SheetRow<K>[] = [];
  if (missing.length) return { missing, rows };
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (k: K) => (index.has(k) ? cellText(r.getCell(index.get(k)!).value) : '');
    if (columns.every((c) => get(c.key) === '')) return;
    rows.push({ row: rowNumber, get });
  });
  return { missing, rows };
}
