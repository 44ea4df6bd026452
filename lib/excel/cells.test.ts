import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from './cells';

describe('cellText', () => {
  it('reads rich text, formulas and dates as text', () => {
    expect(cellText({ richText: [{ text: '第一' }, { text: '党小组' }] })).toBe('第一党小组');
    expect(cellText({ formula: 'A1', result: '结果' } as ExcelJS.CellValue)).toBe('结果');
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(cellText(42)).toBe('42');
  });
});
