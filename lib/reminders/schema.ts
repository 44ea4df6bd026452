import { z } from 'zod';
import { msg } from '../i18n/message';

export const ZGenerate = z.object({
  day: z.iso.date(msg('validation.invalidDate')),
  frequencies: z.array(z.enum(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'], msg('validation.invalid'))).min(1, msg('reminders.errors.chooseFrequency')),
});
export type TGenerate = z.input<typeof ZGenerate>;
