/**
 * Four quarters of 对标 history for the demo company, so supervision, self-check and announcement pages
 * show real patterns on first start: tasks done on time, late, missing, returned and rated; a branch
 * that faked its ledgers in one burst before the audit (城西安置房); submitted self-check sheets (one
 * reopened, one quarter missing); announcements with partial read receipts. Runs once (marker setting).
 */
import { HOLIDAYS } from './calendar-data';
import { reasonFor } from './audit-data';
import { appendTrace } from '../lib/audit-log';
import { scanDueNotices } from '../lib/channels/due-notices';
import { notify, unitPeople } from '../lib/channels/notify';
import type { Db } from '../lib/db/client';
import type { ScoringCriterion as ScoringCriterionRow } from '../lib/generated/prisma/client';
import { standardIdForPeriod } from '../lib/handbook/in-force';
import { generateForPeriod } from '../lib/reminders/mutations/generate';
import { announceNotice } from '../lib/reminders/mutations/notice';
import { addDays, cstDay, periodFromKey, periodOf, weekday } from '../lib/calendar';
import { previousQuarter } from '../lib/self-check/rules';
import { putFile } from '../lib/storage';
import {
  ANNOUNCEMENTS,
  evidenceNameFor,
  noteFor,
  PROFILES,
  RATING_COMMENTS,
  returnReasonFor,
} from './history-data';
import { FIRST_BRANCH_NAME } from './seed-data';
import { prng } from './seed-random';
import { seedCount, seedDeduction, seedTotals } from './seed-scores';

const MARKER = 'demo.history';
// A 1×1 PNG: a real image by content, shared by every demo evidence row (content-addressed).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0a7a8e00000000049454e44ae426082',
  'hex',
);

const iso = (d: Date) => d.toISOString().slice(0, 10);

// Statutory holidays: a branch holds its meetings and activities on the days around them, not on 除夕 or 国庆.
const HOLIDAY = new Set(
  HOLIDAYS.flatMap((h) => {
    const days: string[] = [];
    for (let d = h.from; d <= (h.to ?? h.from); d = addDays(d, 1)) days.push(d);
    return days;
  }),
);
/**
 * The day the handbook names for an activity, where it names one and it falls in time: 主题党日 on the month's first
 * Friday (Article 17); the year's 组织生活会 and 民主评议党员 together in December, on one day per unit (Articles 7
 * and 8: "一般安排在第四季度，与民主评议党员结合进行").
 */
function customaryDay(kind: string | null, start: string, due: string, orgId: string): string | null {
  let day: string | null = null;
  if (kind === 'THEME_DAY') day = addDays(start, (5 - weekday(start) + 7) % 7);
  if (kind === 'ORG_LIFE' || kind === 'DEMOCRATIC_REVIEW') {
    const seed = [...orgId].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 997, 7);
    day = `${start.slice(0, 4)}-12-${String(8 + (seed % 16)).padStart(2, '0')}`;
  }
  if (!day) return null;
  const d = offHoliday(day, due);
  return d >= start && d <= due ? d : null;
}

/** The first day from `day` on that is not a holiday, or, where that passes `last`, the last one before it. */
function offHoliday(day: string, last: string) {
  let d = day;
  while (HOLIDAY.has(d)) d = addDays(d, 1);
  if (d <= last) return d;
  d = day;
  while (HOLIDAY.has(d)) d = addDays(d, -1);
  return d;
}
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function seedHistory(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const today = cstDay(now);
  const q0 = periodOf('QUARTER', today).key;
  const quarters = [
    q0,
    previousQuarter(q0),
    previousQuarter(previousQuarter(q0)),
    previousQuarter(previousQuarter(previousQuarter(q0))),
  ].reverse();
  const quarterBefore = previousQuarter(quarters[0]!);
  const from = periodFromKey(quarterBefore)!.start;
  // Every week, month, quarter, half-year and year from the first of the four past quarters: their tasks.
  for (let d = from; d <= today; d = addDays(d, 7)) {
    for (const f of ['WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const)
      await generateForPeriod(db, f, d);
  }
  // A project's branch (and its party groups) keeps ledgers from about a month after the project began (set up,
  // approved, its committee elected): the periods that ended before then are none of its business.
  await db.$executeRaw`
    DELETE FROM "ReminderTask" t
    USING "Organization" o LEFT JOIN "Organization" p ON p.id = o."parentId"
    WHERE t."orgId" = o.id
      AND t."periodEnd" < COALESCE(o."projectActualStart", CASE WHEN o.type = 'PARTY_GROUP' THEN p."projectActualStart" END) + 30`;
  const rand = prng(20261001);
  const branches = await db.organization.findMany({
    where: { type: { in: ['BRANCH', 'GENERAL_BRANCH'] }, status: 'ACTIVE' },
    select: { id: true, name: true, path: true, secretaryId: true, projectActualStart: true },
  });
  const clerk = await db.user.findUnique({ where: { username: 'clerk' }, select: { id: true } });
  const committee = await db.user.findUnique({ where: { username: 'committee' }, select: { id: true } });
  if (!committee) return;
  const evidenceKey = (await putFile(PNG)).key;
  const burstQuarterEnd = periodOf('QUARTER', addDays(periodOf('QUARTER', today).start, -1)).end;
  const burstDay = addDays(burstQuarterEnd, -6);

  const done: {
    id: string;
    orgId: string;
    activity: string;
    completedAt: Date;
    onTime: boolean;
    flag: string | null;
    by: string;
    note: string;
    action: { code: string; title: string; evidence: string; meetingKind: string | null };
  }[] = [];
  const evidence: { taskId: string; fileName: string; by: string }[] = [];
  // Party groups, unions and youth leagues are completed by the branch they belong to, as it behaves.
  const units = await db.organization.findMany({
    where: { status: 'ACTIVE', tasks: { some: {} } },
    select: { id: true, name: true, path: true, secretaryId: true },
  });
  const branchOf = (u: { path: string }) =>
    branches.filter((b) => u.path.startsWith(b.path)).sort((x, y) => y.path.length - x.path.length)[0];
  for (const org of units) {
    const branch = branchOf(org);
    const profile = PROFILES[branch?.name ?? ''] ?? PROFILES.default!;
    const by =
      branch?.name === FIRST_BRANCH_NAME && clerk
        ? clerk.id
        : (org.secretaryId ?? branch?.secretaryId ?? committee.id);
    const tasks = await db.reminderTask.findMany({
      where: { orgId: org.id, status: 'OPEN', periodEnd: { lt: new Date(`${today}T00:00:00Z`) } },
      select: {
        id: true,
        periodStart: true,
        dueDate: true,
        action: { select: { code: true, title: true, evidence: true, meetingKind: true } },
      },
    });
    // Nothing happens in a project's branch before it exists (a month after the project began, as above).
    const opened = branch?.projectActualStart ? addDays(iso(branch.projectActualStart), 30) : '';
    for (const t of tasks) {
      const start = iso(t.periodStart) < opened ? opened : iso(t.periodStart);
      const due = iso(t.dueDate);
      const r = rand();
      const faked = profile.burst && due < burstDay && r < profile.burst;
      if (faked) {
        // Claimed to have happened in its period, recorded in one sitting before the audit.
        const activity = offHoliday(addDays(start, Math.floor(rand() * 5)), due);
        done.push({
          id: t.id,
          orgId: org.id,
          activity,
          completedAt: at(burstDay, 9 + Math.floor(rand() * 8)),
          onTime: false,
          flag: 'BURST',
          by,
          note: noteFor(t.action, Math.floor(rand() * 8)),
          action: t.action,
        });
        continue;
      }
      if (r < profile.onTime + (profile.burst ?? 0)) {
        const span = Math.max(0, Math.round((Date.parse(due) - Date.parse(start)) / 86_400_000));
        const drawn = offHoliday(addDays(start, Math.floor(rand() * (span + 1))), due);
        const activity = customaryDay(t.action.meetingKind, start, due, org.id) ?? drawn;
        const rec = activity > due ? due : addDays(activity, Math.floor(rand() * 2));
        done.push({
          id: t.id,
          orgId: org.id,
          activity,
          completedAt: at(rec > today ? today : rec, 10 + Math.floor(rand() * 8)),
          onTime: true,
          flag: null,
          by,
          note: noteFor(t.action, Math.floor(rand() * 8)),
          action: t.action,
        });
      } else if (r < profile.onTime + (profile.burst ?? 0) + profile.late) {
        const rec = addDays(due, 3 + Math.floor(rand() * 25));
        if (rec >= today) continue;
        const activity = offHoliday(addDays(rec, -1 - Math.floor(rand() * 40)), addDays(rec, -1));
        const lag = Math.round((Date.parse(rec) - Date.parse(activity)) / 86_400_000);
        done.push({
          id: t.id,
          orgId: org.id,
          activity: activity < start ? offHoliday(start, addDays(rec, -1)) : activity,
          completedAt: at(rec, 16),
          onTime: false,
          flag: lag > 30 ? 'LAG' : null,
          by,
          note: '',
          action: t.action,
        });
      }
      // else: missing, left open (overdue).
    }
  }
  for (const d of done)
    if (rand() < 0.6)
      evidence.push({
        taskId: d.id,
        fileName: evidenceNameFor(d.action, Math.floor(rand() * 4)),
        by: d.by,
      });

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
      UPDATE "ReminderTask" t SET status = 'DONE', "activityDate" = v.activity::date, "completedAt" = v.completed, "onTime" = v.on_time,
        "backfillFlag" = v.flag, "completedById" = v.by_id::uuid, note = NULLIF(v.note, '')
      FROM unnest(${done.map((d) => d.id)}::uuid[], ${done.map((d) => d.activity)}::text[], ${done.map((d) => d.completedAt)}::timestamptz[],
        ${done.map((d) => d.onTime)}::boolean[], ${done.map((d) => d.flag)}::text[], ${done.map((d) => d.by)}::text[], ${done.map((d) => d.note)}::text[])
        AS v(id, activity, completed, on_time, flag, by_id, note)
      WHERE t.id = v.id`;
      await tx.evidence.createMany({
        data: evidence.map((e) => ({
          taskId: e.taskId,
          fileName: e.fileName,
          mimeType: 'image/png',
          size: PNG.length,
          sha256: evidenceKey,
          storageKey: evidenceKey,
          uploadedById: e.by,
        })),
      });

      // The committee's reviews: ratings of a sample of done items, a few returned for rework.
      const rated = done.filter((d) => !d.flag && rand() < 0.25);
      const qualities = ['EXCELLENT', 'GOOD', 'GOOD', 'FAIR', 'POOR'] as const;
      for (const d of rated) {
        const q = qualities[Math.floor(rand() * qualities.length)]!;
        await tx.reminderTask.update({ where: { id: d.id }, data: { quality: q } });
        await tx.taskReview.create({
          data: {
            taskId: d.id,
            kind: 'RATING',
            quality: q,
            comment: RATING_COMMENTS[q]!,
            reviewerId: committee.id,
            createdAt: new Date(d.completedAt.getTime() + 3 * 86_400_000),
          },
        });
      }
      // Three of the burst, and one ordinary item in each of four units (the first demo branch among them).
      const firstId = branches.find((b) => b.name === FIRST_BRANCH_NAME)?.id;
      const plain = done.filter((d) => !d.flag && !rated.includes(d));
      const someUnits = [
        firstId,
        ...branches
          .map((b) => b.id)
          .filter((id) => id !== firstId)
          .slice(2, 5),
      ];
      const returned = done
        .filter((d) => d.flag === 'BURST')
        .slice(0, 3)
        .concat(
          someUnits
            .map((id) => plain.filter((d) => d.orgId === id).at(-1))
            .filter((d): d is (typeof done)[number] => !!d),
        );
      for (const [i, d] of returned.entries()) {
        await tx.reminderTask.update({
          where: { id: d.id },
          data: {
            status: 'OPEN',
            completedAt: null,
            completedById: null,
            onTime: null,
            backfillFlag: null,
            returnCount: 1,
          },
        });
        const review = await tx.taskReview.create({
          data: {
            taskId: d.id,
            kind: 'RETURN',
            comment: returnReasonFor(d.action, i),
            reviewerId: committee.id,
            createdAt: new Date(d.completedAt.getTime() + 2 * 86_400_000),
          },
        });
        const action = await tx.reminderTask.findUniqueOrThrow({
          where: { id: d.id },
          select: { action: { select: { title: true } } },
        });
        await notify(tx, {
          userIds: await unitPeople(tx, d.orgId),
          kind: 'RETURNED',
          titleKey: 'notifications.titles.returned',
          params: { action: action.action.title, reason: review.comment },
          link: '/reminders',
          dedupeKey: `returned:${review.id}`,
        });
      }
      // 督办 notices to the weakest units about what is still open.
      for (const org of branches.filter((o) => PROFILES[o.name]?.chased)) {
        const open = await tx.reminderTask.findMany({
          where: { orgId: org.id, status: 'OPEN', dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
          select: { id: true },
          take: 5,
        });
        if (!open.length) continue;
        const notice = await tx.supervisionNotice.create({
          data: {
            orgId: org.id,
            message: '以下事项已逾期，请于本周五前完成并上传佐证材料，逾期将在季度考核中扣分。',
            taskIds: open.map((x) => x.id),
            sentById: committee.id,
            createdAt: at(addDays(today, -5), 9),
          },
        });
        await announceNotice(tx, notice, { robot: false });
      }
      await tx.setting.create({
        data: { key: MARKER, value: { at: now.toISOString(), tasksDone: done.length } },
      });
      await appendTrace(
        tx,
        { id: null, name: 'system' },
        {
          action: 'seed.history',
          entityType: 'System',
          after: {
            tasksDone: done.length,
            evidence: evidence.length,
            rated: rated.length,
            returned: returned.length,
          },
        },
      );
    },
    { timeout: 120_000 },
  );

  await seedSheets(db, branches, [quarterBefore, ...quarters.slice(0, 3)], committee.id, rand);
  await seedAnnouncements(db, committee.id, rand, today);
  await scanDueNotices(db, now);
}

async function seedSheets(
  db: Db,
  branches: { id: string; name: string; secretaryId: string | null }[],
  quarters: string[],
  committeeId: string,
  rand: () => number,
) {
  // Each quarter against the standard in force then (a 2025 quarter against the 2025 version), as openSheet does.
  const standards = new Map<string, { id: string; criteria: ScoringCriterionRow[] }>();
  const standardOf = async (q: string) => {
    const id = await standardIdForPeriod(q, db);
    if (!id) return null;
    if (!standards.has(id)) {
      const s = await db.scoringStandard.findUniqueOrThrow({
        where: { id },
        select: { id: true, categories: { select: { criteria: true } } },
      });
      standards.set(id, { id, criteria: s.categories.flatMap((c) => c.criteria) });
    }
    return standards.get(id)!;
  };
  for (const org of branches) {
    const profile = PROFILES[org.name] ?? PROFILES.default!;
    for (const q of quarters) {
      if (profile.missingSheet === q.slice(-2)) continue;
      const standard = await standardOf(q);
      if (!standard) return;
      const { criteria } = standard;
      const items = criteria.map((c) => {
        // The faker claims near-perfect work; others own up to some shortfalls. Annual criteria: not on a sheet.
        const count = c.annualOnly ? null : seedCount(c, rand, profile.burst ? 0.05 : 0.3, 2);
        const deduction = count === null ? 0 : seedDeduction(c, count, 'QUARTER');
        return {
          criterionId: c.id,
          count,
          deduction,
          reason: deduction ? reasonFor(c.code, count ?? 1) : '',
          taskIds: [] as string[],
        };
      });
      const totals = seedTotals(criteria, (id) => items.find((i) => i.criterionId === id)!.count, 'QUARTER');
      const submittedAt = at(addDays(periodFromKey(q)!.end, 3), 15);
      const by = org.secretaryId ?? committeeId;
      const reopened = profile.reopened === q.slice(-2);
      await db.selfCheckSheet.create({
        data: {
          orgId: org.id,
          periodKey: q,
          standardId: standard.id,
          status: 'SUBMITTED',
          ...totals,
          createdById: by,
          submittedAt,
          submittedById: by,
          supersededAt: reopened ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
          items: { create: items },
        },
      });
      if (reopened) {
        // The committee found two 支委会 missing from the claim: C3.2 carries them, and the total follows.
        const c22 = criteria.find((c) => c.code === 'C3.2') ?? criteria[0]!;
        const revised = items.map((i) =>
          i.criterionId === c22.id
            ? {
                ...i,
                count: (i.count ?? 0) + 2,
                deduction: seedDeduction(c22, (i.count ?? 0) + 2, 'QUARTER'),
                reason: '支委会少开两次（已核实）',
              }
            : i,
        );
        const again = seedTotals(
          criteria,
          (id) => revised.find((i) => i.criterionId === id)!.count,
          'QUARTER',
        );
        await db.selfCheckSheet.create({
          data: {
            orgId: org.id,
            periodKey: q,
            revision: 2,
            standardId: standard.id,
            status: 'SUBMITTED',
            ...again,
            createdById: committeeId,
            reopenReason: '“三会一课”扣分与台账不符，请核实后重新提交',
            submittedAt: new Date(submittedAt.getTime() + 5 * 86_400_000),
            submittedById: by,
            items: { create: revised },
          },
        });
      }
    }
  }
}

async function seedAnnouncements(db: Db, authorId: string, rand: () => number, today: string) {
  const root = await db.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  if (!root) return;
  for (const [i, write] of ANNOUNCEMENTS.entries()) {
    const a = write(today);
    const target =
      a.target === 'root'
        ? root
        : await db.organization.findFirst({ where: { name: a.target }, select: { id: true, path: true } });
    if (!target) continue;
    const people = await db.$queryRaw<{ id: string; orgId: string | null }[]>`
      SELECT DISTINCT u.id::text AS id, u."orgId"::text AS "orgId" FROM "User" u LEFT JOIN "RoleAssignment" ra ON ra."userId" = u.id
      LEFT JOIN "Organization" mo ON mo.id = u."orgId" LEFT JOIN "Organization" ro ON ro.id = ra."orgId"
      WHERE u.active AND (mo.path LIKE ${`${target.path}%`} OR ro.path LIKE ${`${target.path}%`})`;
    const createdAt = at(a.day, 9);
    // The newest one is still unread by the demo branch accounts, so their bell has something to show.
    const unread =
      i === 0
        ? new Set(
            (
              await db.user.findMany({
                where: { username: { in: ['secretary', 'clerk', 'member'] } },
                select: { id: true },
              })
            ).map((u) => u.id),
          )
        : new Set<string>();
    const receipts = people.map((p) => ({
      userId: p.id,
      orgId: p.orgId,
      readAt:
        !unread.has(p.id) && rand() < a.readShare
          ? new Date(createdAt.getTime() + (1 + i) * 3_600_000)
          : null,
    }));
    const ann = await db.announcement.create({
      data: {
        title: a.title,
        body: a.body,
        targetOrgIds: [target.id],
        authorId,
        orgPath: root.path,
        createdAt,
        recipients: { create: receipts },
      },
    });
    await db.notification.createMany({
      data: receipts.map((r) => ({
        userId: r.userId,
        kind: 'ANNOUNCEMENT',
        titleKey: 'notifications.titles.announcement',
        params: { title: a.title },
        link: `/announcements/${ann.id}`,
        dedupeKey: `announcement:${ann.id}`,
        createdAt,
        readAt: r.readAt,
      })),
      skipDuplicates: true,
    });
  }
}
