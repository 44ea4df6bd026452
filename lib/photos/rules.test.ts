import { describe, expect, it } from 'vitest';
import { withBrokenExif } from './exif-writer';
import { scenePhoto } from './demo-photo';
import { exifTime, hamming, photoFacts } from './facts';
import { DEFAULT_PHOTO_RULE, dayGap, distanceKm, flagsOf, type PhotoFactsRow } from './rules';

const site = { lat: 30.5728, lng: 104.0668 };
const row = (o: Partial<PhotoFactsRow> = {}): PhotoFactsRow => ({
  exif: 'OK',
  takenAt: new Date('2026-03-05T06:30:00Z'),
  latitude: site.lat,
  longitude: site.lng,
  activityDate: '2026-03-05',
  site,
  ...o,
});

describe('photo facts', () => {
  it('reads the time (China time unless the photo says its offset) and the GPS position it was written with', async () => {
    const f = await photoFacts(
      await scenePhoto(1, { takenAt: '2026:03:05 14:30:00', latitude: 30.5728, longitude: 104.0668 }),
    );
    expect(f.exif).toBe('OK');
    expect(f.takenAt!.toISOString()).toBe('2026-03-05T06:30:00.000Z');
    expect(f.latitude).toBeCloseTo(30.5728, 4);
    expect(f.longitude).toBeCloseTo(104.0668, 4);
    expect(exifTime('2026:03:05 14:30:00', '+02:00')!.toISOString()).toBe('2026-03-05T12:30:00.000Z');
    expect(exifTime('0000:00:00 00:00:00')).toBeNull();
    expect(exifTime('yesterday')).toBeNull();
  });

  it('a photo without EXIF is NONE; a broken EXIF block is UNREADABLE, kept and still hashed', async () => {
    const plain = await scenePhoto(2);
    expect(await photoFacts(plain)).toMatchObject({ exif: 'NONE', takenAt: null, latitude: null });
    const broken = await photoFacts(withBrokenExif(plain));
    expect(broken).toMatchObject({ exif: 'UNREADABLE', takenAt: null });
    expect(broken.dhash).toBe((await photoFacts(plain)).dhash);
    expect(await photoFacts(Buffer.from('\xff\xd8\xff not really a jpeg', 'latin1'))).toMatchObject({
      dhash: null,
    });
  });

  it('the same scene re-encoded smaller hashes within a few bits; another scene is far away', async () => {
    const a = (await photoFacts(await scenePhoto(3))).dhash!;
    const again = (await photoFacts(await scenePhoto(3, undefined, { width: 160, quality: 60 }))).dhash!;
    const other = (await photoFacts(await scenePhoto(4))).dhash!;
    expect(hamming(a, again)).toBeLessThanOrEqual(DEFAULT_PHOTO_RULE.bits);
    expect(hamming(a, other)).toBeGreaterThan(16);
    expect(hamming(5n, 5n)).toBe(0);
    expect(hamming(-1n, 0n)).toBe(64);
  });
});

describe('photo flags', () => {
  it('time: more than N days either side of the activity day, counted in China days', () => {
    expect(dayGap(new Date('2026-03-08T15:59:00Z'), '2026-03-05')).toBe(3);
    expect(dayGap(new Date('2026-03-08T16:00:00Z'), '2026-03-05')).toBe(4);
    expect(flagsOf(row({ takenAt: new Date('2026-03-08T15:59:00Z') }), [], DEFAULT_PHOTO_RULE)).toEqual([]);
    expect(flagsOf(row({ takenAt: new Date('2026-03-08T16:00:00Z') }), [], DEFAULT_PHOTO_RULE)).toEqual([
      { code: 'time', days: 4 },
    ]);
    expect(flagsOf(row({ takenAt: new Date('2026-02-01T02:00:00Z') }), [], DEFAULT_PHOTO_RULE)).toEqual([
      { code: 'time', days: -32 },
    ]);
  });

  it('distance: only when both the photo and the unit have a position', () => {
    // 0.05° of latitude is about 5.56 km.
    expect(distanceKm(site, { lat: site.lat + 0.05, lng: site.lng })).toBeCloseTo(5.56, 1);
    expect(flagsOf(row({ latitude: site.lat + 0.04 }), [], DEFAULT_PHOTO_RULE)).toEqual([]);
    expect(flagsOf(row({ latitude: site.lat + 0.05 }), [], DEFAULT_PHOTO_RULE)).toEqual([
      { code: 'distance', km: 5.6 },
    ]);
    expect(flagsOf(row({ latitude: 39.9, longitude: 116.4, site: null }), [], DEFAULT_PHOTO_RULE)).toEqual(
      [],
    );
    expect(flagsOf(row({ latitude: null, longitude: null }), [], DEFAULT_PHOTO_RULE)).toEqual([]);
  });

  it('reuse and unreadable are reported as found; thresholds come from the rule', () => {
    const use = { orgId: 'o', orgName: '乙', activityDate: '2026-04-02', recordId: 'r', same: true };
    expect(
      flagsOf(
        row({ exif: 'UNREADABLE', takenAt: null, latitude: null, longitude: null }),
        [use],
        DEFAULT_PHOTO_RULE,
      ),
    ).toEqual([{ code: 'unreadable' }, { code: 'reuse', uses: [use] }]);
    const loose = { days: 40, km: 10, bits: 6 };
    expect(
      flagsOf(row({ takenAt: new Date('2026-02-01T02:00:00Z'), latitude: site.lat + 0.05 }), [], loose),
    ).toEqual([]);
  });
});
