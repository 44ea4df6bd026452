/**
 * Pictures for the demo seed and the tests: a scene of coloured blocks drawn from a seed, so that two seeds give
 * two pictures whose difference hashes are far apart, and one seed always gives the same picture.
 */
import sharp from 'sharp';
import { withExif, type ExifInput } from './exif-writer';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * A 324×240 JPEG of 9×8 blocks of random brightness and hue (the grid the difference hash samples, so every bit of
 * it is drawn), then the EXIF asked for.
 */
export async function scenePhoto(
  seed: number,
  exif?: ExifInput,
  o: { width?: number; quality?: number } = {},
) {
  const w = 324;
  const h = 240;
  const next = rng(seed * 7919 + 17);
  // Each row is a walk whose steps go up or down at random (the hash's bits) by a clear amount, fitted into the
  // grey range: a resized or re-encoded copy keeps its hash, and two seeds share about half their bits.
  const grey: number[] = [];
  for (let row = 0; row < 8; row++) {
    const walk = [0];
    for (let i = 1; i < 9; i++) walk.push(walk[i - 1]! + (next() < 0.5 ? -1 : 1) * (40 + next() * 20));
    const lo = Math.min(...walk);
    const scale = Math.min(1, 200 / Math.max(1, Math.max(...walk) - lo));
    const base = 28 + next() * (200 - (Math.max(...walk) - lo) * scale);
    grey.push(...walk.map((v) => base + (v - lo) * scale));
  }
  const blocks = grey.map((g) =>
    [0, 1, 2].map(() => Math.max(0, Math.min(255, Math.round(g + (next() - 0.5) * 20)))),
  );
  // One row of 36-pixel blocks per 30-pixel band, copied down the band.
  const px = Buffer.alloc(w * h * 3);
  for (let band = 0; band < 8; band++) {
    const rowStart = band * 30 * w * 3;
    for (let x = 0; x < w; x++) {
      const b = blocks[band * 9 + Math.floor(x / 36)]!;
      px[rowStart + x * 3] = b[0]!;
      px[rowStart + x * 3 + 1] = b[1]!;
      px[rowStart + x * 3 + 2] = b[2]!;
    }
    for (let y = 1; y < 30; y++) px.copy(px, rowStart + y * w * 3, rowStart, rowStart + w * 3);
  }
  let img = sharp(px, { raw: { width: w, height: h, channels: 3 } });
  if (o.width) img = img.resize(o.width);
  const jpeg = await img.jpeg({ quality: o.quality ?? 85 }).toBuffer();
  return exif ? withExif(jpeg, exif) : jpeg;
}
