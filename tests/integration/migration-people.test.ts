// The people migration keeps every login working: replayed in a scratch schema up to the migration before it,
// with an account in a unit, an administrator without one, then the migration itself.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { MIGRATIONS_DIR } from '../../lib/db/schema-engine';

const SCHEMA = 'wb_people_migration';
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => client.connect());
afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.end();
});

const migrations = async () => (await readdir(MIGRATIONS_DIR)).filter((d) => /^\d{14}_/.test(d)).sort();
const run = async (dir: string) =>
  client.query(
    `BEGIN; SET LOCAL search_path TO ${SCHEMA}, public; ${await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8')}; COMMIT;`,
  );

describe('migration 20261130042334_people', () => {
  it('makes every account of a unit a person linked to it, and changes no account', async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    const all = await migrations();
    const at = all.indexOf('20261130042334_people');
    expect(at).toBeGreaterThan(0);
    for (const dir of all.slice(0, at)) await run(dir);

    const org = randomUUID();
    const [member, admin] = [randomUUID(), randomUUID()];
    const hash = await hashPassword('Member@2026x');
    await client.query(`SET search_path TO ${SCHEMA}, public`);
    await client.query(
      `INSERT INTO "Organization" (id, name, type, path, "updatedAt") VALUES ($1, '迁移测试党支部', 'BRANCH', $2, now())`,
      [org, `/${org}/`],
    );
    await client.query(
      `INSERT INTO "User" (id, username, name, phone, "orgId", "passwordHash", "updatedAt")
       VALUES ($1, 'zhangsan', '张三', '13800000000', $3, $4, now()), ($2, 'sysadmin', '管理员', NULL, NULL, $4, now())`,
      [member, admin, org, hash],
    );
    const before = (await client.query(`SELECT * FROM "User" ORDER BY username`)).rows;

    await run(all[at]!);
    await client.query(`SET search_path TO ${SCHEMA}, public`);
    const people = (await client.query(`SELECT * FROM "Person"`)).rows;
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      employeeNo: 'zhangsan',
      name: '张三',
      phone: '13800000000',
      orgId: org,
      userId: member,
      status: null,
    });
    const after = (await client.query(`SELECT * FROM "User" ORDER BY username`)).rows;
    expect(after).toEqual(before);
    expect(
      await verifyPassword(after.find((u) => u.username === 'zhangsan').passwordHash, 'Member@2026x'),
    ).toBe(true);
    await client.query('SET search_path TO public');
  });
});
