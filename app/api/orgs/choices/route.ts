import { z } from 'zod';
import { storable } from '@/lib/validation';
import { groupChoices, searchUnitChoices, UNIT_SOURCES } from '@/lib/orgs/queries/choices';
import { queryRoute } from '../../_lib/query-route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/orgs/choices?for=<source>&q=<text> — the units a form may offer whose name holds the text, for the unit
 * picker of a company too large for one list (lib/orgs/queries/choices);
 * GET /api/orgs/choices?for=partyGroup&parent=<id> — the party groups of a unit whose people the user manages.
 * Read through lib/policy: no session → 401, a source or unit the user may not use → 403, a bad query → 400.
 */
export const GET = queryRoute(
  z.union([
    z.object({ for: z.enum(UNIT_SOURCES), q: z.string().trim().min(1).max(50).refine(storable) }).strict(),
    z.object({ for: z.literal('partyGroup'), parent: z.uuid() }).strict(),
  ]),
  async (user, q) =>
    q.for === 'partyGroup'
      ? { groups: await groupChoices(user, q.parent) }
      : searchUnitChoices(user, q.for, q.q),
);
