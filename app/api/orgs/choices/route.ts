import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ForbiddenError } from '@/lib/errors';
import { groupChoices, searchUnitChoices, UNIT_SOURCES } from '@/lib/orgs/queries/choices';

export const dynamic = 'force-dynamic';

const ZQuery = z.union([
  z.object({ for: z.enum(UNIT_SOURCES), q: z.string().trim().min(1).max(50) }).strict(),
  z.object({ for: z.literal('partyGroup'), parent: z.uuid() }).strict(),
]);

/**
 * GET /api/orgs/choices?for=<source>&q=<text> — the units a form may offer whose name holds the text, for the unit
 * picker of a company too large for one list (lib/orgs/queries/choices);
 * GET /api/orgs/choices?for=partyGroup&parent=<id> — the party groups of a unit whose people the user manages.
 * Read through lib/policy: no session → 401, a source or unit the user may not use → 403, a bad query → 400.
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'errors.unauthenticated' }, { status: 401 });
  const parsed = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return Response.json({ error: 'errors.invalidInput' }, { status: 400 });
  try {
    const q = parsed.data;
    if (q.for === 'partyGroup') return Response.json({ groups: await groupChoices(user, q.parent) });
    return Response.json(await searchUnitChoices(user, q.for, q.q));
  } catch (e) {
    if (e instanceof ForbiddenError) return Response.json({ error: 'errors.forbidden' }, { status: 403 });
    throw e;
  }
}
