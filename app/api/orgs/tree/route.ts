import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { UserError } from '@/lib/errors';
import { orgChildrenForUser, searchOrgsForUser } from '@/lib/orgs/queries/tree';

export const dynamic = 'force-dynamic';

const ZQuery = z.union([
  z.object({ parent: z.uuid() }).strict(),
  z.object({ q: z.string().trim().min(1).max(50) }).strict(),
]);

/**
 * GET /api/orgs/tree?parent=<id> — a unit's children, for a branch opened on the tree page;
 * GET /api/orgs/tree?q=<text> — units of the user's scope whose name contains the text, with their ancestors.
 * Both read through lib/policy (org.read): no session → 401, outside the scope → 403, no such unit → 404.
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'errors.unauthenticated' }, { status: 401 });
  const parsed = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return Response.json({ error: 'errors.invalidInput' }, { status: 400 });
  try {
    if ('parent' in parsed.data)
      return Response.json({ children: await orgChildrenForUser(user, parsed.data.parent) });
    return Response.json(await searchOrgsForUser(user, parsed.data.q));
  } catch (e) {
    if (e instanceof UserError) {
      const status = e.key === 'errors.notFound' ? 404 : e.key === 'errors.forbidden' ? 403 : 400;
      return Response.json({ error: e.key }, { status });
    }
    throw e;
  }
}
