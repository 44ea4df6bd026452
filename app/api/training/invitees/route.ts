import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ForbiddenError } from '@/lib/errors';
import { searchInvitees } from '@/lib/training/queries';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ q: z.string().trim().min(1).max(50) }).strict();

/**
 * GET /api/training/invitees?q=<text> — people a new class may invite whose name or account holds the text, for the
 * class form of a company too large for one list. Through lib/policy (learning.manage): no session → 401, refused →
 * 403, a bad query → 400.
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'errors.unauthenticated' }, { status: 401 });
  const parsed = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return Response.json({ error: 'errors.invalidInput' }, { status: 400 });
  try {
    return Response.json(await searchInvitees(user, parsed.data.q));
  } catch (e) {
    if (e instanceof ForbiddenError) return Response.json({ error: 'errors.forbidden' }, { status: 403 });
    throw e;
  }
}
