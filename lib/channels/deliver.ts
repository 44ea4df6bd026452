/**
 * Sending what notify() put in the outbox. Each delivery is one pg-boss job with retries and backoff;
 * the job throws on failure so the queue retries it, and after the last attempt the row is FAILED
 * with the error kept for the admin. A sweep re-queues rows left PENDING (an instance stopped, or
 * jobs were off where the action ran).
 */
import type PgBoss from 'pg-boss';
import type { Db } from '../db/client';
import { isCardChannel, sendCard, type Card } from './cards';
import { sendMail } from './email';
import { sendRobot, type RobotKind } from './webhook';

export const DELIVER_QUEUE = 'channels.deliver';
export const MAX_ATTEMPTS = 5;
export const RETRY = { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true } as const;

/**
 * Sends one delivery; returns its final state or throws (to be retried) while attempts remain.
 * The row is locked (SKIP LOCKED) while sending, so two jobs for one delivery never both send it.
 */
export async function deliverOne(db: Db, id: string): Promise<'SENT' | 'FAILED' | 'SKIPPED'> {
  let error: Error | null = null;
  const state = await db.$transaction(
    async (tx) => {
      const [d] = await tx.$queryRaw<
        { channel: string; target: string; payload: unknown; attempts: number }[]
      >`
      SELECT channel, target, payload, attempts FROM "Delivery" WHERE id = ${id}::uuid AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
      if (!d) return 'SKIPPED' as const;
      try {
        if (d.channel === 'EMAIL') {
          const p = d.payload as { subject: string; text: string };
          await sendMail({ to: d.target, subject: p.subject, text: p.text });
        } else if (isCardChannel(d.channel)) {
          await sendCard(d.channel, d.target, d.payload as Card);
        } else {
          const hook = await tx.robotHook.findUnique({ where: { id: d.target } });
          if (!hook?.active) throw new Error('robot removed or inactive');
          await sendRobot(
            hook.kind as RobotKind,
            { url: hook.url, secret: hook.secret },
            d.payload as { title: string; text: string },
          );
        }
        await tx.delivery.update({
          where: { id },
          data: { status: 'SENT', sentAt: new Date(), attempts: d.attempts + 1, lastError: null },
        });
        return 'SENT' as const;
      } catch (e) {
        error = e as Error;
        const attempts = d.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        await tx.delivery.update({
          where: { id },
          data: {
            attempts,
            lastError: String(error.message).slice(0, 500),
            status: failed ? 'FAILED' : 'PENDING',
          },
        });
        return failed ? ('FAILED' as const) : ('RETRY' as const);
      }
    },
    { timeout: 30_000 },
  );
  if (state === 'RETRY') throw error!;
  return state;
}

export async function enqueueDeliveries(boss: PgBoss, ids: string[], retry: PgBoss.SendOptions = RETRY) {
  for (const id of ids) await boss.send(DELIVER_QUEUE, { id }, { ...retry, singletonKey: id });
}

/** PENDING rows older than a few minutes that no job is carrying. */
export async function sweepPending(db: Db, boss: PgBoss, olderThanMs = 5 * 60_000) {
  const rows = await db.delivery.findMany({
    where: { status: 'PENDING', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 500,
  });
  await enqueueDeliveries(
    boss,
    rows.map((r) => r.id),
  );
  return rows.length;
}
