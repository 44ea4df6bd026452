/**
 * The back-fill flag (补台账 / 做假账 shows up this way): a completion is flagged for reviewers
 *  - LAG   when it is recorded more than `lagDays` days after the day it claims the work happened;
 *  - BURST when the unit records `burstCount` or more tasks of periods already over within `burstHours`
 *          (ledgers filled in a rush before an audit) — every task of the burst is flagged.
 * Thresholds come from the Setting "reminders.backfill" (JSON), else the defaults below.
 */
import type { Db, Tx } from '../db/client';

export type BackfillRule = { lagDays: number; burstCount: number; burstHours: number };
export const DEFAULT_BACKFILL: BackfillRule = { lagDays: 30, burstCount: 8, burstHours: 24 };

const DAY_MS = 86_400_000;

/** Days between the claimed activity day and the day it was recorded (both calendar days). */
export function lagDays(activityDate: string, recordedDay: string): number {
  return Math.round(
    (Date.parse(`${recordedDay}T00:00:00Z`) - Date.parse(`${activityDate}T00:00:00Z`)) / DAY_MS,
  );
}

export function isLag(activityDate: string, recordedDay: string, rule: BackfillRule): boolean {
  return lagDays(activityDate, recordedDay) > rule.lagDays;
}

export async function backfillRule(client: Db | Tx): Promise<BackfillRule> {
  const s = await client.setting.findUnique({ where: { key: 'reminders.backfill' } });
  const v = (s?.value ?? {}) as Partial<BackfillRule>;
  const pick = (x: unknown, d: number) => (typeof x === 'number' && x > 0 ? x : d);
  return {
    lagDays: pick(v.lagDays, DEFAULT_BACKFILL.lagDays),
    burstCount: pick(v.burstCount, DEFAULT_BACKFILL.burstCount),
    burstHours: pick(v.burstHours, DEFAULT_BACKFILL.burstHours),
  };
}

/** Flags the burst the unit's latest completion belongs to, if it is one. Returns how many were flagged. */
export async function flagBurst(
  tx: Tx,
  orgId: string,
  now: Date,
  today: string,
  rule: BackfillRule,
): Promise<number> {
  const since = new Date(now.getTime() - rule.burstHours * 3_600_000);
  const recent = await tx.reminderTask.findMany({
    where: {
      orgId,
      status: 'DONE',
      completedAt: { gte: since },
      periodEnd: { lt: new Date(`${today}T00:00:00Z`) },
    },
    select: { id: true, backfillFlag: true },
  });
  if (recent.length < rule.burstCount) return 0;
  const ids = recent.filter((r) => r.backfillFlag !== 'BURST').map((r) => r.id);
  if (ids.length)
    await tx.reminderTask.updateMany({ where: { id: { in: ids } }, data: { backfillFlag: 'BURST' } });
  return ids.length;
}
