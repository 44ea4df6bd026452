import { z } from 'zod';
import { msg } from '../i18n/message';
export { REVISION_FIELDS } from './rules';
import { REVISION_FIELDS } from './rules';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));

export const ZPropose = z.object({
  articleId: z.uuid(msg('validation.invalidId')),
  field: z.enum(REVISION_FIELDS, msg('revisions.errors.field')),
  proposedText: text(5000).pipe(z.string().min(2, msg('revisions.errors.textRequired'))),
  reason: text(1000).pipe(z.string().min(2, msg('revisions.errors.reasonRequired'))),
  findingId: z.uuid().optional(),
});
export type TPropose = z.output<typeof ZPropose>;

export const ZDecide = z
  .object({
    proposalId: z.uuid(msg('validation.invalidId')),
    decision: z.enum(['ACCEPT', 'REJECT', 'MERGE']),
    note: text(500).optional(),
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
