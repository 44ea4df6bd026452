import { beforeAll, describe, expect, it } from 'vitest';
import { twoAppInstances } from '../fixtures/db';
import { attemptLogin, IP_MAX_FAILURES, IP_MAX_IN_FLIGHT } from '../../lib/auth/login';
import { hashPassword } from '../../lib/auth/password';
import { changeOwnPassword, resetPassword } from '../../lib/users/mutations';
import { ZChangePassword } from '../../lib/users/schema';
import { makeTree, makeUser, type Tree } from '../fixtures/factories';

const [app1, app2] = twoAppInstances();

const PASSWORD = 'Wubiao@2026';
let hash: string;
let tree: Tree;
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  tree = await makeTree(app1);
});

/** An address of the documentation range for one test of the per-address limits, new in each run of the file. */
const runBase = Date.now() % 40;
const testIp = (n: number) => `192.0.2.${runBase + 40 * n + 1}`;

/** Sign-ins of an address counted as being checked now (this minute's and the last one's). */
const inFlight = async (ip: string) =>
  (await app1.loginThrottle.findMany({ where: { key: { startsWith: `busy:${ip}:` } } })).reduce(
    (n, r) => n + r.failures,
    0,
  );

// Each call from an address of its own unless given: the per-IP limit is tested on its own below.
let ipSeq = 0;
const login = (
  client: typeof app1,
  username: string,
  password: string,
  ip = `10.1.${(ipSeq += 1) % 250}.3`,
) => attemptLogin(client, { username, password, ip, userAgent: 'vitest' });

describe('sign-in', () => {
  it('signs in with the right password and traces it with IP and user agent', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    const r = await login(app1, u.username, PASSWORD);
    expect(r.ok).toBe(true);
    const ev = await app1.auditEvent.findFirst({ where: { actorId: u.id, action: 'auth.login' } });
    expect(ev).toMatchObject({ ip: expect.stringMatching(/^10\.1\./), userAgent: 'vitest' });
  });

  it('locks after 5 failures counted across two app instances, even concurrent ones', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    const results = await Promise.all([
      login(app1, u.username, 'wrong-1'),
      login(app2, u.username, 'wrong-2'),
      login(app1, u.username, 'wrong-3'),
      login(app2, u.username, 'wrong-4'),
      login(app1, u.username, 'wrong-5'),
    ]);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(1);
    // Locked now: even the right password is refused, on either instance.
    expect(await login(app2, u.username, PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await login(app1, u.username, PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    const row = await app1.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // Failures and refusals are security events (no trace chain lock); the lockout itself is traced.
    const kinds = (
      await app1.securityEvent.findMany({ where: { userId: u.id }, select: { kind: true } })
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'login.failed')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'login.throttled')).toHaveLength(2);
    expect(await app1.auditEvent.count({ where: { actorId: u.id, action: 'auth.lockout' } })).toBe(1);
    expect(await app1.auditEvent.count({ where: { actorId: u.id, action: 'auth.login.failed' } })).toBe(0);
  });

  it('a lock that has run out lets the right password in and clears the count', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    await app1.user.update({
      where: { id: u.id },
      data: { failedLogins: 5, lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await login(app2, u.username, PASSWORD)).ok).toBe(true);
    expect(await app1.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('an unknown username locks after as many tries as a real account, with the same answers', async () => {
    const real = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    const ghost = `ghost-${Date.now()}`;
    const answers = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await login(app1, name, `wrong-${i}`);
        out.push(r.ok ? 'ok' : r.reason);
      }
      return out;
    };
    expect(await answers(ghost)).toEqual(await answers(real.username));
    // The same name in other letters is another name, for an account and for a stranger alike.
    expect(await login(app1, real.username.toUpperCase(), 'x')).toEqual(
      await login(app1, ghost.toUpperCase(), 'x'),
    );
  });

  it('one address failing 20 times is refused for 15 minutes, even with a right password; another address is not', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    const flood = testIp(0);
    for (let i = 0; i < 20; i++) await login(app1, `nobody-${i}-${Date.now()}`, 'x', flood);
    expect(await login(app1, u.username, PASSWORD, flood)).toEqual({ ok: false, reason: 'locked' });
    expect((await login(app2, u.username, PASSWORD, '198.51.100.7')).ok).toBe(true);
    expect(
      await app1.securityEvent.count({ where: { ip: flood, kind: 'login.throttled' } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('a burst of 100 parallel guesses from one address: at most 60 checked at once and 20 failures lock it', async () => {
    const burst = testIp(1);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        login(i % 2 ? app1 : app2, `burst-${i}-${Date.now()}`, 'x', burst),
      ),
    );
    const failed = await app1.securityEvent.count({ where: { ip: burst, kind: 'login.failed' } });
    const refused = await app1.securityEvent.count({ where: { ip: burst, kind: 'login.throttled' } });
    expect(failed).toBeLessThanOrEqual(IP_MAX_IN_FLIGHT + IP_MAX_FAILURES);
    expect(failed + refused).toBe(100);
    expect(results.every((r) => !r.ok)).toBe(true);
    // Nothing is left counted as in flight, and the address is locked.
    expect(await inFlight(burst)).toBe(0);
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    expect(await login(app2, u.username, PASSWORD, burst)).toEqual({ ok: false, reason: 'locked' });
  });

  it('a class of 50 behind one address signing in at once all get in (the right passwords are not held back)', async () => {
    const site = testIp(2);
    const users = [];
    for (let i = 0; i < 50; i++) users.push(await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash }));
    const results = await Promise.all(
      users.map((u, i) => login(i % 2 ? app1 : app2, u.username, PASSWORD, site)),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await app1.loginThrottle.findUnique({ where: { key: `ip:${site}` } }))?.failures ?? 0).toBe(0);
  });

  it('past the in-flight limit an attempt is refused for now, not locked, and nothing is counted against it', async () => {
    const ip = testIp(3);
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    // As if IP_MAX_IN_FLIGHT sign-ins from the address were being checked this minute.
    await app1.$executeRaw`INSERT INTO "LoginThrottle" (key, failures, "windowStart")
      VALUES ('busy:' || ${ip} || ':' || floor(extract(epoch FROM now()) / 60)::bigint, ${IP_MAX_IN_FLIGHT}, now())`;
    expect(await login(app1, u.username, PASSWORD, ip)).toEqual({ ok: false, reason: 'busy' });
    expect(await inFlight(ip)).toBe(IP_MAX_IN_FLIGHT);
    expect(await app1.loginThrottle.findUnique({ where: { key: `ip:${ip}` } })).toBeNull();
    // A count never given back (a crashed process) lapses two minutes on, however busy the address stays.
    await app1.$executeRaw`UPDATE "LoginThrottle" SET key = 'busy:' || ${ip} || ':' || (floor(extract(epoch FROM now()) / 60)::bigint - 2)
      WHERE key LIKE ${`busy:${ip}:%`}`;
    expect((await login(app2, u.username, PASSWORD, ip)).ok).toBe(true);
  });

  it('failed sign-ins do not wait for the trace: they finish while another writer holds the chain lock', async () => {
    const { CHAIN_LOCK } = await import('../../lib/audit-log');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const taken = new Promise<void>((r) => (locked = r));
    const holder = app2.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
        locked();
        await held;
      },
      { timeout: 30_000 },
    );
    await taken;
    try {
      const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
      const r = await Promise.race([
        Promise.all([login(app1, u.username, 'wrong-a'), login(app1, 'no-such-user-q', 'x')]),
        new Promise((resolve) => setTimeout(() => resolve('timed out'), 8000)),
      ]);
      expect(r).not.toBe('timed out');
    } finally {
      release();
      await holder;
    }
  });

  it('gives one generic answer for an unknown user, a wrong password and an inactive account', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    await app1.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await login(app1, 'no-such-user-xyz', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(app1, u.username, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('an admin reset forces a change at next sign-in; the change clears it', async () => {
    const admin = await makeUser(app1, 'ADMIN', tree.root);
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    await resetPassword(app1, admin.ctx, { id: u.id, password: 'Reset#2026a' });
    expect((await app1.user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(true);
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(
        app1,
        u.ctx,
        ZChangePassword.parse({ currentPassword, newPassword, confirm: newPassword }),
      );
    await expect(change('nope', 'Mine#2026b')).rejects.toThrow('auth.password.currentWrong');
    await change('Reset#2026a', 'Mine#2026b');
    expect((await app1.user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(false);
    expect((await login(app1, u.username, 'Mine#2026b')).ok).toBe(true);
    // Only an administrator may reset.
    const other = await makeUser(app1, 'COMMITTEE', tree.root);
    await expect(resetPassword(app1, other.ctx, { id: u.id, password: 'Reset#2026a' })).rejects.toThrow(
      'errors.forbidden',
    );
  });
});

describe('signing in while one’s own actions are traced', () => {
  it('never deadlocks: a sign-in locks the user row without blocking the trace’s key-share lock on its actor', async () => {
    const { appendTrace } = await import('../../lib/audit-log');
    const tree = await makeTree(app1);
    const u = await makeUser(app1, 'SECRETARY', tree.a, {
      passwordHash: await hashPassword('Pass#2026word'),
    });
    const rounds = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? attemptLogin(i % 4 === 1 ? app1 : app2, { username: u.username, password: 'Pass#2026word' })
          : (i % 4 === 0 ? app1 : app2).$transaction((tx) =>
              appendTrace(tx, u.ctx.actor, { action: 'test.concurrent', entityType: 'User', entityId: u.id }),
            ),
      ),
    );
    expect(
      rounds.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
  });
});

describe('security events', () => {
  it('are read by the 审计管理员 only, not by the 系统管理员 or a committee, and cannot be rewritten', async () => {
    const { listSecurityEvents } = await import('../../lib/trace/security-events');
    const admin = await makeUser(app1, 'AUDIT_ADMIN', tree.root);
    const committee = await makeUser(app1, 'COMMITTEE', tree.root);
    const system = await makeUser(app1, 'ADMIN', tree.root);
    await expect(listSecurityEvents(system.subject, {}, app1)).rejects.toThrow('errors.forbidden');
    await login(app1, `stranger-${Date.now()}`, 'guess', '203.0.113.9');
    const seen = await listSecurityEvents(admin.subject, { ip: '203.0.113.9' }, app1);
    expect(seen.rows[0]).toMatchObject({ kind: 'login.failed', ip: '203.0.113.9' });
    await expect(listSecurityEvents(committee.subject, {}, app1)).rejects.toThrow('errors.forbidden');
    await expect(app1.securityEvent.deleteMany({ where: { ip: '203.0.113.9' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      app1.securityEvent.updateMany({ where: { ip: '203.0.113.9' }, data: { kind: 'x' } }),
    ).rejects.toThrow(/append-only/);
  });
});

describe('password policy', () => {
  it('refuses a common password and the last five; wrong current passwords lock like sign-ins', async () => {
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(
        app1,
        u.ctx,
        ZChangePassword.parse({ currentPassword, newPassword, confirm: newPassword }),
      );
    await expect(change(PASSWORD, 'Password123')).rejects.toThrow('auth.password.common');
    const chain = ['Hist#2026a', 'Hist#2026b', 'Hist#2026c', 'Hist#2026d', 'Hist#2026e'];
    let current = PASSWORD;
    for (const next of chain) {
      await change(current, next);
      current = next;
    }
    // The last five (the current one and four before it) are refused; the sixth back is allowed again.
    await expect(change(current, 'Hist#2026b')).rejects.toThrow('auth.password.reused');
    await change(current, PASSWORD);
    current = PASSWORD;
    expect(await app1.passwordHistory.count({ where: { userId: u.id } })).toBe(6);

    for (let i = 0; i < 4; i++)
      await expect(change(`wrong-${i}`, 'Fresh#2026z')).rejects.toThrow('auth.password.currentWrong');
    await expect(change('wrong-4', 'Fresh#2026z')).rejects.toThrow('auth.password.locked');
    expect(await login(app1, u.username, PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    expect(await app1.securityEvent.count({ where: { userId: u.id, kind: 'password.currentWrong' } })).toBe(
      5,
    );
  });

  it('an administrator cannot set a common password either', async () => {
    const admin = await makeUser(app1, 'ADMIN', tree.root);
    const u = await makeUser(app1, 'MEMBER', tree.a, { passwordHash: hash });
    await expect(resetPassword(app1, admin.ctx, { id: u.id, password: 'P@ssw0rd' })).rejects.toThrow(
      'auth.password.common',
    );
  });
});
