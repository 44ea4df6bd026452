import type ExcelJS from 'exceljs';

export type Column = { readonly key: string; readonly header: string; readonly width: number };

/** A worksheet whose first row is the columns' headers, bold on the portal's pale red, frozen. */
export function sheetWithHeader(wb: ExcelJS.Workbook, name: string, columns: readonly Column[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE1E1' } };
  return ws;
}

/** A4 landscape, one page wide, for the sheets people print (reminder tables, annual results). */
export const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** The 说明 sheet of an import template: a bold header, then one row per column (or rule) with what to fill in. */
export function addHelpSheet(
  wb: ExcelJS.Workbook,
  widths: { column: number; text: number },
  lines: readonly (readonly [string, string])[],
) {
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'c', width: widths.column },
    { header: '说明', key: 'd', width: widths.text },
  ];
  help.getRow(1).font = { bold: true };
  lines.forEach(([c, d]) => help.addRow({ c, d }));
  return help;
}
