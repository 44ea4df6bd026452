import 'server-only';
import { db } from '../db';
import { type Subject, assertCan, can, canAttendTraining, scopeOrgs } from '../policy';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { likeLiteral, PICKER_MAX } from '../orgs/rules';
import { CHOICE_HITS } from '../orgs/queries/choices';
import { Prisma } from '../generated/prisma/client';
import { audienceOf, invitees, inviteeRows, signInProblem } from './mutations';

const rate = (attended: number, invited: number) =>
  invited ? Math.round((1000 * attended) / invited) / 10 : null;

async function memberPath(db: Db, userId: string) {
  return (
    (await db.user.findUnique({ where: { id: userId }, select: { org: { select: { path: true } } } }))?.org
      ?.path ?? null
  );
}

export async function trainingListFor(user: Subject, client: Db = db) {
  assertCan(user, 'learning.read');
  const sessions = await client.trainingSession.findMany({
    orderBy: { startsAt: 'desc' },
    take: 100,
    include: { attendances: { where: { userId: user.id }, select: { userId: true } } },
  });
  // Each class's invitees and how many of them came, and the invited units' paths: two statements for the list.
  const [counts, units, member] = await Promise.all([
    client.$queryRaw<{ sid: string; invited: number; attended: number }[]>`
      ${inviteeRows(Prisma.sql`SELECT id, "invitedOrgIds", "invitedUserIds" FROM "TrainingSession"
        WHERE id = ANY(${sessions.map((s) => s.id)}::uuid[])`)}
      SELECT inv.sid, count(*)::int AS invited, count(a."userId")::int AS attended
      FROM inv LEFT JOIN "TrainingAttendance" a ON a."sessionId" = inv.sid AND a."userId" = inv.uid
      GROUP BY inv.sid`,
    client.organization.findMany({
      where: { id: { in: [...new Set(sessions.flatMap((s) => s.invitedOrgIds))] } },
      select: { id: true, path: true },
    }),
    memberPath(client, user.id),
  ]);
  const countOf = new Map(counts.map((c) => [c.sid, c]));
  const pathOf = new Map(units.map((o) => [o.id, o.path]));
  const rows = sessions.map((s) => {
    const { invited, attended } = countOf.get(s.id) ?? { invited: 0, attended: 0 };
    const targetPaths = s.invitedOrgIds.flatMap((id) => pathOf.get(id) ?? []);
    return {
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place,
      online: !!s.onlineUrl,
      lecturer: s.lecturer,
      invited,
      attended,
      rate: rate(attended, invited),
      mine: canAttendTraining(user, { targetPaths, userIds: s.invitedUserIds }, member),
      signedIn: s.attendances.length > 0,
    };
  });
  return { rows, manager: can(user, 'learning.manage') };
}

export async function trainingViewFor(user: Subject, id: string, client: Db = db) {
  assertCan(user, 'learning.read');
  const s = await client.trainingSession.findUnique({ where: { id }, include: { attendances: true } });
  if (!s) throw new NotFoundError();
  const manager = can(user, 'learning.manage', { id: '', path: s.orgPath });
  const [arts, people, orgs, exams] = await Promise.all([
    client.article.findMany({
      where: { key: { in: s.articleKeys }, version: { status: 'PUBLISHED' } },
      select: { key: true, number: true, title: true },
      orderBy: { number: 'asc' },
    }),
    invitees(client, s),
    client.organization.findMany({
      where: { id: { in: s.invitedOrgIds } },
      select: { id: true, name: true },
    }),
    client.exam.findMany({
      where: { trainingId: s.id },
      select: { id: true, title: true, opensAt: true, closesAt: true },
    }),
  ]);
  const mine = canAttendTraining(user, await audienceOf(client, s), await memberPath(client, user.id));
  const attendance = new Map(s.attendances.map((a) => [a.userId, a]));
  const attended = people.filter((p) => attendance.has(p.id)).length;
  return {
    session: { ...s, signInToken: manager ? s.signInToken : null, attendances: undefined },
    articles: arts,
    invitedOrgs: orgs.map((o) => o.name),
    exams,
    mine,
    manager,
    signedIn: attendance.get(user.id) ?? null,
    invited: people.length,
    attended,
    rate: rate(attended, people.length),
    people: manager
      ? people.map((p) => ({
          id: p.id,
          name: p.name,
          unit: p.org?.name ?? '—',
          attendance: attendance.get(p.id) ?? null,
        }))
      : [],
  };
}

/**
 * Per branch over the classes that started in `year`: invitations, attendances, rate. A person counts
 * for the branch (or general branch) their unit belongs to, so party groups roll up into their branch.
 */
export async function attendanceByOrgFor(user: Subject, year: number, client: Db = db) {
  assertCan(user, 'learning.manage');
  const from = new Date(Date.UTC(year, 0, 1, -8));
  const to = new Date(Date.UTC(year + 1, 0, 1, -8));
  const [sessions, units] = await Promise.all([
    client.trainingSession.count({ where: { startsAt: { gte: from, lt: to } } }),
    // Invitations and attendances by the invitee's unit, then by the nearest branch (or general branch) that is
    // the unit or above it — a party group's people count for its branch — else the unit itself.
    client.$queryRaw<{ unitId: string | null; name: string | null; invited: number; attended: number }[]>`
      ${inviteeRows(Prisma.sql`SELECT id, "invitedOrgIds", "invitedUserIds" FROM "TrainingSession"
        WHERE "startsAt" >= ${from} AND "startsAt" < ${to}`)},
      counted AS (
        SELECT inv."orgId", count(*) AS invited, count(a."userId") AS attended
        FROM inv LEFT JOIN "TrainingAttendance" a ON a."sessionId" = inv.sid AND a."userId" = inv.uid
        GROUP BY inv."orgId")
      SELECT b.id AS "unitId", b.name, sum(c.invited)::int AS invited, sum(c.attended)::int AS attended
      FROM counted c LEFT JOIN "Organization" o ON o.id = c."orgId"
      LEFT JOIN LATERAL (
        SELECT x.id, x.name FROM "Organization" x
        WHERE x.id = o.id OR (x.id = ANY(string_to_array(trim(BOTH '/' FROM o.path), '/')::uuid[])
          AND x.type IN ('BRANCH', 'GENERAL_BRANCH'))
        ORDER BY x.type IN ('BRANCH', 'GENERAL_BRANCH') DESC, x.depth DESC LIMIT 1) b ON TRUE
      GROUP BY b.id, b.name`,
  ]);
  return {
    sessions,
    rows: units
      .map((o) => ({
        name: o.name ?? '—',
        invited: o.invited,
        attended: o.attended,
        rate: rate(o.attended, o.invited),
      }))
      .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** A class's material, to anyone who may read learning content. */
export async function trainingMaterialFor(user: Subject, id: string, index: number, client: Db = db) {
  assertCan(user, 'learning.read');
  const s = await client.trainingSession.findUnique({
    where: { id },
    select: { materialKeys: true, materialNames: true, materialTypes: true },
  });
  const storageKey = s?.materialKeys[index];
  if (!s || !storageKey) throw new NotFoundError();
  const fileName = s.materialNames[index] ?? 'download';
  return { storageKey, fileName, mimeType: s.materialTypes[index] ?? 'application/octet-stream' };
}

/** Whom a class may invite by name: the active accounts of the units the organizer manages. */
const invitable = (user: Subject) => ({ active: true, org: scopeOrgs(user, 'learning.manage') });
const invitee = (u: { id: string; name: string; org: { name: string } | null }) => ({
  id: u.id,
  name: u.name,
  depth: 0,
  path: `/${u.id}/`,
  trail: u.org?.name ?? '—',
});

/**
 * The people a new class may invite (components/org-tree-picker's choices: each a name with its unit as the trail):
 * all of them while they fit in one list, else none listed and the form searches them by name (a company's 100,000
 * accounts; the first 2,000 were 431 KB of the page and the rest could not be invited).
 */
export async function invitablePeopleFor(user: Subject, client: Db = db, max = PICKER_MAX) {
  assertCan(user, 'learning.manage');
  const total = await client.user.count({ where: invitable(user) });
  if (total > max) return { units: [], search: '/api/training/invitees' };
  const users = await client.user.findMany({
    where: invitable(user),
    select: { id: true, name: true, org: { select: { name: true } } },
    orderBy: [{ orgId: 'asc' }, { name: 'asc' }],
  });
  return { units: users.map(invitee) };
}

/** People a class may invite whose name or account holds `q` (as typed), at most CHOICE_HITS, by name. */
export async function searchInvitees(user: Subject, q: string, client: Db = db) {
  assertCan(user, 'learning.manage');
  const text = likeLiteral(q);
  const users = await client.user.findMany({
    where: {
      AND: [invitable(user), { OR: [{ name: { contains: text } }, { username: { contains: text } }] }],
    },
    select: { id: true, name: true, org: { select: { name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: CHOICE_HITS + 1,
  });
  return { units: users.slice(0, CHOICE_HITS).map(invitee), more: users.length > CHOICE_HITS };
}

/** The sign-in page: the class, whether I am already signed in, and what stands in the way if anything. */
export async function signInViewFor(
  user: Subject,
  id: string,
  token: string,
  now = new Date(),
  client: Db = db,
) {
  assertCan(user, 'learning.read');
  const s = await client.trainingSession.findUnique({ where: { id } });
  if (!s) throw new NotFoundError();
  const mine = await client.trainingAttendance.findUnique({
    where: { sessionId_userId: { sessionId: id, userId: user.id } },
  });
  return {
    session: {
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place,
      lecturer: s.lecturer,
    },
    signedAt: mine?.signedAt ?? null,
    problem: mine ? null : await signInProblem(client, user, s, token, now),
  };
}
