/**
 * A person's own company identities (企业微信, 钉钉, 飞书, the company's OIDC): the list on 账号安全 and unlinking one.
 * Only the owner reaches them (lib/policy isOwner): another person's link is not found; the 安全管理员 (identity.manage)
 * may unlink anyone's. An unlink is traced and holds the identity (lib/auth/company/holds.ts).
 */
import { z } from 'zod';
import { type ActionContext, inTransaction } from '../action-context';
import { trace } from '../audit-log';
import type { Db, Tx } from '../db/client';
import { holdUnlinked, orgPathOfUser } from '../auth/company/holds';
import { NotFoundError } from '../errors';
import { msg } from '../i18n/message';
import { assertCan, isOwner, type Subject } from '../policy';

export const ZUnlinkIdentity = z.object({ id: z.uuid(msg('validation.invalidId')) });

export async function ownIdentities(client: Db, user: Subject) {
  const rows = await client.externalIdentity.findMany({
    where: { userId: user.id },
    orderBy: { linkedAt: 'asc' },
    select: { id: true, userId: true, provider: true, label: true, linkedAt: true, lastUsedAt: true },
  });
  return rows.filter((r) => isOwner(user, r.userId));
}

export const unlinkOwnIdentity = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZUnlinkIdentity>) => {
    const row = await tx.externalIdentity.findUnique({ where: { id: input.id } });
    if (!row || !isOwner(ctx.user, row.userId)) throw new NotFoundError();
    return unlink(tx, ctx, row);
  },
);

/** The 安全管理员 unlinks another person's identity (one found linked by mistake or malice). */
export async function unlinkIdentity(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZUnlinkIdentity>,
) {
  assertCan(ctx.user, 'identity.manage', 'global');
  return client.$transaction(async (tx) => {
    const row = await tx.externalIdentity.findUnique({ where: { id: input.id } });
    if (!row) throw new NotFoundError();
    return unlink(tx, ctx, row);
  });
}

/** Unlinked, held (the same identity is not linked again by the same field without review) and traced. */
async function unlink(
  tx: Tx,
  ctx: ActionContext,
  row: { id: string; userId: string; provider: string; subject: string; label: string | null },
) {
  // Two unlinks at once: the second finds nothing left to unlink.
  const gone = await tx.externalIdentity.deleteMany({ where: { id: row.id } });
  if (gone.count === 0) throw new NotFoundError();
  await holdUnlinked(tx, ctx.actor, row);
  await trace(tx, ctx.actor, 'auth.identity.unlink', 'User', row.userId, {
    orgPath: await orgPathOfUser(tx, row.userId),
    before: { provider: row.provider, subject: row.subject, label: row.label },
    after: { held: true },
  });
  return { id: row.id, userId: row.userId };
}

export type IdentityRow = {
  id: string;
  provider: string;
  label: string | null;
  since: string;
  lastUsed: string | null;
};

/** A link as the server read it, with its times written out (on the server, so both renders agree). */
export const identityRow = (
  i: { id: string; provider: string; label: string | null; linkedAt: Date; lastUsedAt: Date | null },
  when: (d: Date) => string,
): IdentityRow => ({
  id: i.id,
  provider: i.provider,
  label: i.label,
  since: when(i.linkedAt),
  lastUsed: i.lastUsedAt ? when(i.lastUsedAt) : null,
});
