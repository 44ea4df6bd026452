/**
 * A person's own company identities (企业微信, 钉钉, 飞书, the company's OIDC): the list on 账号安全 and unlinking one.
 * Only the owner reaches them (lib/policy isOwner): another person's link is not found. An unlink is traced.
 */
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { appendTrace } from '../audit-log';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { msg } from '../i18n/message';
import { isOwner, type Subject } from '../policy';

export const ZUnlinkIdentity = z.object({ id: z.uuid(msg('validation.invalidId')) });

export async function ownIdentities(client: Db, user: Subject) {
  const rows = await client.externalIdentity.findMany({
    where: { userId: user.id },
    orderBy: { linkedAt: 'asc' },
    select: { id: true, userId: true, provider: true, label: true, linkedAt: true, lastUsedAt: true },
  });
  return rows.filter((r) => isOwner(user, r.userId));
}

export async function unlinkOwnIdentity(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZUnlinkIdentity>,
) {
  return client.$transaction(async (tx) => {
    const row = await tx.externalIdentity.findUnique({ where: { id: input.id } });
    if (!row || !isOwner(ctx.user, row.userId)) throw new NotFoundError();
    await tx.externalIdentity.delete({ where: { id: row.id } });
    await appendTrace(tx, ctx.actor, {
      action: 'auth.identity.unlink',
      entityType: 'User',
      entityId: row.userId,
      before: { provider: row.provider, subject: row.subject, label: row.label },
    });
    return { id: row.id };
  });
}
