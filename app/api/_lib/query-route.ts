import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { UserError } from '@/lib/errors';

/**
 * GET /api/…?…: a JSON answer to a signed-in user's query string, parsed by `schema`. No session → 401, a query the
 * schema refuses → 400; a refusal of the domain's read (lib/policy) → 403, what is not there → 404, another → 400.
 */
export function queryRoute<S extends z.ZodType<unknown, Record<string, string>>>(
  schema: S,
  answer: (user: CurrentUser, query: z.output<S>) => Promise<unknown>,
) {
  return async (req: NextRequest) => {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: 'errors.unauthenticated' }, { status: 401 });
    const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!parsed.success) return Response.json({ error: 'errors.invalidInput' }, { status: 400 });
    try {
      return Response.json(await answer(user, parsed.data));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const status = e.key === 'errors.notFound' ? 404 : e.key === 'errors.forbidden' ? 403 : 400;
      return Response.json({ error: e.key }, { status });
    }
  };
}
