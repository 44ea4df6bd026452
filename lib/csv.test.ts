import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV for Excel', () => {
  it('neutralizes cells Excel would run as formulas, keeps numbers and ordinary text', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
    for (const bad of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(bad).startsWith('"\'')).toBe(true);
    expect(csvCell(-3.5)).toBe('"-3.5"');
    expect(csvCell('滨江新城综合管廊项目党支部')).toBe('"滨江新城综合管廊项目党支部"');
    expect(csvCell(null)).toBe('""');
  });
  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv([{ 单位: '=1', 得分: 92 }])).toBe('\uFEFF"单位","得分"\r\n"\'=1","92"');
  });
});
