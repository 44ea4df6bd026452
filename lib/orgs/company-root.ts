import type { Db, Tx } from '../db/client';
import { NotFoundError } from '../errors';

/** The company's party committee: the oldest root of the tree (company-wide acts are checked against it). */
export async function companyRoot(client: Db | Tx): Promise<{ id: string; path: string }> {
  const root = await client.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  if (!root) throw new NotFoundError();
  return root;
}
