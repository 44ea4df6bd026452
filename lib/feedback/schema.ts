import { z } from 'zod';
import { msg } from '../i18n/message';
import { id } from '../validation';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));

export const ZIssueFeedback = z.object({
  auditId: id,
  summary: text(2000).pipe(z.string().min(2, msg('feedback.errors.summaryRequired'))),
  deadline: z.iso.date(msg('validation.invalidDate')),
  items: z
    .array(
      z.object({
        findingId: id.optional(),
        criterionId: id.optional(),
        problem: text(1000).pipe(z.string().min(2, msg('feedback.errors.problemRequired'))),
        suggestion: text(1000).pipe(z.string().min(2, msg('feedback.errors.suggestionRequired'))),
      }),
    )
    .max(50),
  coordination: z
    .array(z.object({ findingId: id.optional(), departmentId: id, text: text(1000).pipe(z.string().min(2)) }))
    .max(20),
});
export type TIssueFeedback = z.output<typeof ZIssueFeedback>;

export const ZSheetId = z.object({ sheetId: id });
export const ZItemId = z.object({ itemId: id });
export const ZSavePlan = z.object({ itemId: id, plan: text(2000) });
export const ZAddNote = z.object({
  itemId: id,
  text: text(1000).pipe(z.string().min(2, msg('feedback.errors.noteRequired'))),
});
export const ZVerify = z
  .object({ itemId: id, accept: z.boolean(), reason: text(500).optional() })
  .refine((v) => v.accept || (v.reason?.length ?? 0) >= 2, {
    message: msg('feedback.errors.reasonRequired'),
    path: ['reason'],
  });
export const ZAnswerCoordination = z.object({
  taskId: id,
  answer: text(2000).pipe(z.string().min(2, msg('feedback.errors.answerRequired'))),
});
export const ZCloseCoordination = z.object({ taskId: id });
