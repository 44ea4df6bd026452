import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadXlsx } from './read';
import { checkZip } from './zip-guard';

/** A minimal ZIP of the given entries; `declare` overrides an entry's stated uncompressed size (a lying file). */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.declare ?? e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    locals.push(head, name, packed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(e.declare ?? e.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

describe('xlsx uploads are checked before they are inflated', () => {
  it('a real workbook passes and loads', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['姓名', '单位']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(checkZip(buf)).toMatchObject({ ok: true });
    const back = new ExcelJS.Workbook();
    await loadXlsx(back, buf);
    expect(back.worksheets[0]!.getRow(1).getCell(1).value).toBe('姓名');
  });

  it('refuses a bomb by its declared size, by a lie about its size, and by its entry count', async () => {
    const zeros = Buffer.alloc(120 * 1024 * 1024);
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(1024 * 1024); // small upload, huge once inflated
    expect(checkZip(bomb)).toEqual({ ok: false, reason: 'too large once inflated' });

    const liar = zip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024), declare: 1000 },
    ]);
    expect(checkZip(liar)).toEqual({ ok: false, reason: 'inflates beyond its declared size' });

    const many = zip(Array.from({ length: 1001 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('a') })));
    expect(checkZip(many)).toMatchObject({ ok: false, reason: 'too many entries (1001)' });

    await expect(loadXlsx(new ExcelJS.Workbook(), bomb)).rejects.toThrow('refused upload');
    expect(checkZip(Buffer.from('not a zip at all, just text'))).toEqual({ ok: false, reason: 'not a zip' });
  });
});
