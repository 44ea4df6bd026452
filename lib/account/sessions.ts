/**
 * A person's own sessions: the list (device, IP, when) and ending one or all the others. Only the owner reaches
 * them (lib/policy isOwner); another person's session id is not found. Every end is traced.
 */
import { z } from 'zod';
import { type ActionContext, inTransaction } from '../action-context';
import { trace } from '../audit-log';
import { deviceLabel, endSessions, sessionLimit, sessionOf } from '../auth/sessions';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../auth/rules';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { msg } from '../i18n/message';
import { isOwner, type Subject } from '../policy';

export const ZEndSession = z.object({ id: z.uuid(msg('validation.invalidId')) });
export const ZEndOtherSessions = z.object({}).strict();

export type OwnSession = {
  id: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The person's live sessions, the current one first. */
export async function ownSessions(client: Db, user: Subject & { sessionId: string }, now = new Date()) {
  const rows = await client.userSession.findMany({
    where: {
      userId: user.id,
      endedAt: null,
      lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
      createdAt: { gt: new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS) },
    },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userId: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  const sessions: OwnSession[] = rows
    .filter((r) => isOwner(user, r.userId))
    .map((r) => ({
      id: r.id,
      device: deviceLabel(r.userAgent),
      ip: r.ip,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      current: r.id === user.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { sessions, limit: await sessionLimit(client) };
}

export const endOwnSession = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZEndSession>) => {
    const row = await tx.userSession.findUnique({
      where: { id: input.id },
      select: { userId: true, endedAt: true },
    });
    if (!row || !isOwner(ctx.user, row.userId)) throw new NotFoundError();
    if (row.endedAt) return { ended: 0 };
    await tx.userSession.update({
      where: { id: input.id },
      data: { endedAt: new Date(), endReason: 'ended-by-owner' },
    });
    await trace(tx, ctx.actor, 'auth.session.end', 'UserSession', input.id, {
      after: { current: input.id === sessionOf(ctx.user) },
    });
    return { ended: 1 };
  },
);

export async function endOtherOwnSessions(client: Db, ctx: ActionContext) {
  return client.$transaction(async (tx) => {
    const ended = await endSessions(tx, ctx.user.id, 'ended-by-owner', sessionOf(ctx.user));
    await trace(tx, ctx.actor, 'auth.session.endOthers', 'User', ctx.user.id, {
      after: { ended },
    });
    return { ended };
  });
}
