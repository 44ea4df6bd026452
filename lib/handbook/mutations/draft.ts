import type { ActionContext } from '../../action-context';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { assertCanCompanyWide } from '../../policy';

/**
 * One edit of the handbook: a transaction that first checks `handbook.edit` company-wide (inside it, so a
 * role taken away meanwhile is seen), then runs `edit`, whose writes and trace commit or roll back together.
 */
export function editHandbook<T>(
  client: Db,
  ctx: ActionContext,
  edit: (tx: Tx) => Promise<T>,
  options?: { timeout: number },
): Promise<T> {
  return client.$transaction(async (tx) => {
    await assertCanCompanyWide(tx, ctx.user, 'handbook.edit');
    return edit(tx);
  }, options);
}

/** `editHandbook` as a mutation of (client, context, input): the form most handbook writes take. */
export function handbookEdit<I, T>(edit: (tx: Tx, ctx: ActionContext, input: I) => Promise<T>) {
  return (client: Db, ctx: ActionContext, input: I): Promise<T> =>
    editHandbook(client, ctx, (tx) => edit(tx, ctx, input));
}

/** Published and superseded versions are frozen: every write to a version's content goes through here. */
export async function assertDraft(tx: Tx, versionId: string) {
  const v = await tx.handbookVersion.findUnique({
    where: { id: versionId },
    select: { status: true, label: true },
  });
  if (!v) throw new NotFoundError();
  if (v.status !== 'DRAFT') throw new UserError('handbook.errors.frozen', { label: v.label });
}
