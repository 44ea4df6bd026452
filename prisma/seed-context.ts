/**
 * The demo seeds write through the domain's own mutations, as a person holding a company-wide role would:
 * the company root and an action context for that person over it (the shape the action client builds).
 */
import type { Db } from '../lib/db/client';
import { type OrgRef, type Role } from '../lib/policy';

export type SeedActor = {
  root: OrgRef;
  id: string;
  ctx: {
    user: { id: string; grants: { role: Role; orgId: string; orgPath: string }[] };
    actor: { id: string; name: string };
  };
};

/** `username` acting as `role` over the company root; null before the base seed has made either. */
export async function companyActor(db: Db, username: string, role: Role): Promise<SeedActor | null> {
  const root = await db.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  const user = await db.user.findUnique({ where: { username }, select: { id: true, name: true } });
  if (!root || !user) return null;
  const grants = [{ role, orgId: root.id, orgPath: root.path }];
  return { root, id: user.id, ctx: { user: { id: user.id, grants }, actor: user } };
}
