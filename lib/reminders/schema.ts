import { z } from 'zod';
import { msg } from '../i18n/message';
import { plainText } from '../validation';
export { QUALITIES } from './rules';
import { QUALITIES } from './rules';

export const ZGenerate = z.object({
  day: z.iso.date(msg('validation.invalidDate')),
  frequencies: z
    .array(z.enum(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'], msg('validation.invalid')))
    .min(1, msg('reminders.errors.chooseFrequency')),
});
export type TGenerate = z.input<typeof ZGenerate>;

export const ZCompleteTask = z.object({
  taskId: z.uuid(msg('validation.invalidId')),
  activityDate: z.iso.date(msg('validation.invalidDate')),
  note: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z
      .string()
      .trim()
      .max(500, msg('validation.tooLong', { max: 500 }))
      .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'))
      .optional(),
  ),
});

export const ZRateTask = z.object({
  taskId: z.uuid(msg('validation.invalidId')),
  quality: z.enum(QUALITIES, msg('supervision.errors.chooseQuality')),
  comment: plainText(500),
});
export type TRateTask = z.input<typeof ZRateTask>;

export const ZReturnTask = z.object({
  taskId: z.uuid(msg('validation.invalidId')),
  reason: plainText(500, 2, 'supervision.errors.reasonRequired'),
});
export type TReturnTask = z.input<typeof ZReturnTask>;

export const ZSendNotice = z.object({
  orgId: z.uuid(msg('validation.invalidId')),
  taskIds: z
    .array(z.uuid(msg('validation.invalidId')))
    .min(1, msg('supervision.errors.chooseTasks'))
    .max(200),
  message: plainText(500, 2, 'supervision.errors.messageRequired'),
});
export type TSendNotice = z.input<typeof ZSendNotice>;

export const SUPERVISION_STATUSES = ['overdue', 'done', 'returned', 'flagged', 'open'] as const;
export const ZSupervisionFilter = z.object({
  orgId: z.uuid().optional().catch(undefined),
  periodKey: z
    .string()
    .regex(/^\d{4}(-(W\d{2}|M\d{2}|Q[1-4]|H[12]|\d{2}-\d{2}))?$/)
    .optional()
    .catch(undefined),
  article: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(SUPERVISION_STATUSES).catch('overdue'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TSupervisionFilter = z.output<typeof ZSupervisionFilter>;
