import { z } from 'zod';
import { msg } from '../i18n/message';
import { id, plainText } from '../validation';

export const ZIssueFeedback = z.object({
  auditId: id,
  summary: plainText(2000, 2, 'feedback.errors.summaryRequired'),
  deadline: z.iso.date(msg('validation.invalidDate')),
  items: z
    .array(
      z.object({
        findingId: id.optional(),
        criterionId: id.optional(),
        problem: plainText(1000, 2, 'feedback.errors.problemRequired'),
        suggestion: plainText(1000, 2, 'feedback.errors.suggestionRequired'),
      }),
    )
    .max(50),
  coordination: z
    .array(z.object({ findingId: id.optional(), departmentId: id, text: plainText(1000, 2) }))
    .max(20),
});
export type TIssueFeedback = z.output<typeof ZIssueFeedback>;

export const ZSheetId = z.object({ sheetId: id });
export const ZItemId = z.object({ itemId: id });
export const ZSavePlan = z.object({ itemId: id, plan: plainText(2000) });
export const ZAddNote = z.object({
  itemId: id,
  text: plainText(1000, 2, 'feedback.errors.noteRequired'),
});
export const ZVerify = z
  .object({ itemId: id, accept: z.boolean(), reason: plainText(500).optional() })
  .refine((v) => v.accept || (v.reason?.length ?? 0) >= 2, {
    message: msg('feedback.errors.reasonRequired'),
    path: ['reason'],
  });
export const ZAnswerCoordination = z.object({
  taskId: id,
  answer: plainText(2000, 2, 'feedback.errors.answerRequired'),
});
export const ZCloseCoordination = z.object({ taskId: id });
