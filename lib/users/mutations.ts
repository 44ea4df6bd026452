/**
 * Accounts (系统管理员) and role assignments (安全管理员; lib/policy roleGrantRefusal), and a user's own password.
 * Passwords set by an administrator must be changed at the next sign-in.
 */
import { holdChangedFields } from '../auth/company/holds';
import { endSessions, sessionOf } from '../auth/sessions';
import type { z } from 'zod';
import { trace } from '../audit-log';
import { hashPassword, verifyPassword } from '../auth/password';
import { countWrongSecret } from '../auth/login';
import { commonPassword, newPasswordProblem, rememberPassword } from '../auth/password-policy';
import { isLocked } from '../auth/rules';
import type { Db, Tx } from '../db/client';
import { ForbiddenError, NotFoundError, UserError } from '../errors';
import type { ActionContext } from '../action-context';
import { assertCan, can, mayManageAccount, roleGrantRefusal } from '../policy';
import type {
  ZAssignRole,
  ZChangePassword,
  ZCreateUser,
  ZRemoveRole,
  ZResetPassword,
  ZSetActive,
  ZUpdateUser,
} from './schema';
import { USER_PUBLIC_FIELDS } from './queries';

async function orgPathOf(tx: Tx, orgId: string | null | undefined) {
  if (!orgId) return null;
  const org = await tx.organization.findUnique({
    where: { id: orgId },
    select: { path: true, status: true },
  });
  if (!org) throw new UserError('users.errors.badOrg', {}, 'orgId');
  return org;
}

export async function createUser(client: Db, ctx: ActionContext, input: z.output<typeof ZCreateUser>) {
  assertCan(ctx.user, 'user.manage', 'global');
  if (commonPassword(input.password, input.username))
    throw new UserError('auth.password.common', {}, 'password');
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new UserError('users.errors.usernameTaken', { username: input.username }, 'username');
    const org = await orgPathOf(tx, input.orgId);
    const user = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
        orgId: input.orgId ?? null,
        passwordHash,
        mustChangePassword: true,
      },
      select: USER_PUBLIC_FIELDS,
    });
    await trace(tx, ctx.actor, 'user.create', 'User', user.id, {
      orgPath: org?.path,
      after: user,
    });
    return user;
  });
}

/** Refuses (403, nothing changes) unless lib/policy mayManageAccount allows `ctx.user` to manage this account. */
async function assertManages(tx: Tx | Db, ctx: ActionContext, id: string) {
  const roles = await tx.roleAssignment.findMany({ where: { userId: id }, select: { role: true } });
  if (!mayManageAccount(ctx.user, { id, roles: roles.map((r) => r.role) })) throw new ForbiddenError();
}
/** Account management: the 系统管理员, or the 安全管理员 for the accounts only they manage. */
const assertManagesAny = (ctx: ActionContext) => {
  if (!can(ctx.user, 'user.manage', 'global')) assertCan(ctx.user, 'role.assign', 'global');
};

export async function updateUser(client: Db, ctx: ActionContext, input: z.output<typeof ZUpdateUser>) {
  assertManagesAny(ctx);
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: USER_PUBLIC_FIELDS });
    if (!before) throw new NotFoundError();
    await assertManages(tx, ctx, input.id);
    const org = await orgPathOf(tx, input.orgId);
    const after = await tx.user.update({
      where: { id: input.id },
      data: {
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
        orgId: input.orgId ?? null,
      },
      select: USER_PUBLIC_FIELDS,
    });
    // A phone or e-mail changed by an administrator holds a first company link matched by it (holds.ts).
    await holdChangedFields(tx, ctx.actor, input.id, before, after);
    await trace(tx, ctx.actor, 'user.update', 'User', input.id, {
      orgPath: org?.path,
      before,
      after,
    });
    return after;
  });
}

export async function setUserActive(client: Db, ctx: ActionContext, input: z.output<typeof ZSetActive>) {
  assertManagesAny(ctx);
  if (input.id === ctx.user.id && !input.active) throw new UserError('users.errors.cannotDeactivateSelf');
  return client.$transaction(async (tx) => {
    await assertManages(tx, ctx, input.id);
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { active: true, org: { select: { path: true } } },
    });
    if (!before) throw new NotFoundError();
    if (before.active === input.active) return { changed: false };
    await tx.user.update({ where: { id: input.id }, data: { active: input.active } });
    const ended = input.active ? 0 : await endSessions(tx, input.id, 'deactivated');
    await trace(tx, ctx.actor, input.active ? 'user.activate' : 'user.deactivate', 'User', input.id, {
      orgPath: before.org?.path,
      before: { active: before.active },
      after: { active: input.active, ...(ended ? { sessionsEnded: ended } : {}) },
    });
    return { changed: true };
  });
}

export async function resetPassword(client: Db, ctx: ActionContext, input: z.output<typeof ZResetPassword>) {
  assertManagesAny(ctx);
  const named = await client.user.findUnique({ where: { id: input.id }, select: { username: true } });
  if (!named) throw new NotFoundError();
  await assertManages(client, ctx, input.id);
  if (commonPassword(input.password, named.username))
    throw new UserError('auth.password.common', {}, 'password');
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.id },
      select: { id: true, passwordHash: true, org: { select: { path: true } } },
    });
    if (!user) throw new NotFoundError();
    await assertManages(tx, ctx, input.id);
    await rememberPassword(tx, user.id, user.passwordHash);
    await tx.user.update({
      where: { id: input.id },
      data: {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        failedLogins: 0,
        lockedUntil: null,
      },
    });
    const ended = await endSessions(tx, input.id, 'password-reset');
    await trace(tx, ctx.actor, 'user.resetPassword', 'User', input.id, {
      orgPath: user.org?.path,
      after: { mustChangePassword: true, unlocked: true, sessionsEnded: ended },
    });
    return { id: input.id };
  });
}

export async function assignRole(client: Db, ctx: ActionContext, input: z.output<typeof ZAssignRole>) {
  if (!can(ctx.user, 'role.assign', 'global') && !can(ctx.user, 'user.manage', 'global'))
    assertCan(ctx.user, 'role.assign', 'global');
  return client.$transaction(async (tx) => {
    // The person's row locked first: two grants to one person at once are judged one after the other (so two
    // administrator roles cannot meet on them); and a lock per role, so two "first" 安全管理员 cannot both pass.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE id = ${input.userId}::uuid FOR NO KEY UPDATE`;
    if (!locked) throw new NotFoundError();
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'role.assign:' + input.role}))`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { id: true, roles: { select: { role: true } } },
    });
    const holders =
      (await tx.roleAssignment.count({ where: { role: input.role } })) +
      (await tx.auditEvent.count({
        where: { action: 'role.assign', after: { path: ['role'], equals: input.role } },
      }));
    const refusal = roleGrantRefusal(
      ctx.user,
      input.role,
      { id: user.id, roles: user.roles.map((r) => r.role) },
      holders,
    );
    if (refusal === 'errors.forbidden') throw new ForbiddenError();
    if (refusal) throw new UserError(refusal, {}, 'role');
    const org = await orgPathOf(tx, input.orgId);
    if (org?.status === 'ARCHIVED') throw new UserError('users.errors.orgArchived', {}, 'orgId');
    const exists = await tx.roleAssignment.findUnique({
      where: { userId_role_orgId: input },
      select: { id: true },
    });
    if (exists) throw new UserError('users.errors.roleExists', {}, 'role');
    const ra = await tx.roleAssignment.create({ data: input });
    await trace(tx, ctx.actor, 'role.assign', 'RoleAssignment', ra.id, {
      orgPath: org?.path,
      after: { ...ra, ...(can(ctx.user, 'role.assign', 'global') ? {} : { firstOfItsKind: true }) },
    });
    return ra;
  });
}

export async function removeRole(client: Db, ctx: ActionContext, input: z.output<typeof ZRemoveRole>) {
  assertCan(ctx.user, 'role.assign', 'global');
  return client.$transaction(async (tx) => {
    const ra = await tx.roleAssignment.findUnique({
      where: { id: input.id },
      include: { org: { select: { path: true } } },
    });
    if (!ra) throw new NotFoundError();
    if (ra.userId === ctx.user.id) throw new UserError('users.errors.notOwnRoles');
    await tx.roleAssignment.delete({ where: { id: ra.id } });
    // What the role allowed may be open in another tab: that person signs in again.
    const ended = await endSessions(tx, ra.userId, 'role-removed');
    const { org, ...before } = ra;
    await trace(tx, ctx.actor, 'role.remove', 'RoleAssignment', ra.id, {
      orgPath: org.path,
      before,
      after: { sessionsEnded: ended },
    });
    return { id: ra.id };
  });
}

/**
 * A user changes their own password; the current one must be right. A wrong one counts like a failed sign-in (five
 * lock the account); the new one must pass the policy (not common, not one of the last few, lib/auth/password-policy).
 */
export async function changeOwnPassword(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZChangePassword>,
) {
  const row = await client.user.findUnique({
    where: { id: ctx.user.id },
    select: {
      username: true,
      passwordHash: true,
      failedLogins: true,
      lockedUntil: true,
      org: { select: { path: true } },
    },
  });
  if (!row) throw new NotFoundError();
  const now = new Date();
  if (isLocked(row, now)) throw new UserError('auth.password.locked', {}, 'currentPassword');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    // Judged on the row locked as a sign-in locks it, so parallel wrong guesses each count.
    const next = await client.$transaction(async (tx) => {
      const [fresh] = await tx.$queryRaw<{ failedLogins: number; lockedUntil: Date | null }[]>`
        SELECT "failedLogins", "lockedUntil" FROM "User" WHERE id = ${ctx.user.id}::uuid FOR NO KEY UPDATE`;
      if (isLocked(fresh!, now)) return { ...fresh!, lockedNow: true };
      const next = await countWrongSecret(
        tx,
        { id: ctx.user.id, username: row.username, orgPath: row.org?.path, state: fresh! },
        ctx.actor,
        { kind: 'password.currentWrong', by: 'password-change' },
        now,
      );
      return next;
    });
    throw new UserError(
      next.lockedNow ? 'auth.password.locked' : 'auth.password.currentWrong',
      {},
      'currentPassword',
    );
  }
  const problem = await newPasswordProblem(
    client,
    { id: ctx.user.id, username: row.username, passwordHash: row.passwordHash },
    input.newPassword,
  );
  if (problem) throw new UserError(problem, {}, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return client.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), failedLogins: 0 },
    });
    await rememberPassword(tx, ctx.user.id, row.passwordHash);
    // Every other session of the person ends; the one that changed the password goes on.
    const ended = await endSessions(tx, ctx.user.id, 'password-changed', sessionOf(ctx.user));
    await trace(tx, ctx.actor, 'auth.password.change', 'User', ctx.user.id, {
      orgPath: row.org?.path,
      after: { sessionsEnded: ended },
    });
    return { id: ctx.user.id };
  });
}
