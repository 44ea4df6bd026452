import { actorOf } from '@/lib/auth/current-user';
import { deniedResponse } from '@/lib/auth/refusals';
import { ForbiddenError } from '@/lib/errors';
import { exportRosterFor } from '@/lib/people/queries/roster';
import { ZRosterFilter } from '@/lib/people/schema';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

/** 党员花名册 of the roster's current filter; phones masked where the reader may not see them; traced. */
export const GET = workbookRoute(
  (user) => can(user, 'person.export'),
  async (user, req) => {
    const filter = ZRosterFilter.parse(Object.fromEntries(req.nextUrl.searchParams));
    try {
      return [await exportRosterFor(user, await actorOf(user), filter), '党员花名册'];
    } catch (e) {
      // A unit outside the reader's scope in the filter: refused like the page, not a 500.
      if (e instanceof ForbiddenError) return deniedResponse(user);
      throw e;
    }
  },
);
