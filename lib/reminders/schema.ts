import { z } from 'zod';
import { msg } from '../i18n/message';

export const ZGenerate = z.object({
  day: z.iso.date(msg('validation.invalidDate')),
  frequencies: z.array(z.enum(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'], msg('validation.invalid'))).min(1, msg('reminders.errors.chooseFrequency')),
});
export type TGenerate = z.input<typeof ZGenerate>;

export const ZCompleteTask = z.object({
  taskId: z.uuid(msg('validation.invalidId')),
  activityDate: z.iso.date(msg('validation.invalidDate')),
  note: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(500, msg('validation.tooLong', { max: 500 })).refine((v) => !/[<>]/.test(v), msg('validation.noMarkup')).optional()),
});
