import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { genderOf, guessMapping, normalizeDate, peopleTemplate, postsOf, readSheet, statusOf } from './excel';

describe('column mapping', () => {
  it('guesses the template’s own headers, required marks and all', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await peopleTemplate()) as unknown as ArrayBuffer);
    const headers = (wb.worksheets[0]!.getRow(1).values as string[]).map((v) => v ?? '');
    const m = guessMapping(headers);
    expect(Object.keys(m)).toHaveLength(18);
    expect(m.employeeNo).toBe(1);
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
  });

  it('guesses another system’s export by its names, in its own order', () => {
    const headers = ['', ...'序号 姓名 人员编号 性别 人员类别 入党时间 所在党支部 联系电话 备注'.split(' ')];
    expect(guessMapping(headers)).toEqual({
      name: 2,
      employeeNo: 3,
      gender: 4,
      status: 5,
      admittedOn: 6,
      org: 7,
      phone: 8,
    });
  });
});

describe('cell values', () => {
  it('reads the date formats people type', () => {
    expect(normalizeDate('2026/3/5')).toBe('2026-03-05');
    expect(normalizeDate('2026年3月5日')).toBe('2026-03-05');
    expect(normalizeDate('2026.03.05')).toBe('2026-03-05');
    expect(normalizeDate('20260305')).toBe('2026-03-05');
    expect(normalizeDate('2026-02-30')).toBe('2026-02-30');
    expect(normalizeDate('去年')).toBe('去年');
  });

  it('reads statuses, genders and posts by their Chinese names', () => {
    expect(statusOf('正式党员')).toBe('FULL');
    expect(statusOf('中共预备党员')).toBe('PROBATIONARY');
    expect(statusOf('积极分子')).toBe('ACTIVIST');
    expect(statusOf('团员')).toBe('团员');
    expect(genderOf('女')).toBe('FEMALE');
    expect(postsOf('书记、组织委员')).toEqual(['SECRETARY', 'ORGANIZATION']);
    expect(postsOf('')).toEqual([]);
  });

  it('refuses more rows than allowed and an empty sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '姓名']);
    for (let i = 0; i < 6; i += 1) ws.addRow([`A${i}`, '某']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readSheet(bytes, 5)).toEqual({ ok: false, error: 'tooManyRows' });
    expect((await readSheet(bytes, 6)).ok).toBe(true);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('s').addRow(['工号']);
    expect(await readSheet(Buffer.from(await empty.xlsx.writeBuffer()))).toEqual({
      ok: false,
      error: 'empty',
    });
  });
});
