import { z } from 'zod';
import { msg } from '../i18n/message';
import { paramsFromText, parseRule } from '../ledger/rules';
import { ORG_TYPES } from '../orgs/schema';
import { CRITERION_KINDS, type CriterionKind, hasBasePoints, type Level, levelProblems } from './scoring';
import { id, intInRange, optionalDate, optionalText, requiredText } from '../validation';
export { FREQUENCIES, DUE_KINDS, RESPONSIBLE_ROLES } from './rules';
import { FREQUENCIES, DUE_KINDS, RESPONSIBLE_ROLES } from './rules';

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
  projectOnly: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false),
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
/** "好=10；较好=8；一般=6；差=2": a criterion's levels as people type them (and as the Excel sheet holds them). */
export function levelsFromText(text: string): Level[] | null {
  const parts = text
    .split(/[;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  return parts.map((x) => {
    const [label = '', points = ''] = x.split(/[=＝:：]/).map((y) => y.trim());
    return { label, points: points === '' ? Number.NaN : Number(points) };
  });
}
export const levelsToText = (levels: Level[] | null | undefined) =>
  (levels ?? []).map((l) => `${l.label}=${l.points}`).join('；');

const criterionFields = {
  code,
  title: requiredText(200),
  maxPoints: points(0),
  kind: z.enum(CRITERION_KINDS, msg('validation.invalid')).default('DEDUCTION'),
  levels: z
    .string()
    .trim()
    .max(300, msg('validation.tooLong', { max: 300 }))
    .default(''),
  vetoBand: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'], msg('validation.invalid')).optional(),
  ),
  annualOnly: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false),
  ruleKey: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().max(40).optional()),
  ruleParams: z
    .string()
    .trim()
    .max(300, msg('validation.tooLong', { max: 300 }))
    .default(''),
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
export type KindFields = {
  kind: CriterionKind;
  maxPoints: number;
  levels: string;
  vetoBand?: string;
  ruleKey?: string;
  ruleParams: string;
};
/** What each kind needs: levels for grades and bonuses, a band for a veto, a known rule for a computed one. */
export function kindProblems(v: KindFields): { field: keyof KindFields; key: string }[] {
  const out: { field: keyof KindFields; key: string }[] = [];
  const levelError = levelProblems(v.kind, levelsFromText(v.levels), v.maxPoints);
  if (levelError) out.push({ field: 'levels', key: levelError });
  if (hasBasePoints(v.kind) && v.maxPoints < 0.5)
    out.push({ field: 'maxPoints', key: 'handbook.errors.maxPointsForKind' });
  if (!hasBasePoints(v.kind) && v.maxPoints !== 0)
    out.push({ field: 'maxPoints', key: 'handbook.errors.noPointsForKind' });
  if (v.kind === 'VETO' && !v.vetoBand) out.push({ field: 'vetoBand', key: 'handbook.errors.vetoBand' });
  if (v.kind === 'COMPUTED') {
    const r = parseRule(v.ruleKey, paramsFromText(v.ruleParams));
    if (!r.ok)
      out.push({ field: r.error === 'ledger.errors.unknownRule' ? 'ruleKey' : 'ruleParams', key: r.error });
  }
  return out;
}
const kindFits = (v: KindFields, ctx: z.RefinementCtx) => {
  for (const p of kindProblems(v)) ctx.addIssue({ code: 'custom', path: [p.field], message: msg(p.key) });
};
export const ZCreateCriterion = z.object({ categoryId: id, ...criterionFields }).superRefine(kindFits);
export type TCreateCriterion = z.input<typeof ZCreateCriterion>;
export const ZUpdateCriterion = z.object({ id, ...criterionFields }).superRefine(kindFits);
export type TUpdateCriterion = z.input<typeof ZUpdateCriterion>;
export const ZDeleteCriterion = z.object({ id });
export const ZCreateCategory = z.object({ versionId: id, code, title: requiredText(100) });
export const ZDeleteCategory = z.object({ id });
/** 加分项 together add at most this many points (0: bonuses count nothing). */
export const ZSetBonusCap = z.object({
  versionId: id,
  bonusCap: z.coerce
    .number(msg('validation.number'))
    .min(0, msg('validation.min', { min: 0 }))
    .max(20, msg('validation.max', { max: 20 })),
});

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
