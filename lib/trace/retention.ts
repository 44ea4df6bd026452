/**
 * How long security events are kept (issue 16.13): `Setting` `security.retention` ({"days": 365} by default), never
 * less than 180 days (网络安全法 第二十一条) — the floor is kept by the database too (migration
 * security_event_retention): its purge function reads the setting and never goes under 180 days, and the table's
 * trigger refuses deleting a younger event. The trace itself (AuditEvent) is never purged: it is a hash
 * chain the company keeps for good (痕迹管理), and deleting its head would break every later link.
 */
import { z } from 'zod';
import { SYSTEM_ACTOR, trace } from '../audit-log';
import type { Db, Tx } from '../db/client';
import { msg } from '../i18n/message';

export const RETENTION_SETTING = 'security.retention';
export const MIN_RETENTION_DAYS = 180;
export const ZRetentionSetting = z
  .object({
    days: z.coerce
      .number()
      .int()
      .min(MIN_RETENTION_DAYS, msg('securitySettings.errors.retentionFloor', { min: MIN_RETENTION_DAYS }))
      .max(3650),
  })
  .strict();
export const DEFAULT_RETENTION_DAYS = 365;

export async function retentionDays(client: Db | Tx): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: RETENTION_SETTING } });
  const parsed = ZRetentionSetting.safeParse(row?.value);
  return parsed.success ? parsed.data.days : DEFAULT_RETENTION_DAYS;
}

/** Deletes the security events older than the retention (daily job); traced with how many. */
export async function purgeSecurityEvents(db: Db): Promise<number> {
  const days = await retentionDays(db);
  return db.$transaction(async (tx) => {
    // The function reads the setting itself and keeps its 180-day floor (migration security_event_retention).
    const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT purge_security_events() AS n`;
    if (n)
      await trace(tx, SYSTEM_ACTOR, 'security.purge', 'SecurityEvent', null, {
        after: { deleted: n, olderThanDays: days },
      });
    return n;
  });
}
