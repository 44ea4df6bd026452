/**
 * An .xlsx is a ZIP archive. Before a workbook library inflates it, read the archive's central directory and refuse
 * what is not a ZIP, has too many entries, or would inflate past a limit — a "zip bomb" of a few kilobytes that
 * expands to gigabytes would otherwise exhaust the server's memory. The declared sizes are then proved: each entry
 * is inflated with a cap at its declared size, so a file that lies about them is caught without inflating more.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipLimits = { maxEntries: number; maxUncompressed: number; maxRatio: number };
/** For every workbook upload (lib/excel/read.ts loadXlsx). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressed: 100 * 1024 * 1024,
  maxRatio: 200,
};
export type ZipVerdict = { ok: true } | { ok: false; reason: 'notZip' | 'tooManyEntries' | 'tooLarge' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZip(bytes: Buffer, limits: ZipLimits): ZipVerdict {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'notZip' };
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'notZip' };
  const entries = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64 (0xFFFF / 0xFFFFFFFF markers) is never needed by a legitimate import of this size.
  if (entries === 0xffff || offset === 0xffffffff || size === 0xffffffff)
    return { ok: false, reason: 'tooLarge' };
  if (entries > limits.maxEntries) return { ok: false, reason: 'tooManyEntries' };
  // The directory must end where the end record begins: a reader (JSZip) that finds it elsewhere, or reads
  // records past the declared count, would inflate entries this check never saw.
  if (offset + size !== eocd) return { ok: false, reason: 'notZip' };
  let total = 0;
  let p = offset;
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'notZip' };
    const compressed = bytes.readUInt32LE(p + 20);
    const uncompressed = bytes.readUInt32LE(p + 24);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'tooLarge' };
    total += uncompressed;
    if (total > limits.maxUncompressed) return { ok: false, reason: 'tooLarge' };
    if (uncompressed > 1_000_000 && uncompressed > compressed * limits.maxRatio)
      return { ok: false, reason: 'tooLarge' };
    if (!inflatesAsDeclared(bytes, p)) return { ok: false, reason: 'tooLarge' };
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  if (p !== offset + size) return { ok: false, reason: 'notZip' };
  return { ok: true };
}

/** Whether the entry whose central header is at `p` inflates to exactly its declared size (stored: is that size). */
function inflatesAsDeclared(bytes: Buffer, p: number): boolean {
  const method = bytes.readUInt16LE(p + 10);
  const compressed = bytes.readUInt32LE(p + 20);
  const uncompressed = bytes.readUInt32LE(p + 24);
  const local = bytes.readUInt32LE(p + 42);
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return false;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + compressed);
  if (method === 0) return compressed === uncompressed;
  if (method !== 8) return false;
  try {
    // One byte past the declared size throws: the entry says less than it holds.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, uncompressed) }).length === uncompressed;
  } catch {
    return false;
  }
}
