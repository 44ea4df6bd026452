import type { Db, Tx } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { assertCan, type Subject } from '../policy';

/**
 * The handbook is the company's: editing it means holding handbook.edit over the company root (the
 * committee's scope), not over some branch.
 */
export async function assertCanEditHandbook(client: Db | Tx, user: Subject) {
  const root = await client.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  if (!root) throw new NotFoundError();
  assertCan(user, 'handbook.edit', root);
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
