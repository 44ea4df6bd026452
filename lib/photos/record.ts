/**
 * Keeping a photo's facts beside the record it is evidence for, in the caller's transaction. The facts are read
 * before the transaction (decoding a photo takes milliseconds; a lock should not wait on it).
 */
import type { Tx } from '../db/client';
import { isPhoto, photoFacts, type PhotoFacts } from './facts';

/** Facts of each upload that is a photo (null for a PDF, a Word file …), in the uploads' order. */
export function factsOf(files: { bytes: Buffer; mimeType: string }[]): Promise<(PhotoFacts | null)[]> {
  return Promise.all(files.map((f) => (isPhoto(f.mimeType) ? photoFacts(f.bytes) : null)));
}

export async function recordPhotoChecks(
  tx: Tx,
  o: {
    source: 'TASK' | 'MEETING';
    orgId: string;
    recordId: string;
    activityDate: string;
    files: { id: string; fileName: string; sha256: string }[];
    facts: (PhotoFacts | null)[];
    receivedAt?: Date;
  },
) {
  const data = o.files.flatMap((f, i) => {
    const p = o.facts[i];
    if (!p) return [];
    return [
      {
        source: o.source,
        fileId: f.id,
        orgId: o.orgId,
        recordId: o.recordId,
        activityDate: new Date(`${o.activityDate}T00:00:00Z`),
        ...(o.receivedAt ? { receivedAt: o.receivedAt } : {}),
        takenAt: p.takenAt,
        latitude: p.latitude,
        longitude: p.longitude,
        exif: p.exif,
        dhash: p.dhash,
        sha256: f.sha256,
        fileName: f.fileName,
      },
    ];
  });
  if (!data.length) return 0;
  const rows = await tx.photoCheck.createManyAndReturn({ data, select: { id: true } });
  await linkMatches(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}

/** Widest difference (bits) a match is kept for; the rule's threshold may be anything up to it. */
export const MATCH_BITS = 16;

/**
 * Pairs the given photos with every photo that is the same (bytes) or near (hash) — in both directions. One pass
 * over the photos per upload; reading the flags then only follows the pairs.
 */
export async function linkMatches(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  // One upload pairs at a time: two uploads of the same photo at once would each miss the other's uncommitted row.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('photo-match'))`;
  await tx.$executeRaw`
    WITH found AS (
      SELECT a.id AS x, b.id AS y, (a.sha256 = b.sha256) AS same,
             CASE WHEN a.sha256 = b.sha256 THEN 0 ELSE bit_count((a.dhash # b.dhash)::bit(64))::int END AS bits
      FROM "PhotoCheck" a
      JOIN "PhotoCheck" b ON b.id <> a.id
       AND (b.sha256 = a.sha256
            OR (a.dhash IS NOT NULL AND b.dhash IS NOT NULL AND a.dhash NOT IN (0, -1) AND b.dhash NOT IN (0, -1)
                AND bit_count((a.dhash # b.dhash)::bit(64)) <= ${MATCH_BITS}))
      WHERE a.id = ANY(${ids}::uuid[]))
    INSERT INTO "PhotoMatch" ("aId", "bId", bits, same)
    SELECT x, y, bits, same FROM found UNION SELECT y, x, bits, same FROM found
    ON CONFLICT DO NOTHING`;
}
