import { actorOf, getCurrentUser } from '@/lib/auth/current-user';
import { xlsxResponse } from '@/lib/excel/response';
import { exportRosterFor } from '@/lib/people/queries/roster';
import { ZRosterFilter } from '@/lib/people/schema';
import { can } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** 党员花名册 of the roster's current filter; phones masked where the reader may not see them; traced. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'person.export')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const filter = ZRosterFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    return xlsxResponse(await exportRosterFor(user, await actorOf(user), filter), '党员花名册');
  } catch (e) {
    // A unit outside the reader's scope in the filter: refused like the page, not a 500.
    if (e instanceof ForbiddenError) return Response.json({ error: 'forbidden' }, { status: 403 });
    throw e;
  }
}
