/**
 * Holds on a first company link (linking, not guessing). A company sign-in links an identity to the one account whose
 * 工号, phone or e-mail equals the provider's value; whoever can edit that field could point another person's account
 * at their own WeCom/DingTalk/Feishu identity. So:
 * - a change of 工号, phone or e-mail by anyone but the account's owner holds a first link matched by that field;
 * - an unlink holds that identity, so the next sign-in does not link it again by the same field;
 * - the 安全管理员 (identity.manage) reviews and clears a hold on the account's page, never one their own change
 *   made; every step is traced.
 * A link that already exists is never held: the owner's everyday sign-in does not change.
 */
import { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { type Actor, trace } from '../../audit-log';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { msg } from '../../i18n/message';
import { assertCan, can, type Subject } from '../../policy';

export const HOLD_FIELDS = ['employeeNo', 'phone', 'email'] as const;
export type HoldField = (typeof HOLD_FIELDS)[number];

/** Phone numbers as people type them: +86, spaces and dashes dropped. */
export const normalPhone = (v: string) =>
  v
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '')
    .trim();

export const ZClearHold = z.object({ id: z.uuid(msg('validation.invalidId')) });

/**
 * After an edit of another person's account or person record: one hold per changed matching field. The editor's own
 * account is never held (a person may correct their own phone); a field set for the first time is held as well (a
 * person with no phone on file is exactly whose account a new phone would take over).
 */
export async function holdChangedFields(
  tx: Tx,
  actor: Actor,
  userId: string | null | undefined,
  before: Partial<Record<HoldField, string | null | undefined>>,
  after: Partial<Record<HoldField, string | null | undefined>>,
) {
  if (!userId || actor.id === userId) return 0;
  // Compared as the match compares them: a phone as people type it, an e-mail in any case, a 工号 exactly.
  const norm = (f: HoldField, v: string | null | undefined) =>
    f === 'phone' ? normalPhone(v ?? '') : f === 'email' ? (v ?? '').trim().toLowerCase() : (v ?? '').trim();
  const changed = HOLD_FIELDS.filter(
    (f) => f in after && norm(f, after[f]) !== '' && norm(f, after[f]) !== norm(f, before[f]),
  );
  if (!changed.length) return 0;
  const open = await tx.identityHold.findMany({
    where: { userId, reason: 'fieldChanged', clearedAt: null, field: { in: changed } },
    select: { field: true },
  });
  const have = new Set(open.map((h) => h.field));
  const fresh = changed.filter((f) => !have.has(f));
  if (!fresh.length) return 0;
  await tx.identityHold.createMany({
    data: fresh.map((field) => ({ userId, reason: 'fieldChanged', field, createdById: actor.id })),
  });
  await trace(tx, actor, 'auth.identity.hold', 'User', userId, {
    orgPath: await orgPathOfUser(tx, userId),
    after: { reason: 'fieldChanged', fields: fresh },
  });
  return fresh.length;
}

/** The account's unit, so the trace is read where the account's other events are. */
export async function orgPathOfUser(tx: Tx, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { org: { select: { path: true } } } });
  return u?.org?.path ?? null;
}

/** After an unlink (by the owner or the 安全管理员): the same identity is not linked again without review. */
export async function holdUnlinked(
  tx: Tx,
  actor: Actor,
  row: { userId: string; provider: string; subject: string },
) {
  await tx.identityHold.create({
    data: {
      userId: row.userId,
      reason: 'unlinked',
      provider: row.provider,
      subject: row.subject,
      createdById: actor.id,
    },
  });
}

/** The open hold that stops linking `subject` to `userId` through a match on `field`, if any. */
export async function holdOnLink(
  client: Db | Tx,
  userId: string,
  link: { provider: string; subject: string; field: string },
) {
  return client.identityHold.findFirst({
    where: {
      userId,
      clearedAt: null,
      OR: [
        { reason: 'fieldChanged', field: link.field },
        { reason: 'unlinked', provider: link.provider, subject: link.subject },
      ],
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, reason: true, field: true },
  });
}

/** The account page's view for the 安全管理员: links and open holds. Others get nothing. */
export async function identitiesOf(client: Db, me: Subject, userId: string) {
  if (!can(me, 'identity.manage', 'global')) return null;
  const [links, holds] = await Promise.all([
    client.externalIdentity.findMany({
      where: { userId },
      orderBy: { linkedAt: 'asc' },
      select: { id: true, provider: true, label: true, linkedAt: true, lastUsedAt: true },
    }),
    client.identityHold.findMany({
      where: { userId, clearedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, reason: true, field: true, provider: true, createdAt: true },
    }),
  ]);
  return { links, holds };
}

/** The 安全管理员 confirms a hold was reviewed: the next sign-in may link again. */
export async function clearHold(client: Db, ctx: ActionContext, input: z.output<typeof ZClearHold>) {
  assertCan(ctx.user, 'identity.manage', 'global');
  return client.$transaction(async (tx) => {
    const hold = await tx.identityHold.findUnique({
      where: { id: input.id },
      include: { user: { select: { org: { select: { path: true } } } } },
    });
    if (!hold || hold.clearedAt) throw new NotFoundError();
    // Whoever made the change reviews nothing of their own: another 安全管理员 does.
    if (hold.createdById === ctx.user.id) throw new UserError('users.errors.notOwnHold');
    const done = await tx.identityHold.updateMany({
      where: { id: hold.id, clearedAt: null },
      data: { clearedAt: new Date(), clearedById: ctx.user.id },
    });
    if (done.count === 0) throw new NotFoundError();
    await trace(tx, ctx.actor, 'auth.identity.holdClear', 'User', hold.userId, {
      orgPath: hold.user.org?.path,
      before: { reason: hold.reason, field: hold.field, provider: hold.provider, subject: hold.subject },
    });
    return { id: hold.id };
  });
}
