/**
 * Checks a username and password, counting failures in the database so that limits hold across app instances:
 *  - per account: 5 wrong passwords lock it for 15 minutes (the User row, locked FOR NO KEY UPDATE while judged —
 *    not FOR UPDATE, which also blocks the key-share lock every trace insert takes on its actor);
 *  - per unknown username: the same count and the same answer, so the reply never tells whether an account exists;
 *  - per client IP: IP_MAX_FAILURES failures in IP_WINDOW_MINUTES refuse every attempt from it for LOCK_MINUTES,
 *    without checking a password (a flood costs no argon2); at most IP_MAX_IN_FLIGHT of its attempts are checked at
 *    once, so a parallel burst gets at most that many guesses past the lock before it lands.
 * A success (and an account's lockout) goes to the hash-chained trace; failures and refusals go to SecurityEvent,
 * which takes no chain lock, so a flood of failed sign-ins never queues the portal's writes behind it.
 */
import type { Db, Tx } from '../db/client';
import { appendTrace, type Actor, trace } from '../audit-log';
import { dummyHash, verifyPassword } from './password';
import { afterFailure, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS, type LockState } from './rules';
import { owedAtSignIn } from './factors';
import { openTracedSession } from './sessions';

export const IP_MAX_FAILURES = 20;
export const IP_WINDOW_MINUTES = 15;
/** Sign-ins from one address checked at the same moment, at most (a site's NAT in front of a class of 50). */
export const IP_MAX_IN_FLIGHT = 60;

export type LoginResult =
  | { ok: true; user: { id: string; name: string; username: string }; sessionId: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'busy' };

type Row = {
  id: string;
  name: string;
  username: string;
  passwordHash: string;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  orgPath: string | null;
};
type Meta = { ip: string | null; userAgent: string | null };

export async function securityEvent(
  client: Db | Tx,
  kind:
    | 'login.failed'
    | 'login.throttled'
    | 'password.currentWrong'
    | 'factor.failed'
    | 'sso.failed'
    | 'access.denied',
  e: { username: string; userId?: string | null; detail?: object } & Meta,
) {
  await client.securityEvent.create({
    data: {
      kind,
      username: e.username.slice(0, 64),
      userId: e.userId ?? null,
      ip: e.ip?.slice(0, 64) ?? null,
      userAgent: e.userAgent?.slice(0, 300) ?? null,
      detail: e.detail ?? undefined,
    },
  });
}

/**
 * One more wrong secret (a current password on 修改密码, a second-factor code) on the person's row, judged as a
 * sign-in's: the count and lock updated, a security event written, a lockout traced. Inside the caller's
 * transaction, on the row it has locked. Returns the new state.
 */
export async function countWrongSecret(
  tx: Tx,
  who: { id: string; username: string; orgPath: string | null | undefined; state: LockState },
  actor: Actor,
  e: { kind: 'password.currentWrong' | 'factor.failed'; by: string; detail?: object },
  now: Date,
) {
  const next = afterFailure(who.state, now);
  await tx.user.update({
    where: { id: who.id },
    data: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
  });
  await securityEvent(tx, e.kind, {
    username: who.username,
    userId: who.id,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    detail: { ...e.detail, failedLogins: next.failedLogins },
  });
  if (next.lockedNow)
    await trace(tx, actor, 'auth.lockout', 'User', who.id, {
      orgPath: who.orgPath ?? null,
      after: { lockedUntil: next.lockedUntil, by: e.by },
    });
  return next;
}

/** Whether a throttle key is locked now. */
async function throttled(client: Db | Tx, key: string, now: Date) {
  const row = await client.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

/**
 * One more failure on a key; locks it at `max`. A count starts afresh once a lock on it has run out, and, with a
 * window, once the window since its first failure has passed. Returns whether the key is locked now.
 */
async function countFailure(
  client: Db | Tx,
  key: string,
  max: number,
  windowMinutes: number | null,
  now: Date,
) {
  const windowStart = new Date(now.getTime() - (windowMinutes ?? 1e9) * 60_000);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // Whether the stored count starts afresh, read from the row being updated (its latest version under concurrency).
  const rows = await client.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."lockedUntil" <= ${now}
        THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."lockedUntil" <= ${now}
        THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."lockedUntil" <= ${now}
          THEN 1 ELSE "LoginThrottle".failures + 1 END) >= ${max} THEN ${lockUntil}::timestamptz
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."lockedUntil" <= ${now} THEN NULL
        ELSE "LoginThrottle"."lockedUntil" END
    RETURNING "lockedUntil"`;
  const until = rows[0]?.lockedUntil;
  return !!until && until > now;
}

export async function attemptLogin(
  client: Db,
  input: { username: string; password: string; ip?: string | null; userAgent?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().slice(0, 64);
  const meta: Meta = { ip: input.ip ?? null, userAgent: input.userAgent ?? null };
  const ipKey = meta.ip ? `ip:${meta.ip}` : null;
  const now = new Date();
  if (ipKey && (await throttled(client, ipKey, now))) {
    await securityEvent(client, 'login.throttled', { username, ...meta, detail: { by: 'ip' } });
    return { ok: false, reason: 'locked' };
  }
  // Sign-ins from one address being checked at once are counted, so a burst of parallel guesses cannot all pass the
  // check above before the failures' lock lands: beyond IP_MAX_IN_FLIGHT the attempt is refused for now (no lock).
  // A class of 50 phones behind one site's NAT signing in at once stays under it; failures are counted after the check.
  const busy = meta.ip ? await enterBusy(client, meta.ip) : null;
  if (busy && busy.inFlight > IP_MAX_IN_FLIGHT) {
    await leaveBusy(client, busy.key);
    await securityEvent(client, 'login.throttled', { username, ...meta, detail: { by: 'ip-in-flight' } });
    return { ok: false, reason: 'busy' };
  }
  try {
    const result = await checkCredentials(client, username, input.password, meta, now);
    if (!result.ok && ipKey) await countFailure(client, ipKey, IP_MAX_FAILURES, IP_WINDOW_MINUTES, now);
    return result;
  } finally {
    if (busy) await leaveBusy(client, busy.key);
  }
}

/**
 * One more sign-in of this address being checked. Counted per minute of the database's clock (`busy:<ip>:<minute>`),
 * and in flight are this minute's and the last one's: a count that a crashed process or a lost connection never gave
 * back lapses within two minutes however busy the address stays. Older minutes of the address are deleted when a
 * new minute starts.
 */
async function enterBusy(client: Db, ip: string): Promise<{ key: string; inFlight: number }> {
  const rows = await client.$queryRaw<{ key: string; inFlight: number; fresh: boolean }[]>`
    WITH m AS (SELECT floor(extract(epoch FROM now()) / 60)::bigint AS n),
    ins AS (
      INSERT INTO "LoginThrottle" (key, failures, "windowStart")
      SELECT 'busy:' || ${ip} || ':' || m.n, 1, now() FROM m
      ON CONFLICT (key) DO UPDATE SET failures = "LoginThrottle".failures + 1
      RETURNING key, failures)
    SELECT ins.key, ins.failures = 1 AS fresh, (ins.failures + coalesce((SELECT t.failures FROM "LoginThrottle" t, m
      WHERE t.key = 'busy:' || ${ip} || ':' || (m.n - 1)), 0))::int AS "inFlight"
    FROM ins`;
  const row = rows[0]!;
  if (row.fresh)
    await client.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE key LIKE ${`busy:${ip}:%`} AND "windowStart" < now() - interval '3 minutes'`;
  return { key: row.key, inFlight: row.inFlight };
}

/** Gives the count back; a failure here is logged, not the sign-in's (the count lapses within two minutes anyway). */
async function leaveBusy(client: Db, key: string) {
  await client.$executeRaw`UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${key}`.catch(
    (e: Error) => console.error('[auth] giving back an in-flight count failed', e.message),
  );
}

/** The account (or unknown name) and the password judged, with the account's own count and lock. */
async function checkCredentials(
  client: Db,
  username: string,
  password: string,
  meta: Meta,
  now: Date,
): Promise<LoginResult> {
  // The same name the account lookup uses (exact): 'BOB' is another name than 'bob' for both.
  const nameKey = `name:${username}`;
  // The hash is checked before the transaction: argon2 takes tens of milliseconds of a worker thread,
  // and holding a pooled connection (and the row lock) meanwhile made a class signing in at once
  // (50 phones) time out waiting for connections. Inside, the locked row decides; a password changed
  // in between is checked again.
  const seen = await client.user.findUnique({ where: { username }, select: { passwordHash: true } });
  if (!seen) {
    // An unknown name: the same work and, after as many tries, the same "locked" answer as a real account.
    // A real account's refusal costs a password check too: so does this one's.
    await verifyPassword(await dummyHash(), password);
    if (await throttled(client, nameKey, now)) {
      await securityEvent(client, 'login.throttled', { username, ...meta, detail: { by: 'name' } });
      return { ok: false, reason: 'locked' };
    }
    // Counted like an account's failedLogins: no window, a fresh count once a lock has run out.
    const locked = await countFailure(client, nameKey, MAX_FAILED_LOGINS, null, now);
    await securityEvent(client, 'login.failed', { username, ...meta, detail: { reason: 'unknown-user' } });
    return { ok: false, reason: locked ? 'locked' : 'invalid' };
  }
  const checked = { hash: seen.passwordHash, good: await verifyPassword(seen.passwordHash, password) };
  const result = await client.$transaction(async (tx): Promise<LoginResult & { failed?: boolean }> => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT u.id, u.name, u.username, u."passwordHash", u.active, u."failedLogins", u."lockedUntil", o.path AS "orgPath"
      FROM "User" u LEFT JOIN "Organization" o ON o.id = u."orgId"
      WHERE u.username = ${username} FOR NO KEY UPDATE OF u`;
    const user = rows[0];
    if (!user) {
      await securityEvent(tx, 'login.failed', { username, ...meta, detail: { reason: 'unknown-user' } });
      return { ok: false, reason: 'invalid', failed: true };
    }
    const actor = { id: user.id, name: user.name, ...meta };
    const trace = { entityType: 'User', entityId: user.id, orgPath: user.orgPath };
    if (isLocked(user, now)) {
      await securityEvent(tx, 'login.throttled', {
        username,
        userId: user.id,
        ...meta,
        detail: { by: 'account' },
      });
      return { ok: false, reason: 'locked' };
    }
    const passwordOk =
      checked.hash === user.passwordHash ? checked.good : await verifyPassword(user.passwordHash, password);
    if (!(user.active && passwordOk)) {
      const next = afterFailure(user, now);
      await tx.user.update({
        where: { id: user.id },
        data: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
      });
      await securityEvent(tx, 'login.failed', {
        username,
        userId: user.id,
        ...meta,
        detail: { reason: user.active ? 'wrong-password' : 'inactive', failedLogins: next.failedLogins },
      });
      if (next.lockedNow) {
        // A lockout is rare and the account's own event: it goes to the trace.
        await appendTrace(tx, actor, {
          ...trace,
          action: 'auth.lockout',
          after: { lockedUntil: next.lockedUntil },
        });
        return { ok: false, reason: 'locked', failed: true };
      }
      return { ok: false, reason: 'invalid', failed: true };
    }
    const owed = await owedAtSignIn(tx, user.id, user.username);
    // A right password with a factor still to show clears nothing: the failure count runs on until the factor is
    // right (lib/account/factors.ts), so signing in again does not buy more guesses at the code.
    await tx.user.update({
      where: { id: user.id },
      data:
        owed === 'verify' ? { lastLoginAt: now } : { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
    });
    const sessionId = await openTracedSession(tx, actor, user, meta, now, owed);
    return {
      ok: true,
      user: { id: user.id, name: user.name, username: user.username },
      sessionId,
    };
  });
  if (result.ok) return result;
  return { ok: false, reason: result.reason };
}
