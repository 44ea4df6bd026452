import { z } from 'zod';
import { MEETING_KINDS } from './rules';

const blank = (v: unknown) => (v === '' ? undefined : v);

/** The list's filters as they come from the address; anything malformed is dropped, never a 500. */
export const ZMeetingFilter = z.object({
  orgId: z.preprocess(blank, z.uuid().optional()).catch(undefined),
  kind: z.preprocess(blank, z.enum(MEETING_KINDS).optional()).catch(undefined),
  from: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  to: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
