import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZip } from './zip-guard';

const LIMITS = { maxEntries: 200, maxUncompressed: 200 * 1024 * 1024, maxRatio: 200 };

/** The fields the local and the central header share, from `at` (the central header has two more bytes first). */
function writeEntryFields(header: Buffer, at: number, data: Buffer, packed: Buffer, name: Buffer) {
  header.writeUInt16LE(20, at); // version needed to extract
  header.writeUInt16LE(8, at + 4); // deflate
  header.writeUInt32LE(crc32(data), at + 10);
  header.writeUInt32LE(packed.length, at + 14);
  header.writeUInt32LE(data.length, at + 18);
  header.writeUInt16LE(name.length, at + 22);
}

/** A minimal ZIP archive (deflate), written by hand so the test controls every size field. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, e.data, packed, name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, e.data, packed, name);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('zip guard (before a workbook is inflated)', () => {
  it('lets a real workbook through', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['工号', '姓名']);
    expect(checkZip(Buffer.from(await wb.xlsx.writeBuffer()), LIMITS)).toEqual({ ok: true });
  });

  it('refuses a file that only has an .xlsx name', () => {
    expect(checkZip(Buffer.from('姓名,工号\n张三,1\n'), LIMITS)).toEqual({ ok: false, reason: 'notZip' });
  });

  it('refuses a bomb: 64 MB of zeros packed into a few kilobytes', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(checkZip(bomb, LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('refuses entries that inflate past the total, and too many entries', () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(1000, i) }));
    expect(checkZip(zip(parts), { ...LIMITS, maxUncompressed: 2500 })).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
    expect(checkZip(zip(parts), { ...LIMITS, maxEntries: 2 })).toEqual({
      ok: false,
      reason: 'tooManyEntries',
    });
    expect(checkZip(zip(parts), LIMITS)).toEqual({ ok: true });
  });

  it('refuses an entry that inflates past the size it declares', () => {
    const data = Buffer.alloc(5 * 1024 * 1024);
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', data }]);
    // Say 1,000 bytes in both the local and the central header.
    liar.writeUInt32LE(1000, 22);
    liar.writeUInt32LE(1000, liar.length - 22 - 46 - 'xl/worksheets/sheet1.xml'.length + 24);
    expect(checkZip(liar, LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('refuses an end record that declares fewer entries than the directory holds (a reader would inflate them all)', () => {
    const bomb = zip([
      { name: 'a.xml', data: Buffer.from('a') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    bomb.writeUInt16LE(1, bomb.length - 22 + 8);
    bomb.writeUInt16LE(1, bomb.length - 22 + 10);
    expect(checkZip(bomb, LIMITS)).toEqual({ ok: false, reason: 'notZip' });
    bomb.writeUInt16LE(0, bomb.length - 22 + 8);
    bomb.writeUInt16LE(0, bomb.length - 22 + 10);
    expect(checkZip(bomb, LIMITS)).toEqual({ ok: false, reason: 'notZip' });
  });
});
