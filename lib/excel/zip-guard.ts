/**
 * Checks an uploaded .xlsx (a ZIP) before any parser inflates it: at most MAX_ENTRIES entries and MAX_UNCOMPRESSED
 * bytes once inflated, read from the central directory and then proved by inflating each entry with a cap at its
 * declared size (a file that lies about its sizes is caught without inflating more than it declared). A zip bomb,
 * ZIP64, an unknown compression method or a damaged directory is refused. Pure: node's zlib only.
 */
import { inflateRawSync } from 'node:zlib';

export const MAX_ENTRIES = 1000;
export const MAX_UNCOMPRESSED = 100 * 1024 * 1024;

export type ZipVerdict = { ok: true; entries: number; uncompressed: number } | { ok: false; reason: string };

export function checkZip(
  buf: Buffer,
  limits = { entries: MAX_ENTRIES, bytes: MAX_UNCOMPRESSED },
): ZipVerdict {
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return { ok: false, reason: 'not a zip' };
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (count > limits.entries) return { ok: false, reason: `too many entries (${count})` };
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      return { ok: false, reason: 'damaged directory' };
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const local = buf.readUInt32LE(p + 42);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return { ok: false, reason: 'zip64' };
    total += size;
    if (total > limits.bytes) return { ok: false, reason: 'too large once inflated' };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50)
      return { ok: false, reason: 'damaged entry' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + packed);
    if (method === 8) {
      try {
        // One byte more than declared would overflow: the entry inflates to more than it says.
        if (inflateRawSync(data, { maxOutputLength: Math.max(1, size) }).length !== size)
          return { ok: false, reason: 'size mismatch' };
      } catch {
        return { ok: false, reason: 'inflates beyond its declared size' };
      }
    } else if (method !== 0 || packed !== size) return { ok: false, reason: `method ${method}` };
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { ok: true, entries: count, uncompressed: total };
}
