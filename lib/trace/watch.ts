/**
 * The scheduled check of the trace (lib/jobs.ts, hourly): verify the chain and the checkpoints; when everything
 * holds, sign a new checkpoint; when not, tell every active 审计管理员 (in-app, and their channels) naming the first
 * problem, and sign nothing — a checkpoint never vouches for a broken trace.
 */
import { notify } from '../channels/notify';
import type { Db } from '../db/client';
import {
  checkpointStore,
  describeProblem,
  verifyTrace,
  writeCheckpoint,
  type CheckpointStore,
} from './checkpoints';

export async function watchTrace(db: Db, store: CheckpointStore = checkpointStore(), now = new Date()) {
  const report = await verifyTrace(db, store);
  if (report.ok) {
    const c = await writeCheckpoint(db, store, now);
    return { ok: true as const, checkpoint: c };
  }
  const first = describeProblem(report.problems[0]!);
  console.error(`[trace] check failed: ${report.problems.map(describeProblem).join('; ')}`);
  const auditors = await db.roleAssignment.findMany({
    where: { role: 'AUDIT_ADMIN', user: { active: true } },
    select: { userId: true },
  });
  await db.$transaction((tx) =>
    notify(tx, {
      userIds: auditors.map((a) => a.userId),
      kind: 'SECURITY',
      titleKey: 'notifications.titles.traceBroken',
      params: { problem: first },
      link: '/admin/audit-log',
      // Once per distinct problem, not once an hour.
      dedupeKey: `trace:${first}`.slice(0, 120),
    }),
  );
  return { ok: false as const, problems: report.problems, notified: auditors.length };
}
