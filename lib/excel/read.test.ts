import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadXlsx } from './read';

describe('every workbook upload goes through the zip guard', () => {
  it('a real workbook loads; what is not a workbook is refused before parsing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['姓名', '单位']);
    const back = new ExcelJS.Workbook();
    await loadXlsx(back, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.worksheets[0]!.getRow(1).getCell(1).value).toBe('姓名');
    await expect(loadXlsx(new ExcelJS.Workbook(), Buffer.from('姓名,单位\n'))).rejects.toThrow(
      'refused upload',
    );
  });
});
