/**
 * Checks a username and password, counting failures in the database so that a lockout holds
 * across app instances: the user row is locked (FOR NO KEY UPDATE) while the attempt is judged. Not FOR
 * UPDATE: that also blocks the key-share lock every trace insert takes on its actor, and a sign-in
 * waiting for the trace's chain lock while holding it deadlocked with that person's concurrent action.
 * Every outcome is written to the trace with IP and user agent; a success opens a session (lib/auth/sessions.ts).
 */
import type { Db } from '../db/client';
import { appendTrace } from '../audit-log';
import { dummyHash, verifyPassword } from './password';
import { afterFailure, isLocked } from './rules';
import { openSession } from './sessions';

export type LoginResult =
  | { ok: true; user: { id: string; name: string; username: string }; sessionId: string }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

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

export async function attemptLogin(
  client: Db,
  input: { username: string; password: string; ip?: string | null; userAgent?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().slice(0, 64);
  const meta = { ip: input.ip ?? null, userAgent: input.userAgent ?? null };
  // The hash is checked before the transaction: argon2 takes tens of milliseconds of a worker thread,
  // and holding a pooled connection (and the row lock) meanwhile made a class signing in at once
  // (50 phones) time out waiting for connections. Inside, the locked row decides; a password changed
  // in between is checked again.
  const seen = await client.user.findUnique({ where: { username }, select: { passwordHash: true } });
  const checked = seen
    ? { hash: seen.passwordHash, good: await verifyPassword(seen.passwordHash, input.password) }
    : null;
  if (!seen) await verifyPassword(await dummyHash(), input.password);
  return client.$transaction(async (tx) => {
    const now = new Date();
    const rows = await tx.$queryRaw<Row[]>`
      SELECT u.id, u.name, u.username, u."passwordHash", u.active, u."failedLogins", u."lockedUntil", o.path AS "orgPath"
      FROM "User" u LEFT JOIN "Organization" o ON o.id = u."orgId"
      WHERE u.username = ${username} FOR NO KEY UPDATE OF u`;
    const user = rows[0];
    if (!user) {
      await appendTrace(
        tx,
        { id: null, name: username, ...meta },
        {
          action: 'auth.login.failed',
          entityType: 'User',
          after: { username, reason: 'unknown-user' },
        },
      );
      return { ok: false, reason: 'invalid' } as const;
    }
    const actor = { id: user.id, name: user.name, ...meta };
    const trace = { entityType: 'User', entityId: user.id, orgPath: user.orgPath };
    if (isLocked(user, now)) {
      await appendTrace(tx, actor, {
        ...trace,
        action: 'auth.login.locked',
        after: { lockedUntil: user.lockedUntil },
      });
      return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil! } as const;
    }
    const passwordOk =
      checked?.hash === user.passwordHash
        ? checked.good
        : await verifyPassword(user.passwordHash, input.password);
    const good = user.active && passwordOk;
    if (!good) {
      const next = afterFailure(user, now);
      await tx.user.update({
        where: { id: user.id },
        data: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
      });
      await appendTrace(tx, actor, {
        ...trace,
        action: 'auth.login.failed',
        before: { failedLogins: user.failedLogins },
        after: { failedLogins: next.failedLogins, reason: user.active ? 'wrong-password' : 'inactive' },
      });
      if (next.lockedNow) {
        await appendTrace(tx, actor, {
          ...trace,
          action: 'auth.lockout',
          after: { lockedUntil: next.lockedUntil },
        });
        return { ok: false, reason: 'locked', lockedUntil: next.lockedUntil! } as const;
      }
      return { ok: false, reason: 'invalid' } as const;
    }
    await tx.user.update({
      where: { id: user.id },
      data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
    });
    const session = await openSession(tx, user.id, meta, now);
    await appendTrace(tx, actor, {
      ...trace,
      action: 'auth.login',
      after: { session: session.id, ...(session.ended.length ? { endedByLimit: session.ended } : {}) },
    });
    return {
      ok: true,
      user: { id: user.id, name: user.name, username: user.username },
      sessionId: session.id,
    } as const;
  });
}
