import 'server-only';
import { db } from '../db';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, type Subject } from '../policy';
import type { Db } from '../db/client';

const PAGE = 50;

/** An account's fields that pages and traces may show (never the password hash). */
export const USER_PUBLIC_FIELDS = {
  id: true,
  username: true,
  name: true,
  phone: true,
  email: true,
  active: true,
  orgId: true,
  mustChangePassword: true,
} as const;

export async function listUsers(user: Subject, opts: { q?: string; page?: number }, client: Db = db) {
  if (!can(user, 'user.read', 'global')) throw new ForbiddenError();
  const q = opts.q?.trim().slice(0, 64);
  const where = q
    ? {
        OR: [
          { name: { contains: q } },
          { username: { contains: q, mode: 'insensitive' as const } },
          // Searching by phone is for whoever manages accounts (the list itself shows no phone numbers).
          ...(can(user, 'user.manage', 'global') ? [{ phone: { contains: q } }] : []),
        ],
      }
    : {};
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    client.user.findMany({
      where,
      select: {
        id: true,
        username: true,
        name: true,
        active: true,
        lockedUntil: true,
        mustChangePassword: true,
        org: { select: { id: true, name: true } },
        roles: { select: { role: true, org: { select: { name: true } } } },
      },
      orderBy: [{ roles: { _count: 'desc' } }, { username: 'asc' }],
      skip: (page - 1) * PAGE,
      take: PAGE,
    }),
    client.user.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export async function getUser(user: Subject, id: string, client: Db = db) {
  if (!can(user, 'user.read', 'global')) throw new ForbiddenError();
  const row = await client.user.findUnique({
    where: { id },
    select: {
      ...USER_PUBLIC_FIELDS,
      lockedUntil: true,
      lastLoginAt: true,
      createdAt: true,
      org: { select: { id: true, name: true } },
      roles: {
        select: { id: true, role: true, orgId: true, org: { select: { name: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!row) throw new NotFoundError();
  const [totp, passkeys] = await Promise.all([
    client.totpFactor.count({ where: { userId: id, confirmedAt: { not: null } } }),
    client.passkey.count({ where: { userId: id } }),
  ]);
  return { ...row, hasFactors: totp + passkeys > 0 };
}

/** Which of 安全管理员 / 审计管理员 some active person already holds (the 系统管理员 appoints only a first one). */
export async function appointedAdminRoles(user: Subject, client: Db = db): Promise<string[]> {
  if (!can(user, 'user.read', 'global')) throw new ForbiddenError();
  const rows = await client.roleAssignment.findMany({
    where: { role: { in: ['SECURITY_ADMIN', 'AUDIT_ADMIN'] }, user: { active: true } },
    select: { role: true },
    distinct: ['role'],
  });
  return rows.map((r) => r.role);
}

/** Every role assignment, optionally of one role, for the admin overview. */
/** Role assignments a page on /admin/roles. */
export const ROLE_PAGE = 100;

export async function listRoleAssignments(user: Subject, role?: string, page = 1, client: Db = db) {
  if (!can(user, 'role.assign', 'global')) throw new ForbiddenError();
  const where = role ? { role: role as never } : {};
  const total = await client.roleAssignment.count({ where });
  const pages = Math.max(1, Math.ceil(total / ROLE_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await client.roleAssignment.findMany({
    where,
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, username: true, active: true } },
      org: { select: { id: true, name: true } },
    },
    orderBy: [{ role: 'asc' }, { org: { path: 'asc' } }, { user: { name: 'asc' } }, { id: 'asc' }],
    skip: (current - 1) * ROLE_PAGE,
    take: ROLE_PAGE,
  });
  return { rows, total, page: current, pages };
}
