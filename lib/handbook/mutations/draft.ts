import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';

/** Published and superseded versions are frozen: every write to a version's content goes through here. */
export async function assertDraft(tx: Tx, versionId: string) {
  const v = await tx.handbookVersion.findUnique({
    where: { id: versionId },
    select: { status: true, label: true },
  });
  if (!v) throw new NotFoundError();
  if (v.status !== 'DRAFT') throw new UserError('handbook.errors.frozen', { label: v.label });
}
