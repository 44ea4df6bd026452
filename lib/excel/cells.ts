import type ExcelJS from 'exceljs';

/** A cell's value as text: dates as YYYY-MM-DD, rich text flattened, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

/** The header row of a sheet as text, indexed like exceljs rows (index 0 is empty). */
export const headerTexts = (ws: ExcelJS.Worksheet) =>
  (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
