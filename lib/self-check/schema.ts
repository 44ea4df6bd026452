import { z } from 'zod';
import { msg } from '../i18n/message';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, msg('selfCheck.errors.quarter'));

export const ZOpenSheet = z.object({ orgId: z.uuid(msg('validation.invalidId')), periodKey: quarter });
export type TOpenSheet = z.input<typeof ZOpenSheet>;

export const ZSheetItem = z.object({
  criterionId: z.uuid(msg('validation.invalidId')),
  // Empty means "not assessed yet"; a number is how many times the unit fell short.
  count: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number(msg('selfCheck.errors.count'))
      .int(msg('selfCheck.errors.count'))
      .min(0, msg('selfCheck.errors.count'))
      .max(99, msg('selfCheck.errors.count'))
      .nullable(),
  ),
  reason: text(500),
  taskIds: z.array(z.uuid(msg('validation.invalidId'))).max(50),
});

export const ZSaveSheet = z.object({
  sheetId: z.uuid(msg('validation.invalidId')),
  lockVersion: z.number().int().min(0),
  items: z.array(ZSheetItem).max(200),
});
export type TSaveSheet = z.input<typeof ZSaveSheet>;

export const ZSubmitSheet = z.object({
  sheetId: z.uuid(msg('validation.invalidId')),
  lockVersion: z.number().int().min(0),
});

export const ZReopenSheet = z.object({
  sheetId: z.uuid(msg('validation.invalidId')),
  reason: text(500).pipe(z.string().min(2, msg('selfCheck.errors.reasonRequired'))),
});
export type TReopenSheet = z.input<typeof ZReopenSheet>;

export const ZChaseSheets = z.object({ periodKey: quarter });
