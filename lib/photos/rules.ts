/**
 * Evidence integrity: when does a photo not fit the record it is evidence for? (README, "Photo checks")
 *  - time      the photo was taken more than `days` days before or after the day the record claims;
 *  - distance  its GPS position is more than `km` km from the unit's project site (when both are known);
 *  - reuse     the same photo — the same bytes, or a difference hash at most `bits` bits apart — is evidence
 *              in another unit, or in the same unit for another month; every use is flagged;
 *  - unreadable its EXIF block could not be parsed (the photo is kept; the other checks lack its facts).
 * Thresholds come from the Setting "photos.rule", else the defaults below; flags are computed when read.
 */
import { z } from 'zod';
import { cstDay } from '../calendar';
import { msg } from '../i18n/message';
import type { Db, Tx } from '../db/client';

export type PhotoRule = { days: number; km: number; bits: number };
export const DEFAULT_PHOTO_RULE: PhotoRule = { days: 3, km: 5, bits: 6 };
export const PHOTO_RULE_KEY = 'photos.rule';

const M = { days: msg('photos.errors.days'), km: msg('photos.errors.km'), bits: msg('photos.errors.bits') };
export const ZPhotoRule = z.object({
  days: z.coerce.number(M.days).int(M.days).min(1, M.days).max(60, M.days),
  km: z.coerce.number(M.km).min(0.1, M.km).max(500, M.km),
  bits: z.coerce.number(M.bits).int(M.bits).min(0, M.bits).max(16, M.bits),
});

export async function photoRule(client: Db | Tx): Promise<PhotoRule> {
  const s = await client.setting.findUnique({ where: { key: PHOTO_RULE_KEY } });
  const parsed = ZPhotoRule.safeParse(s?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_PHOTO_RULE;
}

const DAY_MS = 86_400_000;

/** Whole days between the photo's own day (China time) and the claimed activity day; negative = before. */
export function dayGap(takenAt: Date, activityDate: string): number {
  return Math.round(
    (Date.parse(`${cstDay(takenAt)}T00:00:00Z`) - Date.parse(`${activityDate}T00:00:00Z`)) / DAY_MS,
  );
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A hash of a flat picture (one colour, a blank page) matches every other flat picture: not used. */
export const usableHash = (h: bigint | null): h is bigint => h !== null && h !== 0n && h !== -1n;

export type ReuseUse = {
  orgId: string;
  orgName: string | null;
  activityDate: string;
  recordId: string;
  same: boolean;
};

export type PhotoFlag =
  | { code: 'time'; days: number }
  | { code: 'distance'; km: number }
  | { code: 'reuse'; uses: ReuseUse[] }
  | { code: 'unreadable' };

export type PhotoFactsRow = {
  exif: 'OK' | 'NONE' | 'UNREADABLE';
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  activityDate: string;
  site: { lat: number; lng: number } | null;
};

/** The flags of one photo, given its facts, its unit's site, the other uses found, and the rule. */
export function flagsOf(p: PhotoFactsRow, uses: ReuseUse[], rule: PhotoRule): PhotoFlag[] {
  const flags: PhotoFlag[] = [];
  if (p.exif === 'UNREADABLE') flags.push({ code: 'unreadable' });
  if (p.takenAt) {
    const days = dayGap(p.takenAt, p.activityDate);
    if (Math.abs(days) > rule.days) flags.push({ code: 'time', days });
  }
  if (p.site && p.latitude !== null && p.longitude !== null) {
    const km = distanceKm(p.site, { lat: p.latitude, lng: p.longitude });
    if (km > rule.km) flags.push({ code: 'distance', km: Math.round(km * 10) / 10 });
  }
  if (uses.length) flags.push({ code: 'reuse', uses });
  return flags;
}

/** Month of a day ("2026-03-05" → "2026-03"): reuse inside one unit counts only across months. */
export const monthOf = (day: string) => day.slice(0, 7);
