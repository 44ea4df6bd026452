/**
 * The first start of a production database (DATABASE_URL set, no SEED_DEMO=true): no demo company and no known
 * password. One system administrator is made with a random one-time password, printed once to the console (only
 * its argon2 hash is stored) and to be changed at first sign-in, beside the company's 党委 as the root unit (its
 * name from COMPANY_COMMITTEE_NAME, editable later). Nothing is done to a database that already has an account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendTrace } from './audit-log';
import { hashPassword } from './auth/password';
import type { Db } from './db/client';

/** 16 characters from four classes, with no look-alikes (0/O, 1/l/I). */
export function oneTimePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@^'];
  const all = sets.join('');
  const bytes = randomBytes(32);
  const chars = sets.map((s, i) => s[bytes[i]! % s.length]!);
  for (let i = 4; i < 16; i++) chars.push(all[bytes[i]! % all.length]!);
  // Shuffle so the classes are not in a fixed order.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = bytes[16 + (i % 16)]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export async function bootstrapAdmin(
  client: Db,
  opts: { committeeName?: string; print?: (line: string) => void } = {},
): Promise<{ created: false } | { created: true; username: string }> {
  const print = opts.print ?? ((line: string) => console.log(line));
  if ((await client.user.count()) > 0) return { created: false };
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const username = 'admin';
  const created = await client.$transaction(async (tx) => {
    // Two app instances starting at once: only one makes the administrator.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wubiao.bootstrap'))`;
    if ((await tx.user.count()) > 0) return false;
    let root = await tx.organization.findFirst({ where: { parentId: null }, orderBy: { createdAt: 'asc' } });
    if (!root) {
      const id = randomUUID();
      root = await tx.organization.create({
        data: {
          id,
          name: (opts.committeeName || '本单位党委').slice(0, 120),
          type: 'COMMITTEE',
          path: `/${id}/`,
          depth: 0,
        },
      });
    }
    const user = await tx.user.create({
      data: { username, name: '系统管理员', passwordHash, mustChangePassword: true, orgId: root.id },
    });
    await tx.roleAssignment.create({ data: { userId: user.id, role: 'ADMIN', orgId: root.id } });
    await appendTrace(
      tx,
      { id: null, name: 'system', ip: null, userAgent: null },
      {
        action: 'system.bootstrapAdmin',
        entityType: 'User',
        entityId: user.id,
        orgPath: root.path,
        after: { username, mustChangePassword: true },
      },
    );
    return true;
  });
  if (!created) return { created: false };
  print('▶ 已创建系统管理员 created the system administrator');
  print(`  用户名 username: ${username}`);
  print(`  一次性密码 one-time password: ${password}`);
  print('  首次登录须修改；此密码不会再次显示 change it at first sign-in; it is not shown again.');
  return { created: true, username };
}
