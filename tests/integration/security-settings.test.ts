import { describe, expect, it } from 'vitest';
import { factorSetting, FACTOR_SETTING } from '../../lib/auth/factors';
import { DEMO_MARKER } from '../../lib/demo';
import { readSecuritySettings, saveSecuritySettings, ZSecuritySettings } from '../../lib/security/settings';
import { RETENTION_SETTING } from '../../lib/trace/retention';
import { testDb } from '../fixtures/db';
import { treeWithUsers } from '../fixtures/tree';

const db = testDb();
const { security, system, auditor } = treeWithUsers(db, {
  security: ['SECURITY_ADMIN', 'root'],
  system: ['ADMIN', 'root'],
  auditor: ['AUDIT_ADMIN', 'root'],
});

describe('security settings (安全管理员 only)', () => {
  it('the 安全管理员 saves them with one trace event; administrators keep their factor whatever is unticked', async () => {
    const current = await readSecuritySettings(db, security.subject);
    const input = ZSecuritySettings.parse({
      ...current,
      sessions: { limit: 4 },
      factors: { ...current.factors, requiredRoles: ['COMMITTEE'], demoExempt: false },
      retention: { days: 400 },
    });
    await saveSecuritySettings(db, security.ctx, input);
    const f = await factorSetting(db);
    expect(f.requiredRoles).toEqual(
      expect.arrayContaining(['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'COMMITTEE']),
    );
    expect((await db.setting.findUniqueOrThrow({ where: { key: RETENTION_SETTING } })).value).toEqual({
      days: 400,
    });
    const ev = await db.auditEvent.findFirstOrThrow({
      where: { action: 'security.settings', actorId: security.id },
      orderBy: { id: 'desc' },
    });
    expect(ev.after).toMatchObject({ sessions: { limit: 4 } });
  });

  it('refuses the 系统管理员 and the 审计管理员, a retention under 180 days, and the demo exemption outside a demo', async () => {
    const current = await readSecuritySettings(db, security.subject);
    const before = await db.setting.findMany({ orderBy: { key: 'asc' } });
    for (const who of [system, auditor])
      await expect(saveSecuritySettings(db, who.ctx, current)).rejects.toThrow('errors.forbidden');
    await expect(readSecuritySettings(db, system.subject)).rejects.toThrow('errors.forbidden');
    expect(ZSecuritySettings.safeParse({ ...current, retention: { days: 90 } }).success).toBe(false);
    const demo = await db.setting.findUnique({ where: { key: DEMO_MARKER } });
    if (!demo)
      await expect(
        saveSecuritySettings(db, security.ctx, {
          ...current,
          factors: { ...current.factors, demoExempt: true },
        }),
      ).rejects.toThrow('securitySettings.errors.demoOnly');
    expect(await db.setting.findMany({ orderBy: { key: 'asc' } })).toEqual(before);
    await db.setting.deleteMany({
      where: { key: { in: [FACTOR_SETTING, RETENTION_SETTING, 'security.sessions'] } },
    });
  });
});
