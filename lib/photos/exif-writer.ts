/**
 * Writes a minimal EXIF block (APP1) into a JPEG: the time the photo was taken and, optionally, its GPS
 * position. Used by the demo seed and the tests to make photos that carry what a phone camera writes; the
 * portal itself only reads EXIF (lib/photos/facts.ts).
 */

type Entry = { tag: number; type: 2 | 4 | 5; count: number; data: Buffer };

const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
const long = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
/** Degrees as three RATIONALs (degrees, minutes, seconds × 1000). */
function dms(deg: number) {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 1000);
  const b = Buffer.alloc(24);
  [d, 1, m, 1, s, 1000].forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}

/** One IFD at `offset` (from the TIFF header): entries, next-IFD 0, then the values too long to sit inline. */
function ifd(entries: Entry[], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const head = Buffer.alloc(2 + sorted.length * 12 + 4);
  head.writeUInt16BE(sorted.length);
  const extra: Buffer[] = [];
  let extraAt = offset + head.length;
  sorted.forEach((e, i) => {
    const at = 2 + i * 12;
    head.writeUInt16BE(e.tag, at);
    head.writeUInt16BE(e.type, at + 2);
    head.writeUInt32BE(e.count, at + 4);
    if (e.data.length <= 4) e.data.copy(head, at + 8);
    else {
      head.writeUInt32BE(extraAt, at + 8);
      extra.push(e.data);
      extraAt += e.data.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

export type ExifInput = {
  /** As the camera writes it: "YYYY:MM:DD HH:MM:SS", local time of the place. */
  takenAt?: string;
  latitude?: number;
  longitude?: number;
};

function tiff(o: ExifInput): Buffer {
  const gps = o.latitude !== undefined && o.longitude !== undefined;
  const ifd0Size = 2 + (gps ? 2 : 1) * 12 + 4;
  const exifAt = 8 + ifd0Size;
  const exifIfd = ifd(o.takenAt ? [{ tag: 0x9003, type: 2, count: 20, data: ascii(o.takenAt) }] : [], exifAt);
  const gpsAt = exifAt + exifIfd.length;
  const gpsIfd = gps
    ? ifd(
        [
          { tag: 1, type: 2, count: 2, data: ascii(o.latitude! >= 0 ? 'N' : 'S') },
          { tag: 2, type: 5, count: 3, data: dms(o.latitude!) },
          { tag: 3, type: 2, count: 2, data: ascii(o.longitude! >= 0 ? 'E' : 'W') },
          { tag: 4, type: 5, count: 3, data: dms(o.longitude!) },
        ],
        gpsAt,
      )
    : Buffer.alloc(0);
  const ifd0 = ifd(
    [
      { tag: 0x8769, type: 4, count: 1, data: long(exifAt) },
      ...(gps ? [{ tag: 0x8825, type: 4 as const, count: 1, data: long(gpsAt) }] : []),
    ],
    8,
  );
  return Buffer.concat([Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'), ifd0, exifIfd, gpsIfd]);
}

function app1(payload: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), payload]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The JPEG with an EXIF block inserted right after its start marker. */
export function withExif(jpeg: Buffer, o: ExifInput): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), app1(tiff(o)), jpeg.subarray(2)]);
}

/** The JPEG with an EXIF block whose TIFF header is garbage (what a broken editor leaves behind). */
export function withBrokenExif(jpeg: Buffer): Buffer {
  const junk = Buffer.from('XX\0\x2a\xff\xff\xff\xf0garbage-after-a-bad-header', 'latin1');
  return Buffer.concat([jpeg.subarray(0, 2), app1(junk), jpeg.subarray(2)]);
}
