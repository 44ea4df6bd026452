import { z } from 'zod';
import { msg } from '../i18n/message';
import { plainText } from '../validation';
export { REVISION_FIELDS } from './rules';
import { REVISION_FIELDS } from './rules';

export const ZPropose = z.object({
  articleId: z.uuid(msg('validation.invalidId')),
  field: z.enum(REVISION_FIELDS, msg('revisions.errors.field')),
  proposedText: plainText(5000, 2, 'revisions.errors.textRequired'),
  reason: plainText(1000, 2, 'revisions.errors.reasonRequired'),
  findingId: z.uuid().optional(),
});
export type TPropose = z.output<typeof ZPropose>;

export const ZDecide = z
  .object({
    proposalId: z.uuid(msg('validation.invalidId')),
    decision: z.enum(['ACCEPT', 'REJECT', 'MERGE']),
    note: plainText(500).optional(),
    mergeIntoId: z.uuid().optional(),
  })
  .refine((d) => d.decision !== 'REJECT' || (d.note?.length ?? 0) >= 2, {
    message: msg('revisions.errors.reasonRequired'),
    path: ['note'],
  })
  .refine((d) => d.decision !== 'MERGE' || !!d.mergeIntoId, {
    message: msg('revisions.errors.mergeTarget'),
    path: ['mergeIntoId'],
  });
export type TDecide = z.output<typeof ZDecide>;
