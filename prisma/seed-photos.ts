/**
 * Photos for the demo, as phones take them (EXIF time and position), so the photo checks (lib/photos) have
 * something true to say:
 *  - project branches get their site's coordinates;
 *  - every evidence photo of a done task becomes its own picture, taken on the day the task claims, on site;
 *    except the back-filled set (the burst recorded in one sitting before last quarter's audit,
 *    prisma/seed-history.ts): its photos were taken on the day of the sitting, and that gives it away;
 *  - the first branch's meetings carry a photo of the sign-in sheet, taken at the meeting;
 *  - one 主题党日 group photo of the first branch is used again by the second branch;
 *  - one photo of the second branch has a damaged EXIF block.
 * Runs once (marker setting).
 */
import { randomUUID } from 'node:crypto';
import { addDays, cstDay } from '../lib/calendar';
import type { Db } from '../lib/db/client';
import { scenePhoto } from '../lib/photos/demo-photo';
import { withBrokenExif, type ExifInput } from '../lib/photos/exif-writer';
import { photoFacts } from '../lib/photos/facts';
import { linkMatches } from '../lib/photos/record';
import { putFile } from '../lib/storage';
import { FIRST_BRANCH_NAME, SECOND_BRANCH_NAME } from './seed-data';
import { prng } from './seed-random';

const MARKER = 'demo.photos';
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The sites of the demo projects (invented places, coordinates in one real region so distances make sense). */
const SITES: Record<string, [number, number]> = {
  江州市滨江新城: [29.5462, 106.5871],
  江州市北环路: [29.6418, 106.5302],
  海宁港区: [29.7315, 106.9024],
  云岭县: [29.3172, 106.1988],
  青溪镇: [29.4406, 106.3391],
  江州市东湖区: [29.5897, 106.6233],
  南山区跨江段: [29.5069, 106.6012],
  江州市城西片区: [29.5581, 106.4406],
  江州高铁站: [29.6077, 106.4687],
};

type Site = { lat: number; lng: number } | null;

export async function seedPhotos(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const rand = prng(20261201);
  const today = cstDay(now);
  let picture = 1000;

  const projects = await db.organization.findMany({
    where: { projectLocation: { not: null } },
    select: { id: true, projectLocation: true },
  });
  const siteOf = new Map<string, Site>();
  for (const p of projects) {
    const s = SITES[p.projectLocation!];
    if (!s) continue;
    await db.organization.update({ where: { id: p.id }, data: { siteLatitude: s[0], siteLongitude: s[1] } });
    siteOf.set(p.id, { lat: s[0], lng: s[1] });
  }
  /** Somewhere on the site: within about 200 m of its centre. */
  const near = (s: Site) =>
    s ? { latitude: s.lat + (rand() - 0.5) * 0.004, longitude: s.lng + (rand() - 0.5) * 0.004 } : {};
  const clock = (day: string, hour: number, minute = Math.floor(rand() * 60)) =>
    `${day.replaceAll('-', ':')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;

  type Made = { bytes: Buffer; fileName: string };
  const checks: Record<string, unknown>[] = [];
  async function store(m: Made) {
    const [s, facts] = await Promise.all([putFile(m.bytes), photoFacts(m.bytes)]);
    return { s, facts };
  }
  function check(o: {
    source: 'TASK' | 'MEETING';
    fileId: string;
    orgId: string;
    recordId: string;
    activityDate: string;
    receivedAt: Date;
    fileName: string;
    sha256: string;
    facts: Awaited<ReturnType<typeof photoFacts>>;
  }) {
    checks.push({
      id: randomUUID(),
      source: o.source,
      fileId: o.fileId,
      orgId: o.orgId,
      recordId: o.recordId,
      activityDate: new Date(`${o.activityDate}T00:00:00Z`),
      receivedAt: o.receivedAt,
      takenAt: o.facts.takenAt,
      latitude: o.facts.latitude,
      longitude: o.facts.longitude,
      exif: o.facts.exif,
      dhash: o.facts.dhash,
      sha256: o.sha256,
      fileName: o.fileName,
    });
  }

  // Task evidence: one picture each, replacing the placeholder the reminder history gave every row.
  const evidence = await db.evidence.findMany({
    where: { mimeType: 'image/png' },
    select: {
      id: true,
      fileName: true,
      task: {
        select: {
          id: true,
          orgId: true,
          activityDate: true,
          completedAt: true,
          backfillFlag: true,
          periodKey: true,
          action: { select: { title: true } },
        },
      },
    },
    orderBy: { id: 'asc' },
  });
  const updates: { id: string; fileName: string; size: number; sha256: string; key: string }[] = [];
  for (let i = 0; i < evidence.length; i += 16)
    await Promise.all(
      evidence.slice(i, i + 16).map(async (e) => {
        const t = e.task;
        if (!t.activityDate || !t.completedAt) return;
        const day = iso(t.activityDate);
        // The back-filled set: pictures of papers drawn up on the day of the sitting, an hour before it was recorded.
        const exif: ExifInput =
          t.backfillFlag === 'BURST'
            ? {
                takenAt: clock(
                  cstDay(new Date(t.completedAt.getTime() - 3_600_000)),
                  9 + Math.floor(rand() * 6),
                ),
              }
            : { takenAt: clock(day, 9 + Math.floor(rand() * 8)), ...near(siteOf.get(t.orgId) ?? null) };
        // Named as a clerk names it: the item and its period (the history's placeholder names fit no item).
        const fileName = `${t.action.title.slice(0, 60)}-${t.periodKey}.jpg`;
        const { s, facts } = await store({ bytes: await scenePhoto(picture++, exif), fileName });
        updates.push({ id: e.id, fileName, size: s.size, sha256: s.sha256, key: s.key });
        check({
          source: 'TASK',
          fileId: e.id,
          orgId: t.orgId,
          recordId: t.id,
          activityDate: day,
          receivedAt: t.completedAt,
          fileName,
          sha256: s.sha256,
          facts,
        });
      }),
    );

  // The first branch's meetings: a photo of the sign-in sheet, taken as the meeting began.
  const branches = await db.organization.findMany({
    where: { name: { in: [FIRST_BRANCH_NAME, SECOND_BRANCH_NAME] } },
    select: { id: true, name: true },
  });
  const first = branches.find((b) => b.name === FIRST_BRANCH_NAME);
  const second = branches.find((b) => b.name === SECOND_BRANCH_NAME);
  const files: Record<string, unknown>[] = [];
  async function attach(
    m: { id: string; orgId: string; heldOn: Date; createdById: string; submittedAt: Date | null },
    made: Made,
  ) {
    const { s, facts } = await store(made);
    const id = randomUUID();
    const receivedAt = m.submittedAt ?? new Date(`${iso(m.heldOn)}T20:00:00+08:00`);
    files.push({
      id,
      meetingId: m.id,
      fileName: made.fileName,
      mimeType: 'image/jpeg',
      size: s.size,
      sha256: s.sha256,
      storageKey: s.key,
      uploadedById: m.createdById,
      createdAt: receivedAt,
    });
    check({
      source: 'MEETING',
      fileId: id,
      orgId: m.orgId,
      recordId: m.id,
      activityDate: iso(m.heldOn),
      receivedAt,
      fileName: made.fileName,
      sha256: s.sha256,
      facts,
    });
  }
  const meetingSelect = {
    id: true,
    orgId: true,
    kind: true,
    heldOn: true,
    startTime: true,
    createdById: true,
    submittedAt: true,
  } as const;
  if (first) {
    const meetings = await db.meeting.findMany({
      where: {
        orgId: first.id,
        kind: { in: ['COMMITTEE', 'GENERAL_ASSEMBLY', 'THEME_DAY', 'PARTY_LECTURE'] },
      },
      select: meetingSelect,
      orderBy: { heldOn: 'asc' },
    });
    for (const m of meetings) {
      const day = iso(m.heldOn);
      const [h, min] = (m.startTime ?? '14:00').split(':').map(Number);
      await attach(m, {
        fileName: `签到表-${day}.jpg`,
        bytes: await scenePhoto(picture++, {
          takenAt: clock(day, h!, Math.min(59, min! + 5)),
          ...near(siteOf.get(first.id) ?? null),
        }),
      });
    }
  }
  // One group photo, two branches: the second used the first's latest 主题党日 photo for its own latest one.
  if (first && second) {
    const theirs = await db.meeting.findMany({
      where: {
        orgId: { in: [first.id, second.id] },
        kind: 'THEME_DAY',
        heldOn: { lte: new Date(`${today}T00:00:00Z`) },
      },
      select: meetingSelect,
      orderBy: { heldOn: 'desc' },
    });
    // Each branch's latest 主题党日: the second used the first's photo for its own.
    const a = theirs.find((m) => m.orgId === first.id);
    const b = theirs.find((m) => m.orgId === second.id);
    if (a && b) {
      const photo = await scenePhoto(picture++, {
        takenAt: clock(iso(a.heldOn), 15, 20),
        ...near(siteOf.get(first.id) ?? null),
      });
      await attach(a, { fileName: '主题党日活动合影.jpg', bytes: photo });
      await attach(b, { fileName: '主题党日集体照.jpg', bytes: photo });
    }
    // A photo edited on a computer that left its EXIF block broken: kept, flagged unreadable.
    const c = await db.meeting.findFirst({
      where: {
        orgId: second.id,
        kind: 'COMMITTEE',
        heldOn: { gte: new Date(`${addDays(today, -80)}T00:00:00Z`) },
      },
      select: meetingSelect,
      orderBy: { heldOn: 'desc' },
    });
    if (c)
      await attach(c, {
        fileName: '支委会现场.jpg',
        bytes: withBrokenExif(await scenePhoto(picture++)),
      });
  }

  await db.$transaction(
    async (tx) => {
      if (updates.length)
        await tx.$executeRaw`
          UPDATE "Evidence" e SET "fileName" = v.name, "mimeType" = 'image/jpeg', size = v.size, sha256 = v.sha,
            "storageKey" = v.key
          FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.fileName)}::text[],
            ${updates.map((u) => u.size)}::int[], ${updates.map((u) => u.sha256)}::text[], ${updates.map((u) => u.key)}::text[])
            AS v(id, name, size, sha, key)
          WHERE e.id = v.id`;
      await tx.meetingFile.createMany({ data: files as never });
      await tx.photoCheck.createMany({ data: checks as never });
      await linkMatches(
        tx,
        checks.map((c) => c.id as string),
      );
      await tx.setting.create({ data: { key: MARKER, value: { photos: checks.length } } });
    },
    { timeout: 120_000 },
  );
}
