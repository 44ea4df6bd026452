import { z } from 'zod';
import { storable } from '@/lib/validation';
import { searchInvitees } from '@/lib/training/queries';
import { queryRoute } from '../../_lib/query-route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/training/invitees?q=<text> — people a new class may invite whose name or account holds the text, for the
 * class form of a company too large for one list. Through lib/policy (learning.manage): no session → 401, refused →
 * 403, a bad query → 400.
 */
export const GET = queryRoute(
  z.object({ q: z.string().trim().min(1).max(50).refine(storable) }).strict(),
  (user, { q }) => searchInvitees(user, q),
);
