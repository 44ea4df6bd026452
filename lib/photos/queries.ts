/**
 * Photo checks as reviewers read them: the photos of some units in a window of activity days, each with its
 * flags (lib/photos/rules.ts). Callers authorize first: the audit page and the self-check review pass the one
 * unit they have checked; 督办 passes the units of the supervisor's scope.
 */
import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from '../db';
import type { Db, Tx } from '../db/client';
import { can, type Subject } from '../policy';
import { scopeOrgsSql } from '../policy-sql';
import { flagsOf, photoRule, type PhotoFlag, type PhotoRule, type ReuseUse } from './rules';

export type PhotoItem = {
  id: string;
  fileId: string;
  source: 'TASK' | 'MEETING';
  recordId: string;
  record: PhotoRecord;
  fileName: string;
  orgId: string;
  orgName: string;
  activityDate: string;
  takenAt: Date | null;
  receivedAt: Date;
  flags: PhotoFlag[];
  /** Whether the viewer may open the file: its unit's own readers always, an audit team once the record is in. */
  opens: boolean;
};

/** What the photo is evidence for: a reminder task (its item and period) or a meeting record. */
export type PhotoRecord =
  | { type: 'task'; title: string; periodKey: string; submitted: boolean }
  | { type: 'meeting'; meetingKind: string; topic: string; submitted: boolean }
  | { type: 'gone' };

const day = (d: Date) => d.toISOString().slice(0, 10);

type Row = {
  id: string;
  fileId: string;
  source: 'TASK' | 'MEETING';
  recordId: string;
  fileName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  activityDate: Date;
  takenAt: Date | null;
  receivedAt: Date;
  exif: 'OK' | 'NONE' | 'UNREADABLE';
  latitude: number | null;
  longitude: number | null;
  siteLatitude: number | null;
  siteLongitude: number | null;
};

/** Other uses of each photo: the same bytes or a near hash, in another unit or (same unit) another month. */
async function reuses(client: Db | Tx, ids: string[], bits: number, viewer: Subject | null) {
  const out = new Map<string, ReuseUse[]>();
  if (!ids.length) return out;
  const rows = await client.$queryRaw<
    {
      checkId: string;
      orgId: string;
      orgName: string;
      orgPath: string;
      activityDate: Date;
      recordId: string;
      same: boolean;
    }[]
  >`
    SELECT a.id AS "checkId", b."orgId", o.name AS "orgName", o.path AS "orgPath", b."activityDate", b."recordId",
           m.same
    FROM "PhotoMatch" m
    JOIN "PhotoCheck" a ON a.id = m."aId"
    JOIN "PhotoCheck" b ON b.id = m."bId"
    JOIN "Organization" o ON o.id = b."orgId"
    WHERE m."aId" = ANY(${ids}::uuid[]) AND (m.same OR m.bits <= ${bits}) AND b."recordId" <> a."recordId"
      AND (b."orgId" <> a."orgId" OR date_trunc('month', b."activityDate") <> date_trunc('month', a."activityDate"))
    ORDER BY b."activityDate", b.id`;
  for (const r of rows) {
    const list = out.get(r.checkId) ?? [];
    // Another unit's name only to those who may read that unit; the fact of the reuse to everyone who sees this one.
    const named = !viewer || can(viewer, 'org.read', { id: r.orgId, path: r.orgPath });
    list.push({
      orgId: r.orgId,
      orgName: named ? r.orgName : null,
      activityDate: day(r.activityDate),
      recordId: r.recordId,
      same: r.same,
    });
    out.set(r.checkId, list);
  }
  return out;
}

async function recordLabels(client: Db | Tx, rows: Row[]) {
  const taskIds = rows.filter((r) => r.source === 'TASK').map((r) => r.recordId);
  const meetingIds = rows.filter((r) => r.source === 'MEETING').map((r) => r.recordId);
  const [tasks, meetings] = await Promise.all([
    taskIds.length
      ? client.reminderTask.findMany({
          where: { id: { in: taskIds } },
          select: { id: true, periodKey: true, status: true, action: { select: { title: true } } },
        })
      : [],
    meetingIds.length
      ? client.meeting.findMany({
          where: { id: { in: meetingIds } },
          select: { id: true, kind: true, topic: true, status: true },
        })
      : [],
  ]);
  return new Map<string, PhotoRecord>([
    ...tasks.map(
      (t) =>
        [
          t.id,
          {
            type: 'task' as const,
            title: t.action.title,
            periodKey: t.periodKey,
            submitted: t.status === 'DONE',
          },
        ] as const,
    ),
    ...meetings.map(
      (m) =>
        [
          m.id,
          {
            type: 'meeting' as const,
            meetingKind: m.kind,
            topic: m.topic,
            submitted: m.status === 'SUBMITTED',
          },
        ] as const,
    ),
  ]);
}

/**
 * The photos `flagsOf` might flag, as a condition on the photo `p` and its unit `g`: looser than `flagsOf` (a day
 * sooner, 1% nearer), so no flagged photo is left out, and `flagsOf` judges the few it keeps. A list of flagged
 * photos reads only those: 督办 on the seed:large data looked at 370 photos a request to show 4.
 */
function mightBeFlagged(r: PhotoRule) {
  const rad = (c: string) => Prisma.raw(`radians(${c})`);
  return Prisma.sql`(
    p.exif = 'UNREADABLE'
    OR (p."takenAt" IS NOT NULL
        AND abs(((p."takenAt" AT TIME ZONE 'UTC') + interval '8 hours')::date - p."activityDate") >= ${r.days})
    OR (g."siteLatitude" IS NOT NULL AND g."siteLongitude" IS NOT NULL AND p.latitude IS NOT NULL
        AND p.longitude IS NOT NULL
        AND 2 * 6371.0088 * asin(least(1, sqrt(
              power(sin((${rad('p.latitude')} - ${rad('g."siteLatitude"')}) / 2), 2)
              + cos(${rad('g."siteLatitude"')}) * cos(${rad('p.latitude')})
                * power(sin((${rad('p.longitude')} - ${rad('g."siteLongitude"')}) / 2), 2)))) > ${r.km * 0.99})
    OR EXISTS (
      SELECT 1 FROM "PhotoMatch" m JOIN "PhotoCheck" b ON b.id = m."bId"
      WHERE m."aId" = p.id AND (m.same OR m.bits <= ${r.bits}) AND b."recordId" <> p."recordId"
        AND (b."orgId" <> p."orgId"
             OR date_trunc('month', b."activityDate") <> date_trunc('month', p."activityDate"))))`;
}

/**
 * The photos of some units whose claimed day lies in [from, to], with their flags: `orgIds` names the units, or is a
 * condition on the unit's row `g` (scopeOrgsSql). `flaggedOnly` leaves out the photos nothing is wrong with;
 * `checked` counts every photo looked at.
 */
export async function photoChecksOf(
  client: Db | Tx,
  o: { orgIds: string[] | Prisma.Sql; from: string; to: string; flaggedOnly?: boolean; limit?: number },
  viewer: Subject | null,
  rule?: PhotoRule,
): Promise<{ checked: number; flagged: number; items: PhotoItem[]; rule: PhotoRule }> {
  const r = rule ?? (await photoRule(client));
  if (Array.isArray(o.orgIds) && o.orgIds.length === 0) return { checked: 0, flagged: 0, items: [], rule: r };
  const orgFilter = Array.isArray(o.orgIds) ? Prisma.sql`p."orgId" = ANY(${o.orgIds}::uuid[])` : o.orgIds;
  const inScope = Prisma.sql`
    FROM "PhotoCheck" p JOIN "Organization" g ON g.id = p."orgId"
    WHERE ${orgFilter} AND p."activityDate" BETWEEN ${o.from}::date AND ${o.to}::date`;
  const [rows, checked] = await Promise.all([
    client.$queryRaw<Row[]>`
      SELECT p.id, p."fileId", p.source::text AS source, p."recordId", p."fileName", p."orgId", g.name AS "orgName",
             g.path AS "orgPath",
             p."activityDate", p."takenAt", p."receivedAt", p.exif::text AS exif, p.latitude, p.longitude,
             g."siteLatitude", g."siteLongitude"
      ${inScope} ${o.flaggedOnly ? Prisma.sql`AND ${mightBeFlagged(r)}` : Prisma.empty}
      ORDER BY p."activityDate" DESC, p."receivedAt" DESC, p.id`,
    o.flaggedOnly
      ? client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${inScope}`.then(([c]) => c!.n)
      : null,
  ]);
  const uses = await reuses(
    client,
    rows.map((x) => x.id),
    r.bits,
    viewer,
  );
  const judged = rows.map((x) => ({
    row: x,
    flags: flagsOf(
      {
        exif: x.exif,
        takenAt: x.takenAt,
        latitude: x.latitude,
        longitude: x.longitude,
        activityDate: day(x.activityDate),
        site:
          x.siteLatitude !== null && x.siteLongitude !== null
            ? { lat: x.siteLatitude, lng: x.siteLongitude }
            : null,
      },
      uses.get(x.id) ?? [],
      r,
    ),
  }));
  const flagged = judged.filter((j) => j.flags.length);
  const kept = (o.flaggedOnly ? flagged : judged).slice(0, o.limit ?? 200);
  const labels = await recordLabels(
    client,
    kept.map((k) => k.row),
  );
  return {
    checked: checked ?? rows.length,
    flagged: flagged.length,
    rule: r,
    items: kept.map(({ row, flags }) => {
      const record = labels.get(row.recordId) ?? { type: 'gone' as const };
      return {
        id: row.id,
        fileId: row.fileId,
        source: row.source,
        recordId: row.recordId,
        record,
        opens: opens(viewer, row, record),
        fileName: row.fileName,
        orgId: row.orgId,
        orgName: row.orgName,
        activityDate: day(row.activityDate),
        takenAt: row.takenAt,
        receivedAt: row.receivedAt,
        flags,
      };
    }),
  };
}

/**
 * The file routes' rule, for the link: the unit's own (its clerks and secretary, its supervisors, its meeting
 * readers) open a photo whatever its record's state; an audit team only a done task's or a submitted record's
 * (lib/reminders/queries.ts evidenceFileFor, lib/meetings/queries.ts meetingFileFor).
 */
function opens(viewer: Subject | null, row: Row, record: PhotoRecord) {
  if (record.type === 'gone') return false;
  const org = { id: row.orgId, path: row.orgPath };
  const own =
    row.source === 'TASK'
      ? can(viewer, 'reminder.complete', org) || can(viewer, 'reminder.supervise', org)
      : can(viewer, 'meeting.read', org);
  return own || record.submitted;
}

/** A unit and its party groups: whose photos an audit or a self-check of the unit looks at. */
export async function unitWithGroups(client: Db | Tx, orgId: string) {
  const groups = await client.organization.findMany({
    where: { parentId: orgId, type: 'PARTY_GROUP' },
    select: { id: true },
  });
  return [orgId, ...groups.map((g) => g.id)];
}

/** 督办: flagged photos of the supervisor's units, activity days in [from, to], one unit or all in scope. */
export async function supervisionPhotosFor(
  user: Subject,
  f: { orgId?: string; from: string; to: string },
  client: Db = db,
) {
  const scope = scopeOrgsSql(user, 'reminder.supervise', 'g');
  const orgs = f.orgId ? Prisma.sql`(${scope} AND g.id = ${f.orgId}::uuid)` : scope;
  return photoChecksOf(client, { orgIds: orgs, from: f.from, to: f.to, flaggedOnly: true, limit: 100 }, user);
}
