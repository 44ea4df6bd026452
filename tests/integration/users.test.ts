import { describe, expect, it } from 'vitest';
import { assignRole, createUser, removeRole, setUserActive, updateUser } from '../../lib/users/mutations';
import { ZCreateUser } from '../../lib/users/schema';
import { makeUser, uniq } from '../fixtures/factories';
import { testDb } from '../fixtures/db';
import { treeWithUsers } from '../fixtures/tree';

const db = testDb();

const { tree, admin, security, committee } = treeWithUsers(db, {
  admin: ['ADMIN', 'root'],
  security: ['SECURITY_ADMIN', 'root'],
  committee: ['COMMITTEE', 'root'],
});

/** A grant refused with `key`: nothing assigned. */
type Grant = Parameters<typeof assignRole>[2];
/** `ctx` granting `role` on `org` to `user` is refused with `key`. */
const grantRefused = (
  ctx: Parameters<typeof assignRole>[1],
  [user, role, org]: [{ id: string }, Grant['role'], { id: string }],
  key: string,
) => expect(assignRole(db, ctx, { userId: user.id, role, orgId: org.id })).rejects.toThrow(key);

describe('users (系统管理员) and roles (安全管理员)', () => {
  it('creates a user who must change the password, with a trace that holds no hash', async () => {
    const username = uniq('zhang')
      .replace(/[^a-z0-9-]/gi, '')
      .slice(0, 30);
    const u = await createUser(
      db,
      admin.ctx,
      ZCreateUser.parse({ username, name: '张建国', orgId: tree.a.id, password: 'Init#2026x' }),
    );
    expect(u.mustChangePassword).toBe(true);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: u.id, action: 'user.create' } });
    expect(JSON.stringify(ev.after)).not.toMatch(/passwordHash|argon2/);
    await expect(
      createUser(db, admin.ctx, ZCreateUser.parse({ username, name: '重名', password: 'Init#2026x' })),
    ).rejects.toThrow('users.errors.usernameTaken');
  });

  it('refuses the committee (not ADMIN) and changes nothing', async () => {
    const before = await db.user.count();
    await expect(
      createUser(
        db,
        committee.ctx,
        ZCreateUser.parse({ username: 'refused1', name: '某某', password: 'Init#2026x' }),
      ),
    ).rejects.toThrow('errors.forbidden');
    expect(await db.user.count()).toBe(before);
  });

  it('rejects weak passwords and bad usernames before any write', () => {
    const bad = (v: object) =>
      ZCreateUser.safeParse({ username: 'okname', name: '某某', password: 'Init#2026x', ...v }).error
        ?.issues[0]?.message;
    expect(bad({ password: 'short1A' })).toBe('auth.password.tooShort');
    expect(bad({ password: 'alllowercase1' })).toBe('auth.password.tooWeak');
    expect(bad({ username: '1abc' })).toBe('users.errors.usernameFormat');
    expect(bad({ name: '<b>x</b>' })).toBe('validation.noMarkup');
  });

  it('assigns a scoped role once, removes it, and traces both', async () => {
    const u = await makeUser(db, null, tree.a);
    const ra = await assignRole(db, security.ctx, { userId: u.id, role: 'SECRETARY', orgId: tree.a.id });
    await grantRefused(security.ctx, [u, 'SECRETARY', tree.a], 'users.errors.roleExists');
    await grantRefused(committee.ctx, [u, 'ADMIN', tree.root], 'errors.forbidden');
    // The 系统管理员 grants no ordinary role (三权分立).
    await grantRefused(admin.ctx, [u, 'CLERK', tree.a], 'errors.forbidden');
    await removeRole(db, security.ctx, { id: ra.id });
    expect(await db.roleAssignment.count({ where: { userId: u.id } })).toBe(0);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: ra.id }, orderBy: { id: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['role.assign', 'role.remove']);
  });

  it('deactivates (never deletes) and refuses deactivating oneself', async () => {
    const u = await makeUser(db, 'MEMBER', tree.b);
    await setUserActive(db, admin.ctx, { id: u.id, active: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).active).toBe(false);
    await expect(setUserActive(db, admin.ctx, { id: admin.id, active: false })).rejects.toThrow(
      'users.errors.cannotDeactivateSelf',
    );
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: u.id, action: 'user.deactivate' } });
    expect(ev.before).toEqual({ active: true });
  });

  it('updates a profile with before/after', async () => {
    const u = await makeUser(db, 'MEMBER', tree.b);
    await updateUser(db, admin.ctx, { id: u.id, name: '王小红', orgId: tree.a.id });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: u.id, action: 'user.update' } });
    expect((ev.after as { name: string }).name).toBe('王小红');
    expect((ev.before as { orgId: string }).orgId).toBe(tree.b.id);
  });
});

describe('三权分立', () => {
  it('the three administrator roles never meet on one person, and nobody grants themselves a role', async () => {
    const u = await makeUser(db, 'AUDIT_ADMIN', tree.root);
    const before = await db.roleAssignment.count({ where: { userId: u.id } });
    await grantRefused(security.ctx, [u, 'SECURITY_ADMIN', tree.root], 'users.errors.adminRolesExclusive');
    await grantRefused(security.ctx, [security, 'COMMITTEE', tree.root], 'users.errors.notOwnRoles');
    const own = await db.roleAssignment.findFirstOrThrow({ where: { userId: security.id } });
    await expect(removeRole(db, security.ctx, { id: own.id })).rejects.toThrow('users.errors.notOwnRoles');
    expect(await db.roleAssignment.count({ where: { userId: u.id } })).toBe(before);
  });

  it('once a 安全管理员 has been appointed, disabling them does not let the 系统管理员 appoint another', async () => {
    // This company has had a 安全管理员 (the test's seat): deactivate every holder, as a 系统管理员 might try.
    const holders = await db.roleAssignment.findMany({
      where: { role: 'SECURITY_ADMIN', user: { active: true } },
      select: { userId: true },
    });
    await db.user.updateMany({
      where: { id: { in: holders.map((h) => h.userId) } },
      data: { active: false },
    });
    try {
      const other = await makeUser(db, null, tree.root);
      await grantRefused(admin.ctx, [other, 'SECURITY_ADMIN', tree.root], 'errors.forbidden');
      expect(await db.roleAssignment.count({ where: { userId: other.id } })).toBe(0);
    } finally {
      await db.user.updateMany({
        where: { id: { in: holders.map((h) => h.userId) } },
        data: { active: true },
      });
    }
  });
});
