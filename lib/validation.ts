import { z } from 'zod';
import { msg } from './i18n/message';

// Shared field builders: every message is an i18n key (lib/i18n/messages), shown on the field by the form.
const MARKUP = /[<>]/;

/**
 * Text PostgreSQL can store: no NUL (text and jsonb refuse it) and no half of a surrogate pair (jsonb refuses its
 * escape). Without this check such a character reached the database and became an unexpected error.
 */
export const storable = (v: string) => !v.includes('\u0000') && v.isWellFormed();

/** A required single-line text: trimmed, 1..max characters, no markup. */
export function requiredText(max: number) {
  return z
    .string(msg('validation.required'))
    .trim()
    .min(1, msg('validation.required'))
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !MARKUP.test(v), msg('validation.noMarkup'))
    .refine(storable, msg('validation.badCharacters'));
}

/** An optional single-line text; '' becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string(msg('validation.invalid'))
      .trim()
      .max(max, msg('validation.tooLong', { max }))
      .refine((v) => !MARKUP.test(v), msg('validation.noMarkup'))
      .refine(storable, msg('validation.badCharacters'))
      .optional(),
  );
}

/**
 * A text without markup: trimmed, up to `max` characters. With `min`, at least that many, else `tooShort` (a
 * message key of the field's own: 请填写整改说明 says more than 此项必填); '' is allowed without it.
 */
export function plainText(max: number, min = 0, tooShort = 'validation.required') {
  const text = z
    .string(msg('validation.invalid'))
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !MARKUP.test(v), msg('validation.noMarkup'))
    .refine(storable, msg('validation.badCharacters'));
  return min > 0 ? text.refine((v) => v.length >= min, msg(tooShort)) : text;
}

export const id = z.uuid(msg('validation.invalidId'));
/** A UUID as PostgreSQL casts it (a 36-character look-alike, dashes only, is not one: the cast fails with a 500). */
export const isUuid = (v: unknown): v is string => id.safeParse(v).success;
export const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), id.optional());

/** 'YYYY-MM-DD' or empty. */
export const optionalDate = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.iso.date(msg('validation.invalidDate')).optional(),
);

export const intInRange = (min: number, max: number) =>
  z.coerce
    .number(msg('validation.number'))
    .int(msg('validation.integer'))
    .min(min, msg('validation.min', { min }))
    .max(max, msg('validation.max', { max }));

/** A multi-line text up to `max` characters ('' allowed), refusing script markup. */
export const longText = (max: number) =>
  z
    .string(msg('validation.invalid'))
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/<\s*\/?\s*script/i.test(v), msg('validation.noMarkup'));
