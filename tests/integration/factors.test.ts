import { beforeAll, describe, expect, it } from 'vitest';
import {
  confirmTotp,
  removeTotp,
  resetFactors,
  startTotp,
  verifyCode,
  type FactorUser,
} from '../../lib/account/factors';
import { FACTOR_SETTING, totpCode, unseal } from '../../lib/auth/factors';
import { attemptLogin } from '../../lib/auth/login';
import { hashPassword } from '../../lib/auth/password';
import { sessionIsOpen } from '../../lib/auth/sessions';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, type TestUser, type Tree } from '../fixtures/factories';

const db = testDb();
const PASSWORD = 'Factor#2026a';
let tree: Tree;
let hash: string;

beforeAll(async () => {
  tree = await makeTree(db);
  hash = await hashPassword(PASSWORD);
  // The defaults (no demo exemption), whatever an earlier file left.
  await db.setting.deleteMany({ where: { key: FACTOR_SETTING } });
});

/** Signs in with the password; the context a server action of that session would get. */
async function signIn(
  u: TestUser,
): Promise<{ sessionId: string; ctx: { user: FactorUser; actor: TestUser['ctx']['actor'] } }> {
  const r = await attemptLogin(db, {
    username: u.username,
    password: PASSWORD,
    ip: '10.1.1.1',
    userAgent: 'vitest',
  });
  if (!r.ok) throw new Error(`sign-in refused: ${r.reason}`);
  return { sessionId: r.sessionId, ctx: await ctxOf(u, r.sessionId) };
}
async function ctxOf(u: TestUser, sessionId: string) {
  const open = await sessionIsOpen(db, sessionId, u.id);
  if (!open) throw new Error('session not open');
  return {
    user: { ...u.subject, sessionId, factorOwed: open.factorOwed, username: u.username, name: u.name },
    actor: u.ctx.actor,
  };
}
const owed = async (sessionId: string) =>
  (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).factorOwed;
const secretOf = async (userId: string) =>
  unseal((await db.totpFactor.findUniqueOrThrow({ where: { userId } })).secret);

describe('second factor at sign-in', () => {
  it('a committee member without one must set one up; a branch secretary is let through', async () => {
    const committee = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const secretary = await makeUser(db, 'SECRETARY', tree.a, { passwordHash: hash });
    expect(await owed((await signIn(committee)).sessionId)).toBe('enrol');
    expect(await owed((await signIn(secretary)).sessionId)).toBeNull();
  });

  it('sets up the app with a first code, issues ten codes once, and lets that session through', async () => {
    const u = await makeUser(db, 'AUDITOR', tree.root, { passwordHash: hash });
    const { sessionId, ctx } = await signIn(u);
    const started = await startTotp(db, ctx);
    expect(started.uri).toContain(started.secret);
    expect(started.qr).toMatch(/^data:image\/png;base64,/);
    // Stored sealed, never in clear.
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: u.id } });
    expect(row.secret).not.toContain(started.secret);
    await expect(
      confirmTotp(db, ctx, { code: '000000' === totpCode(started.secret) ? '111111' : '000000' }),
    ).rejects.toThrow('factors.errors.wrongCode');
    const r = await confirmTotp(db, ctx, { code: totpCode(started.secret) });
    expect(r.recoveryCodes).toHaveLength(10);
    expect(await owed(sessionId)).toBeNull();
    const stored = await db.recoveryCode.findMany({ where: { userId: u.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((c) => c.hash)).not.toContain(r.recoveryCodes![0]);
    expect(await db.auditEvent.count({ where: { entityId: u.id, action: 'factor.totp.enrol' } })).toBe(1);
  });

  it('asks for the code at the next sign-in; a wrong one counts, the right one passes, its replay does not', async () => {
    const u = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const first = await signIn(u);
    const { secret } = await startTotp(db, first.ctx);
    await confirmTotp(db, first.ctx, { code: totpCode(secret) });
    // The enrolment used this step's code: the next sign-in shows the next step's.
    const now = Date.now();
    const next = totpCode(secret, now + 30_000);

    const second = await signIn(u);
    expect(await owed(second.sessionId)).toBe('verify');
    // Nothing of the portal before the factor: setting another one up is refused too.
    await expect(startTotp(db, second.ctx)).rejects.toThrow('factors.errors.verifyFirst');
    await expect(verifyCode(db, second.ctx, { method: 'totp', code: '12345' })).rejects.toThrow(
      'factors.errors.wrongCode',
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(1);
    expect(await db.securityEvent.count({ where: { userId: u.id, kind: 'factor.failed' } })).toBe(1);
    await verifyCode(db, second.ctx, { method: 'totp', code: next });
    expect(await owed(second.sessionId)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(0);

    const third = await signIn(u);
    await expect(verifyCode(db, third.ctx, { method: 'totp', code: next })).rejects.toThrow(
      'factors.errors.wrongCode',
    );
    expect(await owed(third.sessionId)).toBe('verify');
  });

  it('a recovery code passes once', async () => {
    const u = await makeUser(db, 'ADMIN', tree.root, { passwordHash: hash });
    const first = await signIn(u);
    const { secret } = await startTotp(db, first.ctx);
    const { recoveryCodes } = await confirmTotp(db, first.ctx, { code: totpCode(secret) });
    const code = recoveryCodes![3]!.toLowerCase();
    const a = await signIn(u);
    await verifyCode(db, a.ctx, { method: 'recovery', code });
    expect(await owed(a.sessionId)).toBeNull();
    const b = await signIn(u);
    await expect(verifyCode(db, b.ctx, { method: 'recovery', code })).rejects.toThrow(
      'factors.errors.wrongCode',
    );
    expect(await db.recoveryCode.count({ where: { userId: u.id, usedAt: null } })).toBe(9);
  });

  it('five wrong codes lock the account and end the half-open session', async () => {
    const u = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const first = await signIn(u);
    const { secret } = await startTotp(db, first.ctx);
    await confirmTotp(db, first.ctx, { code: totpCode(secret) });
    const s = await signIn(u);
    for (let i = 0; i < 4; i++)
      await expect(verifyCode(db, s.ctx, { method: 'totp', code: '999999' })).rejects.toThrow(
        'factors.errors.wrongCode',
      );
    await expect(verifyCode(db, s.ctx, { method: 'totp', code: '999999' })).rejects.toThrow(
      'factors.errors.locked',
    );
    expect(await sessionIsOpen(db, s.sessionId, u.id)).toBe(false);
    // Locked: even the right code is refused now.
    await expect(
      verifyCode(db, s.ctx, { method: 'totp', code: totpCode(await secretOf(u.id)) }),
    ).rejects.toThrow('factors.errors.locked');
    const refused = await attemptLogin(db, {
      username: u.username,
      password: PASSWORD,
      ip: '10.1.1.2',
      userAgent: 'x',
    });
    expect(refused.ok).toBe(false);
  });

  it('signing in again with the password buys no more guesses at the code', async () => {
    const u = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const first = await signIn(u);
    const { secret } = await startTotp(db, first.ctx);
    await confirmTotp(db, first.ctx, { code: totpCode(secret) });
    for (let round = 0; round < 2; round++) {
      const s = await signIn(u);
      for (let i = 0; i < 2; i++)
        await expect(verifyCode(db, s.ctx, { method: 'totp', code: '999999' })).rejects.toThrow();
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(4);
    const last = await signIn(u);
    await expect(verifyCode(db, last.ctx, { method: 'totp', code: '999999' })).rejects.toThrow(
      'factors.errors.locked',
    );
  });

  it('a half-open sign-in ends none of the person’s sessions; an enrolment elsewhere turns a waiting one to verify', async () => {
    const u = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const a = await signIn(u);
    const b = await signIn(u);
    expect(await owed(b.sessionId)).toBe('enrol');
    const { secret } = await startTotp(db, a.ctx);
    await confirmTotp(db, a.ctx, { code: totpCode(secret) });
    // B waited to enrol; now there is a factor, B must show it, and may not set up its own.
    expect(await owed(b.sessionId)).toBe('verify');
    await expect(startTotp(db, b.ctx)).rejects.toThrow('factors.errors.verifyFirst');
    // Password-only sign-ins beyond the limit (3) do not end the verified session.
    for (let i = 0; i < 4; i++) await signIn(u);
    expect(await sessionIsOpen(db, a.sessionId, u.id)).toMatchObject({ factorOwed: null });
  });

  it('the last factor of someone who must have one cannot be removed', async () => {
    const u = await makeUser(db, 'AUDITOR', tree.root, { passwordHash: hash });
    const s = await signIn(u);
    const { secret } = await startTotp(db, s.ctx);
    await confirmTotp(db, s.ctx, { code: totpCode(secret) });
    const ctx = await ctxOf(u, s.sessionId);
    await expect(removeTotp(db, ctx)).rejects.toThrow('factors.errors.lastRequired');
    expect(await db.totpFactor.count({ where: { userId: u.id } })).toBe(1);
  });
});

describe("a security administrator's reset", () => {
  it('removes every factor, ends every session and is traced; the 系统管理员 and oneself are refused', async () => {
    const security = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    const system = await makeUser(db, 'ADMIN', tree.root);
    const u = await makeUser(db, 'COMMITTEE', tree.root, { passwordHash: hash });
    const s = await signIn(u);
    const { secret } = await startTotp(db, s.ctx);
    await confirmTotp(db, s.ctx, { code: totpCode(secret) });

    await expect(resetFactors(db, system.ctx, { userId: u.id })).rejects.toThrow('errors.forbidden');
    await expect(resetFactors(db, security.ctx, { userId: security.id })).rejects.toThrow(
      'factors.errors.notOwnReset',
    );
    expect(await db.totpFactor.count({ where: { userId: u.id } })).toBe(1);

    await resetFactors(db, security.ctx, { userId: u.id });
    expect(await db.totpFactor.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: u.id } })).toBe(0);
    expect(await sessionIsOpen(db, s.sessionId, u.id)).toBe(false);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'factor.reset', entityId: u.id } });
    expect(ev.actorId).toBe(security.id);
    expect(ev.before).toMatchObject({ totp: 1, recoveryCodes: 10 });
    // At the next sign-in they set one up again.
    expect(await owed((await signIn(u)).sessionId)).toBe('enrol');
  });
});
