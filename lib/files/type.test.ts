import { describe, expect, it } from 'vitest';
import { sniffType } from './type';

const zip = (inside: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${inside}document.xml....`)]);

describe('attachment types are decided by content and extension together', () => {
  it('accepts the five kinds', () => {
    expect(sniffType('记录.docx', zip('word/'))).toMatch(/wordprocessingml/);
    expect(sniffType('台账.XLSX', zip('xl/'))).toMatch(/spreadsheetml/);
    expect(sniffType('范例.pdf', Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType('照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType('照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
  });
  it('refuses other types, renamed files and mismatched packages', () => {
    expect(sniffType('脚本.html', Buffer.from('<script>'))).toBeNull();
    expect(sniffType('伪装.pdf', Buffer.from('<html>'))).toBeNull();
    expect(sniffType('程序.exe', Buffer.from('MZ'))).toBeNull();
    expect(sniffType('表格.docx', zip('xl/'))).toBeNull();
    expect(sniffType('无扩展名', Buffer.from('%PDF-'))).toBeNull();
  });
});
