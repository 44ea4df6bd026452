import { z } from 'zod';
import { msg } from '../i18n/message';
import { ORG_TYPES } from '../orgs/schema';
import { id, intInRange, optionalDate, optionalText, requiredText } from '../validation';

const longText = (max: number) =>
  z
    .string(msg('validation.invalid'))
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/<\s*\/?\s*script/i.test(v), msg('validation.noMarkup'));

export const ZCreateDraft = z.object({ label: requiredText(40) });

export const ZPublishVersion = z.object({
  versionId: id,
  effectiveDate: optionalDate,
  changeSummary: optionalText(500),
});

export const ZArticleFields = z.object({
  title: requiredText(100),
  what: longText(4000),
  who: longText(2000),
  how: longText(6000),
  when: longText(2000),
  standard: longText(4000),
  orgTypes: z
    .array(z.enum(ORG_TYPES, msg('orgs.errors.badType')))
    .max(ORG_TYPES.length)
    .default([]),
  tags: z
    .array(requiredText(20))
    .max(10, msg('validation.max', { max: 10 }))
    .default([]),
});

export const ZUpdateArticle = ZArticleFields.extend({ id, lockVersion: intInRange(0, 1_000_000) });
export type TUpdateArticle = z.input<typeof ZUpdateArticle>;

export const ZCreateArticle = z.object({ partId: id, title: requiredText(100) });
export const ZMoveArticle = z.object({ id, direction: z.enum(['up', 'down']) });
export const ZDeleteArticle = z.object({ id });

export const ZRemoveAttachment = z.object({ id });

export const ZAttachmentFields = z.object({
  articleId: id,
  kind: z.enum(['TEMPLATE', 'EXAMPLE'], msg('validation.invalid')),
  title: requiredText(100),
  sourceOrgName: optionalText(100),
});

export const FREQUENCIES = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'EVENT'] as const;
export const DUE_KINDS = [
  'WORKDAY_OF_PERIOD',
  'DAYS_BEFORE_PERIOD_END',
  'DAYS_AFTER_PERIOD_END',
  'DAYS_AFTER_EVENT',
] as const;
export const RESPONSIBLE_ROLES = ['SECRETARY', 'CLERK', 'COMMITTEE', 'MEMBER'] as const;
const code = requiredText(20).regex(/^[A-Za-z0-9.\-]+$/, msg('handbook.errors.codeFormat'));

const actionFields = {
  code,
  title: requiredText(120),
  frequency: z.enum(FREQUENCIES, msg('validation.invalid')),
  dueKind: z.enum(DUE_KINDS, msg('validation.invalid')),
  dueN: intInRange(0, 366),
  responsibleRole: z.enum(RESPONSIBLE_ROLES, msg('validation.invalid')),
  evidence: optionalText(300),
  orgTypes: z
    .array(z.enum(ORG_TYPES, msg('orgs.errors.badType')))
    .min(1, msg('handbook.errors.orgTypesRequired')),
};
type ActionShape = { frequency: string; dueKind: string };
// An event-driven action is due some days after its event; a periodic one relative to its period.
const dueMatchesFrequency = (v: ActionShape, ctx: z.RefinementCtx) => {
  if ((v.frequency === 'EVENT') !== (v.dueKind === 'DAYS_AFTER_EVENT')) {
    ctx.addIssue({ code: 'custom', path: ['dueKind'], message: msg('handbook.errors.dueKindMismatch') });
  }
};
export const ZCreateAction = z.object({ articleId: id, ...actionFields }).superRefine(dueMatchesFrequency);
export type TCreateAction = z.input<typeof ZCreateAction>;
export const ZUpdateAction = z.object({ id, ...actionFields }).superRefine(dueMatchesFrequency);
export type TUpdateAction = z.input<typeof ZUpdateAction>;
export const ZDeleteAction = z.object({ id });

const points = (min: number) =>
  z.coerce
    .number(msg('validation.number'))
    .min(min, msg('validation.min', { min }))
    .max(100, msg('validation.max', { max: 100 }))
    .refine((v) => Math.round(v * 10) === v * 10, msg('handbook.errors.pointsStep'));
const criterionFields = {
  code,
  title: requiredText(200),
  maxPoints: points(0.5),
  unitDeduction: points(0),
  cap: z.preprocess((v) => (v === '' || v === null ? undefined : v), points(0).optional()),
  deductionRule: requiredText(200),
  /** Article numbers of this version, e.g. "3, 37". */
  articleNumbers: z
    .string()
    .trim()
    .max(200)
    .regex(/^[0-9，,、\s]*$/, msg('handbook.errors.articleNumbers'))
    .default(''),
};
export const ZCreateCriterion = z.object({ categoryId: id, ...criterionFields });
export type TCreateCriterion = z.input<typeof ZCreateCriterion>;
export const ZUpdateCriterion = z.object({ id, ...criterionFields });
export type TUpdateCriterion = z.input<typeof ZUpdateCriterion>;
export const ZDeleteCriterion = z.object({ id });
export const ZCreateCategory = z.object({ versionId: id, code, title: requiredText(100) });
export const ZDeleteCategory = z.object({ id });

export const ZGradeBands = z
  .object({
    excellent: z.coerce
      .number(msg('validation.number'))
      .min(1, msg('validation.min', { min: 1 }))
      .max(100, msg('validation.max', { max: 100 })),
    good: z.coerce
      .number(msg('validation.number'))
      .min(1, msg('validation.min', { min: 1 }))
      .max(100, msg('validation.max', { max: 100 })),
    pass: z.coerce
      .number(msg('validation.number'))
      .min(1, msg('validation.min', { min: 1 }))
      .max(100, msg('validation.max', { max: 100 })),
  })
  .refine((v) => v.excellent > v.good && v.good > v.pass, {
    path: ['good'],
    message: msg('handbook.errors.bandsOrder'),
  });
export type TGradeBands = z.input<typeof ZGradeBands>;
