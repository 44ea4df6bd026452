import { describe, expect, it } from 'vitest';
import { myData } from '../../lib/account/my-data';
import { purgeSecurityEvents, RETENTION_SETTING, ZRetentionSetting } from '../../lib/trace/retention';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser } from '../fixtures/factories';

const db = testDb();
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe('security events are kept at least 180 days', () => {
  it('the purge removes only what is past the retention, and the database refuses anything younger than 180 days', async () => {
    const tag = `ret-${Date.now()}`;
    await db.securityEvent.createMany({
      data: [
        { kind: 'login.failed', username: tag, at: daysAgo(400) },
        { kind: 'login.failed', username: tag, at: daysAgo(200) },
        { kind: 'login.failed', username: tag, at: daysAgo(100) },
      ],
    });
    await db.setting.upsert({
      where: { key: RETENTION_SETTING },
      create: { key: RETENTION_SETTING, value: { days: 365 } },
      update: { value: { days: 365 } },
    });
    expect(await purgeSecurityEvents(db)).toBeGreaterThanOrEqual(1);
    expect(await db.securityEvent.count({ where: { username: tag } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'security.purge' } })).toBeGreaterThanOrEqual(1);

    // Under the floor: the setting refuses it, the database function refuses it.
    expect(ZRetentionSetting.safeParse({ days: 90 }).success).toBe(false);
    // A setting written around the form (90 days): the database still keeps 180 — the 200-day-old event goes,
    // the 100-day-old one stays.
    await db.setting.update({ where: { key: RETENTION_SETTING }, data: { value: { days: 90 } } });
    await purgeSecurityEvents(db);
    expect(await db.securityEvent.count({ where: { username: tag } })).toBe(1);
    // And a deletion outside the function, even switched "on", of an event younger than 180 days.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('wubiao.purge', 'on', true)`;
        await tx.$executeRaw`DELETE FROM "SecurityEvent" WHERE username = ${tag}`;
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.securityEvent.count({ where: { username: tag } })).toBe(1);
    await db.setting.delete({ where: { key: RETENTION_SETTING } });
  });
});

describe('a person’s copy of their own data', () => {
  it('holds their account, party record and actions, and nobody else’s', async () => {
    const tree = await makeTree(db);
    const me = await makeUser(db, 'MEMBER', tree.a);
    const other = await makeUser(db, 'MEMBER', tree.a);
    await db.person.create({
      data: {
        employeeNo: `E${Date.now()}`,
        name: me.name,
        phone: '13912345678',
        status: 'FULL',
        orgId: tree.a.id,
        userId: me.id,
      },
    });
    const data = await myData(db, me.subject);
    expect(data.account.username).toBe(me.username);
    expect(data.partyRecord).toMatchObject({ phone: '13912345678', status: 'FULL' });
    expect(JSON.stringify(data)).not.toContain(other.username);
    expect(() => JSON.stringify(data)).not.toThrow();
  });
});
