/**
 * Server-side sessions behind the signed JWT cookie: the cookie names a UserSession row, and a request counts as
 * signed in only while that row is open. So a session can be ended from elsewhere — by its owner, a password change
 * or reset, a deactivation, a role removed, or the concurrent-session limit — and it ends at once, on every app
 * instance. The idle (30 min) and absolute (12 h) limits stay in the cookie's clock (lib/auth/config.ts).
 */
import { z } from 'zod';
import type { Db, Tx } from '../db/client';
import { type Actor, trace } from '../audit-log';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './rules';

export const END_REASONS = [
  'logout',
  'ended-by-owner',
  'password-changed',
  'password-reset',
  'deactivated',
  'role-removed',
  'factors-reset',
  'factor-lockout',
  'limit',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const SESSION_SETTING = 'security.sessions';
export const ZSessionSetting = z.object({ limit: z.coerce.number().int().min(1).max(20) }).strict();
export const DEFAULT_SESSION_LIMIT = 3;
/** How often a request refreshes its session's "last seen" (one write a minute, not one per request). */
const TOUCH_MS = 60_000;

export async function sessionLimit(client: Db | Tx): Promise<number> {
  const s = await client.setting.findUnique({ where: { key: SESSION_SETTING } });
  const parsed = ZSessionSetting.safeParse(s?.value);
  return parsed.success ? parsed.data.limit : DEFAULT_SESSION_LIMIT;
}

/** A session is live while open and within its idle and absolute limits. */
const liveSince = (now: Date) => ({
  endedAt: null,
  lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
  createdAt: { gt: new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS) },
});

/**
 * Opens a session at sign-in (inside the sign-in's transaction) and ends the oldest live ones beyond the limit.
 * Returns the new session's id and the ids it ended.
 */
export async function openSession(
  tx: Tx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
  factorOwed: 'verify' | 'enrol' | null = null,
): Promise<{ id: string; ended: string[] }> {
  const row = await tx.userSession.create({
    data: {
      userId,
      factorOwed,
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  // A session that still owes a second factor ends nobody: a password alone must not sign the person out elsewhere.
  const ended = factorOwed ? [] : await enforceSessionLimit(tx, userId, row.id, now);
  return { id: row.id, ended };
}

/**
 * A sign-in's session opened and traced (`auth.login`) in the sign-in's transaction: password or company (`via`).
 * Returns the session's id.
 */
export async function openTracedSession(
  tx: Tx,
  actor: Actor,
  who: { id: string; orgPath: string | null },
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
  owed: 'verify' | 'enrol' | null,
  via?: string,
): Promise<string> {
  const session = await openSession(tx, who.id, meta, now, owed);
  await trace(tx, actor, 'auth.login', 'User', who.id, {
    orgPath: who.orgPath,
    after: {
      session: session.id,
      ...(via ? { via } : {}),
      ...(owed ? { secondFactor: owed } : {}),
      ...(session.ended.length ? { endedByLimit: session.ended } : {}),
    },
  });
  return session.id;
}

/** Ends the person's oldest live sessions beyond the limit, keeping `keep`; returns the ids it ended. */
export async function enforceSessionLimit(tx: Tx, userId: string, keep: string, now = new Date()) {
  const limit = await sessionLimit(tx);
  const live = await tx.userSession.findMany({
    where: { userId, ...liveSince(now), factorOwed: null },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
    select: { id: true },
  });
  const over = live.filter((s) => s.id !== keep).slice(Math.max(0, limit - 1));
  if (over.length)
    await tx.userSession.updateMany({
      where: { id: { in: over.map((s) => s.id) } },
      data: { endedAt: now, endReason: 'limit' },
    });
  return over.map((s) => s.id);
}

/** The session a server action runs in (CurrentUser carries it; the seed, imports and tests act without one). */
export const sessionOf = (user: object): string | undefined =>
  'sessionId' in user && typeof user.sessionId === 'string' ? user.sessionId : undefined;

/** Ends a person's open sessions (all, or all but `except`); returns how many. */
export async function endSessions(
  tx: Tx | Db,
  userId: string,
  reason: EndReason,
  except?: string,
): Promise<number> {
  const r = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return r.count;
}

/**
 * Whether the cookie's session is still open for this person, and what it still owes (a second factor);
 * refreshes its "last seen" at most once a minute. A cookie without a session id is not signed in.
 */
export async function sessionIsOpen(
  client: Db,
  sessionId: string | undefined,
  userId: string,
  now = new Date(),
): Promise<false | { factorOwed: 'verify' | 'enrol' | null }> {
  if (!sessionId || !z.uuid().safeParse(sessionId).success) return false;
  const s = await client.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, lastSeenAt: true, factorOwed: true },
  });
  if (!s || s.userId !== userId || s.endedAt) return false;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_MS)
    await client.userSession.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { lastSeenAt: now },
    });
  return { factorOwed: s.factorOwed === 'verify' || s.factorOwed === 'enrol' ? s.factorOwed : null };
}

/** A short device label from a user agent: browser and system, enough to tell one's own sessions apart. */
export function deviceLabel(ua: string | null): string {
  if (!ua) return '—';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  const app = /wxwork/i.test(ua)
    ? '企业微信'
    : /DingTalk/i.test(ua)
      ? '钉钉'
      : /Lark|Feishu/i.test(ua)
        ? '飞书'
        : /Edg\//.test(ua)
          ? 'Edge'
          : /Chrome\//.test(ua)
            ? 'Chrome'
            : /Firefox\//.test(ua)
              ? 'Firefox'
              : /Safari\//.test(ua)
                ? 'Safari'
                : '';
  return [app, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}

export type SessionPerson = {
  factorOwed: 'verify' | 'enrol' | null;
  user: {
    id: string;
    name: string;
    username: string;
    mustChangePassword: boolean;
    passwordChangedAt: Date;
    org: { id: string; name: string; path: string } | null;
  };
  grants: { role: string; orgId: string; orgPath: string; orgName: string }[];
};

/**
 * The person behind an open session, in ONE query (issue 17.3): the session row, its user with their unit, and their
 * roles with each role's unit — what every request needs before its own work. null when the session is ended, is
 * another person's, or its user is disabled. Refreshes the session's "last seen" at most once a minute.
 */
export async function sessionPerson(
  client: Db,
  sessionId: string | undefined,
  userId: string,
  now = new Date(),
): Promise<SessionPerson | null> {
  if (!sessionId || !z.uuid().safeParse(sessionId).success) return null;
  const rows = await client.$queryRaw<
    {
      userId: string;
      endedAt: Date | null;
      lastSeenAt: Date;
      factorOwed: string | null;
      active: boolean;
      name: string;
      username: string;
      mustChangePassword: boolean;
      passwordChangedAt: Date;
      orgId: string | null;
      orgName: string | null;
      orgPath: string | null;
      grants: SessionPerson['grants'];
    }[]
  >`
    SELECT s."userId", s."endedAt", s."lastSeenAt", s."factorOwed",
           u.active, u.name, u.username, u."mustChangePassword", u."passwordChangedAt",
           o.id AS "orgId", o.name AS "orgName", o.path AS "orgPath",
           coalesce((
             SELECT json_agg(json_build_object('role', r.role, 'orgId', r."orgId", 'orgPath', ro.path, 'orgName', ro.name)
                             ORDER BY r."createdAt", r.id)
             FROM "RoleAssignment" r JOIN "Organization" ro ON ro.id = r."orgId"
             WHERE r."userId" = u.id), '[]'::json) AS grants
    FROM "UserSession" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Organization" o ON o.id = u."orgId"
    WHERE s.id = ${sessionId}::uuid`;
  const r = rows[0];
  if (!r || r.userId !== userId || r.endedAt || !r.active) return null;
  if (now.getTime() - r.lastSeenAt.getTime() > TOUCH_MS)
    await client.userSession.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { lastSeenAt: now },
    });
  return {
    factorOwed: r.factorOwed === 'verify' || r.factorOwed === 'enrol' ? r.factorOwed : null,
    user: {
      id: userId,
      name: r.name,
      username: r.username,
      mustChangePassword: r.mustChangePassword,
      passwordChangedAt: r.passwordChangedAt,
      org: r.orgId ? { id: r.orgId, name: r.orgName!, path: r.orgPath! } : null,
    },
    grants: r.grants,
  };
}
