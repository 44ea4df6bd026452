/**
 * What an uploaded photo says of itself: the time it was taken and its GPS position (EXIF, read with exifr),
 * and a 64-bit difference hash of its picture (sharp) that survives re-encoding, resizing and small edits.
 * Never throws: a broken EXIF block is reported as UNREADABLE and the photo is kept.
 */
import exifr from 'exifr';
import sharp from 'sharp';

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const isPhoto = (mimeType: string) => (PHOTO_TYPES as readonly string[]).includes(mimeType);

export type PhotoFacts = {
  exif: 'OK' | 'NONE' | 'UNREADABLE';
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  dhash: bigint | null;
};

const STAMP = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/**
 * "YYYY:MM:DD HH:MM:SS" as the camera wrote it. EXIF keeps the local time of the place without a zone unless
 * OffsetTimeOriginal says it; a phone in China writes China time, so that is the default.
 */
export function exifTime(stamp: unknown, offset?: unknown): Date | null {
  const m = typeof stamp === 'string' ? STAMP.exec(stamp.trim()) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && OFFSET.test(offset) ? offset : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const inRange = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;

async function readExif(
  bytes: Buffer,
): Promise<Pick<PhotoFacts, 'exif' | 'takenAt' | 'latitude' | 'longitude'>> {
  const none = { takenAt: null, latitude: null, longitude: null };
  let raw: Record<string, unknown> | undefined;
  try {
    raw = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      reviveValues: false,
      translateValues: false,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
        'latitude',
        'longitude',
      ],
    });
  } catch {
    return { exif: 'UNREADABLE', ...none };
  }
  if (!raw) return { exif: 'NONE', ...none };
  const errors = Array.isArray(raw.errors) && raw.errors.length > 0;
  const takenAt = exifTime(raw.DateTimeOriginal ?? raw.CreateDate, raw.OffsetTimeOriginal);
  const gps =
    inRange(raw.latitude, 90) && inRange(raw.longitude, 180) && !(raw.latitude === 0 && raw.longitude === 0);
  if (!takenAt && !gps) return { exif: errors ? 'UNREADABLE' : 'NONE', ...none };
  return {
    exif: 'OK',
    takenAt,
    latitude: gps ? (raw.latitude as number) : null,
    longitude: gps ? (raw.longitude as number) : null,
  };
}

/**
 * Difference hash: the picture as 9×8 grey pixels, one bit per horizontally adjacent pair (is the left one
 * brighter?). Turned upright first by the EXIF orientation, so a rotated copy of a photo hashes the same.
 */
export async function dhash(bytes: Buffer): Promise<bigint | null> {
  try {
    // A picture over 40 megapixels is not decoded (no hash): a photo of a sign-in sheet is far smaller.
    const px = await sharp(bytes, { failOn: 'none', limitInputPixels: 40_000_000 })
      .rotate()
      .grayscale()
      .resize(9, 8, { fit: 'fill' })
      .raw()
      .toBuffer();
    let h = 0n;
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) h = (h << 1n) | (px[y * 9 + x]! > px[y * 9 + x + 1]! ? 1n : 0n);
    // As a signed 64-bit value, the way PostgreSQL's bigint keeps it.
    return BigInt.asIntN(64, h);
  } catch {
    return null;
  }
}

export async function photoFacts(bytes: Buffer): Promise<PhotoFacts> {
  const [exif, hash] = await Promise.all([readExif(bytes), dhash(bytes)]);
  return { ...exif, dhash: hash };
}

/** Bits that differ between two hashes (0 = the same picture as far as the hash can tell). */
export function hamming(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
