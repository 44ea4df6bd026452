import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { endOtherOwnSessions, endOwnSession, ownSessions } from '../../lib/account/sessions';
import { attemptLogin } from '../../lib/auth/login';
import { hashPassword } from '../../lib/auth/password';
import { sessionIsOpen, sessionPerson, SESSION_SETTING } from '../../lib/auth/sessions';
import { changeOwnPassword, removeRole, resetPassword, setUserActive } from '../../lib/users/mutations';
import { ZChangePassword } from '../../lib/users/schema';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, type Tree } from '../fixtures/factories';

const db = testDb();
const PASSWORD = 'Wubiao@2026';
let hash: string;
let tree: Tree;
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  tree = await makeTree(db);
  await db.setting.deleteMany({ where: { key: SESSION_SETTING } });
});

async function signIn(username: string, ua = 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0') {
  const r = await attemptLogin(db, { username, password: PASSWORD, ip: '10.0.0.8', userAgent: ua });
  if (!r.ok) throw new Error('sign-in failed');
  return r.sessionId;
}
const open = async (id: string, userId: string) => !!(await sessionIsOpen(db, id, userId));
const reason = async (id: string) =>
  (await db.userSession.findUniqueOrThrow({ where: { id }, select: { endReason: true } })).endReason;

describe('sessions that end', () => {
  it('a sign-in opens a session; the fourth ends the oldest (limit 3, configurable)', async () => {
    const u = await makeUser(db, 'MEMBER', tree.a, { passwordHash: hash });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await signIn(u.username));
    expect(await open(ids[0]!, u.id)).toBe(false);
    expect(await reason(ids[0]!)).toBe('limit');
    for (const id of ids.slice(1)) expect(await open(id, u.id)).toBe(true);
    // A cookie naming another person's session, or none, is not signed in.
    const other = await makeUser(db, 'MEMBER', tree.a, { passwordHash: hash });
    expect(await open(ids[3]!, other.id)).toBe(false);
    expect(await sessionIsOpen(db, undefined, u.id)).toBe(false);
    expect(await sessionIsOpen(db, 'not-a-uuid', u.id)).toBe(false);

    await db.setting.create({ data: { key: SESSION_SETTING, value: { limit: 1 } } });
    try {
      const only = await signIn(u.username);
      for (const id of ids.slice(1)) expect(await open(id, u.id)).toBe(false);
      expect(await open(only, u.id)).toBe(true);
    } finally {
      await db.setting.delete({ where: { key: SESSION_SETTING } });
    }
  });

  it('changing one’s password ends every other session at once, not the one that changed it', async () => {
    const u = await makeUser(db, 'MEMBER', tree.a, { passwordHash: hash });
    const phone = await signIn(u.username, 'Mozilla/5.0 (iPhone) wxwork/4.1');
    const desk = await signIn(u.username);
    const atDesk = { ...u.ctx.user, sessionId: desk };
    await changeOwnPassword(
      db,
      { ...u.ctx, user: atDesk },
      ZChangePassword.parse({ currentPassword: PASSWORD, newPassword: 'Mine#2026b', confirm: 'Mine#2026b' }),
    );
    expect(await open(phone, u.id)).toBe(false);
    expect(await reason(phone)).toBe('password-changed');
    expect(await open(desk, u.id)).toBe(true);
  });

  it('a password reset, a deactivation and a role removed each end all of the person’s sessions', async () => {
    const admin = await makeUser(db, 'ADMIN', tree.root);
    const a = await makeUser(db, 'SECRETARY', tree.a, { passwordHash: hash });
    const s1 = await signIn(a.username);
    await resetPassword(db, admin.ctx, { id: a.id, password: 'Reset#2026a' });
    expect(await open(s1, a.id)).toBe(false);
    expect(await reason(s1)).toBe('password-reset');

    const b = await makeUser(db, 'SECRETARY', tree.a, { passwordHash: hash });
    const s2 = await signIn(b.username);
    await setUserActive(db, admin.ctx, { id: b.id, active: false });
    expect(await reason(s2)).toBe('deactivated');

    const c = await makeUser(db, 'SECRETARY', tree.a, { passwordHash: hash });
    const s3 = await signIn(c.username);
    const role = await db.roleAssignment.findFirstOrThrow({ where: { userId: c.id } });
    const security = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    await removeRole(db, security.ctx, { id: role.id });
    expect(await reason(s3)).toBe('role-removed');
    const traced = await db.auditEvent.findFirstOrThrow({
      where: { action: 'role.remove', entityId: role.id },
    });
    expect(traced.after).toMatchObject({ sessionsEnded: 1 });
  });

  it('a person lists and ends their own sessions; another person’s session is not found and stays open', async () => {
    const u = await makeUser(db, 'MEMBER', tree.a, { passwordHash: hash });
    const here = await signIn(u.username);
    const there = await signIn(u.username, 'Mozilla/5.0 (Linux; Android 14) DingTalk/7.6');
    const me = { ...u.ctx.user, sessionId: here };
    const list = await ownSessions(db, me);
    expect(list.sessions.map((s) => [s.current, s.device])).toEqual([
      [true, 'Chrome · Windows'],
      [false, '钉钉 · Android'],
    ]);
    expect(list.limit).toBe(3);

    const stranger = await makeUser(db, 'MEMBER', tree.b, { passwordHash: hash });
    await expect(endOwnSession(db, stranger.ctx, { id: there })).rejects.toThrow();
    expect(await open(there, u.id)).toBe(true);

    await endOwnSession(db, { ...u.ctx, user: me }, { id: there });
    expect(await reason(there)).toBe('ended-by-owner');
    const third = await signIn(u.username);
    expect(await endOtherOwnSessions(db, { ...u.ctx, user: me })).toEqual({ ended: 1 });
    expect(await open(third, u.id)).toBe(false);
    expect(await open(here, u.id)).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { actorId: u.id, action: { in: ['auth.session.end', 'auth.session.endOthers'] } },
      }),
    ).toBe(2);
  });
});

describe('the one query every request makes (sessionPerson)', () => {
  it('gives the person, their unit and every role with its unit, as the separate reads did; nothing for an ended, foreign or disabled session', async () => {
    const u = await makeUser(db, 'SECRETARY', tree.a, { passwordHash: hash });
    await db.roleAssignment.create({ data: { userId: u.id, role: 'MEMBER', orgId: tree.b.id } });
    const sid = await signIn(u.username);
    const found = await sessionPerson(db, sid, u.id);
    const expected = await db.user.findUniqueOrThrow({
      where: { id: u.id },
      include: { org: { select: { id: true, name: true, path: true } }, roles: { include: { org: true } } },
    });
    expect(found?.user).toMatchObject({ id: u.id, username: u.username, name: u.name, org: expected.org });
    expect(found?.user.passwordChangedAt).toEqual(expected.passwordChangedAt);
    expect([...found!.grants].sort((x, y) => x.role.localeCompare(y.role))).toEqual(
      expected.roles
        .map((r) => ({ role: r.role, orgId: r.orgId, orgPath: r.org.path, orgName: r.org.name }))
        .sort((x, y) => x.role.localeCompare(y.role)),
    );
    expect(await sessionPerson(db, sid, randomUUID())).toBeNull();
    expect(await sessionPerson(db, 'not-a-uuid', u.id)).toBeNull();
    await db.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await sessionPerson(db, sid, u.id)).toBeNull();
    await db.user.update({ where: { id: u.id }, data: { active: true } });
    await db.userSession.update({ where: { id: sid }, data: { endedAt: new Date(), endReason: 'logout' } });
    expect(await sessionPerson(db, sid, u.id)).toBeNull();
  });
});
