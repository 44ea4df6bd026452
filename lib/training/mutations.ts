/**
 * 解标培训班: the committee sets a class (time, place or link, lecturer, articles, materials,
 * invitees) and attendance is recorded two ways — the invitee scans the QR code shown at the class
 * (a code that changes every 30 s, lib/training/rotating.ts; signing in needs a fresh one, an invitation and the window:
 * from SIGN_IN_OPENS_MIN before the start to the end), or the organizer records people from the
 * list. One row per person and class: the first record stands, a repeated scan changes nothing.
 */
import { notify } from '../channels/notify';
import { randomBytes } from 'node:crypto';
import { trace } from '../audit-log';
import type { Db, Tx } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { checkUploads, type Upload } from '../files/uploads';
import type { ActionContext } from '../action-context';
import { Prisma, type TrainingSession } from '../generated/prisma/client';
import { assertCan, assertCanCompanyWide, canAttendTraining, type Subject } from '../policy';
import { putFile } from '../storage';
import { checkSignInCode } from './rotating';
import type { TCreateTraining } from './schema';

export const SIGN_IN_OPENS_MIN = 30;
const CST_INVITE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

export async function createTraining(
  db: Db,
  ctx: ActionContext,
  input: TCreateTraining,
  materials: Upload[],
) {
  const root = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  const found = await db.article.findMany({
    where: { id: { in: input.articleIds }, version: { status: 'PUBLISHED' } },
    select: { id: true, key: true },
  });
  // In the order the committee chose them (a query's rows come in whatever order its plan gives).
  const arts = [...new Set(input.articleIds)].flatMap((id) => found.filter((a) => a.id === id));
  if (arts.length !== new Set(input.articleIds).size) throw new UserError('training.errors.notPublished');
  const [orgs, users] = await Promise.all([
    db.organization.count({ where: { id: { in: input.invitedOrgIds } } }),
    db.user.count({ where: { id: { in: input.invitedUserIds }, active: true } }),
  ]);
  if (orgs !== new Set(input.invitedOrgIds).size || users !== new Set(input.invitedUserIds).size)
    throw new UserError('training.errors.unknownInvitee');
  const checked = checkUploads(materials, { area: 'training', maxFiles: 10, maxBytes: MAX_MATERIAL_BYTES });
  const stored = await Promise.all(checked.map((f) => putFile(f.bytes)));
  return db.$transaction(async (tx) => {
    const s = await tx.trainingSession.create({
      data: {
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        onlineUrl: input.onlineUrl,
        lecturer: input.lecturer,
        articleKeys: arts.map((a) => a.key),
        materialKeys: stored.map((f) => f.key),
        materialNames: checked.map((f) => f.name.slice(0, 200)),
        materialTypes: checked.map((f) => f.mimeType),
        invitedOrgIds: [...new Set(input.invitedOrgIds)],
        invitedUserIds: [...new Set(input.invitedUserIds)],
        signInToken: randomBytes(18).toString('base64url'),
        orgPath: root.path,
        createdById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'training.create', 'TrainingSession', s.id, {
      orgPath: root.path,
      after: { ...input, materials: stored.map((f) => f.sha256) },
    });
    // 培训邀请: each invitee's notification centre, and their e-mail or task card where they keep it on.
    const people = await invitees(tx, s);
    const sent = await notify(tx, {
      userIds: people.map((p) => p.id),
      kind: 'TRAINING',
      titleKey: 'notifications.titles.training',
      params: { title: s.title, when: CST_INVITE.format(s.startsAt), place: s.place ?? s.onlineUrl ?? '' },
      link: `/learning/training/${s.id}`,
      dedupeKey: `training:${s.id}`,
    });
    return { id: s.id, deliveryIds: sent.deliveryIds };
  });
}

/**
 * The invitees of the classes that `sessions` selects (columns id, "invitedOrgIds", "invitedUserIds"), as the CTE
 * `inv` (sid, uid, "orgId"): active users named by the class, or whose unit or one of whose roles' units lies under
 * an invited unit. One statement for any number of classes: the ORM's form of it (a user's unit or roles under any
 * of the units, OR-ed) scanned all 100,000 accounts once a class, 90–150 ms each, on every view of the class list.
 */
export const inviteeRows = (sessions: Prisma.Sql) => Prisma.sql`
  WITH s AS (${sessions}),
  t AS (SELECT s.id AS sid, o.path FROM s JOIN "Organization" o ON o.id = ANY(s."invitedOrgIds")),
  inv AS (
    SELECT s.id AS sid, u.id AS uid, u."orgId" FROM s JOIN "User" u ON u.id = ANY(s."invitedUserIds") AND u.active
    UNION
    SELECT t.sid, u.id, u."orgId" FROM t JOIN "Organization" uo ON uo.path LIKE t.path || '%'
      JOIN "User" u ON u."orgId" = uo.id AND u.active
    UNION
    SELECT t.sid, u.id, u."orgId" FROM t JOIN "Organization" ro ON ro.path LIKE t.path || '%'
      JOIN "RoleAssignment" ra ON ra."orgId" = ro.id JOIN "User" u ON u.id = ra."userId" AND u.active)`;

/** The people a class invites (see inviteeRows), by unit, then name. */
export async function invitees(db: Db | Tx, s: { invitedOrgIds: string[]; invitedUserIds: string[] }) {
  const rows = await db.$queryRaw<
    { id: string; name: string; orgId: string | null; orgName: string | null }[]
  >`
    ${inviteeRows(Prisma.sql`SELECT NULL::uuid AS id, ${s.invitedOrgIds}::uuid[] AS "invitedOrgIds",
      ${s.invitedUserIds}::uuid[] AS "invitedUserIds"`)}
    SELECT u.id, u.name, u."orgId", o.name AS "orgName"
    FROM inv JOIN "User" u ON u.id = inv.uid LEFT JOIN "Organization" o ON o.id = u."orgId"
    ORDER BY u."orgId", u.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.orgId,
    org: r.orgName === null ? null : { name: r.orgName },
  }));
}

export async function audienceOf(db: Db | Tx, s: { invitedOrgIds: string[]; invitedUserIds: string[] }) {
  const orgs = await db.organization.findMany({
    where: { id: { in: s.invitedOrgIds } },
    select: { path: true },
  });
  return { targetPaths: orgs.map((o) => o.path), userIds: s.invitedUserIds };
}

async function memberOrg(db: Db | Tx, userId: string) {
  return (
    (
      await db.user.findUnique({
        where: { id: userId },
        select: { org: { select: { id: true, path: true } } },
      })
    )?.org ?? null
  );
}

type Problem = { key: string; params?: Record<string, number> };

/** Why `user` may not sign in to `s` with `token` at `now` (a message key), or null. The page and the action share it. */
export async function signInProblem(
  db: Db | Tx,
  user: Subject,
  s: TrainingSession,
  token: string,
  now: Date,
): Promise<Problem | null> {
  const code = s.signInToken ? checkSignInCode(s.signInToken, s.id, token, now) : 'bad';
  if (code === 'bad') return { key: 'training.errors.badCode' };
  if (code === 'expired') return { key: 'training.errors.codeExpired' };
  const org = await memberOrg(db, user.id);
  if (!canAttendTraining(user, await audienceOf(db, s), org?.path))
    return { key: 'training.errors.notInvited' };
  if (now.getTime() < s.startsAt.getTime() - SIGN_IN_OPENS_MIN * 60_000)
    return { key: 'training.errors.notYet', params: { minutes: SIGN_IN_OPENS_MIN } };
  if (now > s.endsAt) return { key: 'training.errors.over' };
  return null;
}

/** Self sign-in from the QR code. Returns whether this call recorded it (false: already signed in). */
export async function signIn(
  db: Db,
  ctx: ActionContext,
  input: { sessionId: string; token: string },
  now = new Date(),
) {
  const s = await db.trainingSession.findUnique({ where: { id: input.sessionId } });
  if (!s) throw new NotFoundError();
  const problem = await signInProblem(db, ctx.user, s, input.token, now);
  if (problem) throw new UserError(problem.key, problem.params);
  const org = await memberOrg(db, ctx.user.id);
  return db.$transaction(async (tx) => {
    const r = await tx.trainingAttendance.createMany({
      data: [
        {
          sessionId: s.id,
          userId: ctx.user.id,
          orgId: org?.id ?? null,
          method: 'SELF',
          signedAt: now,
          recordedById: ctx.user.id,
        },
      ],
      skipDuplicates: true,
    });
    if (r.count)
      await trace(tx, ctx.actor, 'training.signIn', 'TrainingSession', s.id, {
        orgPath: s.orgPath,
        after: { userId: ctx.user.id, at: now.toISOString() },
      });
    return { recorded: r.count === 1 };
  });
}

/** The organizer records invitees as present (a paper list, someone without a phone); from the sign-in window on. */
export async function recordAttendance(
  db: Db,
  ctx: ActionContext,
  input: { sessionId: string; userIds: string[] },
  now = new Date(),
) {
  const s = await db.trainingSession.findUnique({ where: { id: input.sessionId } });
  if (!s) throw new NotFoundError();
  assertCan(ctx.user, 'learning.manage', { id: '', path: s.orgPath });
  if (now.getTime() < s.startsAt.getTime() - SIGN_IN_OPENS_MIN * 60_000)
    throw new UserError('training.errors.notYet', { minutes: SIGN_IN_OPENS_MIN });
  const invited = new Map((await invitees(db, s)).map((u) => [u.id, u]));
  const outsider = input.userIds.find((id) => !invited.has(id));
  if (outsider) throw new UserError('training.errors.personNotInvited');
  return db.$transaction(async (tx) => {
    const r = await tx.trainingAttendance.createMany({
      data: [...new Set(input.userIds)].map((id) => ({
        sessionId: s.id,
        userId: id,
        orgId: invited.get(id)!.orgId,
        method: 'ORGANIZER' as const,
        signedAt: now,
        recordedById: ctx.user.id,
      })),
      skipDuplicates: true,
    });
    await trace(tx, ctx.actor, 'training.record', 'TrainingSession', s.id, {
      orgPath: s.orgPath,
      after: { userIds: input.userIds, recorded: r.count },
    });
    return { recorded: r.count };
  });
}
