import { z } from 'zod';
import { storable } from '@/lib/validation';
import { orgChildrenForUser, searchOrgsForUser } from '@/lib/orgs/queries/tree';
import { queryRoute } from '../../_lib/query-route';

export const dynamic = 'force-dynamic';

const ZQuery = z.union([
  z.object({ parent: z.uuid() }).strict(),
  z.object({ q: z.string().trim().min(1).max(50).refine(storable) }).strict(),
]);

/**
 * GET /api/orgs/tree?parent=<id> — a unit's children, for a branch opened on the tree page;
 * GET /api/orgs/tree?q=<text> — units of the user's scope whose name contains the text, with their ancestors.
 * Both read through lib/policy (org.read): no session → 401, outside the scope → 403, no such unit → 404.
 */
export const GET = queryRoute(ZQuery, async (user, q) =>
  'parent' in q ? { children: await orgChildrenForUser(user, q.parent) } : searchOrgsForUser(user, q.q),
);
