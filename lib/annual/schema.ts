import { z } from 'zod';
import { msg } from '../i18n/message';

const w = z.coerce
  .number(msg('annual.errors.weight'))
  .min(0, msg('annual.errors.weight'))
  .max(100, msg('annual.errors.weight'));

export const ZCompute = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  weights: z.object({ audit: w, reminders: w, rectification: w, exam: w }),
});
