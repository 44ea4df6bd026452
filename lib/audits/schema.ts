import { z } from 'zod';
import { msg } from '../i18n/message';
import { id } from '../validation';
import { MEETING_KINDS } from '../meetings/rules';
export { AUDIT_KINDS, DRAW_TYPES, AUDIT_METHODS, FINDING_KINDS } from './rules';
import { AUDIT_KINDS, DRAW_TYPES, AUDIT_METHODS, FINDING_KINDS } from './rules';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));

export const ZDrawCriteria = z
  .object({
    subtreeOrgId: id,
    types: z.array(z.enum(DRAW_TYPES)).min(1, msg('audits.errors.chooseTypes')),
    excludeMonths: z.coerce.number().int().min(0).max(36),
    size: z.coerce.number().int().min(1, msg('audits.errors.sampleSize')).max(500).optional(),
    rate: z.coerce.number().gt(0, msg('audits.errors.sampleSize')).max(1).optional(),
    weighted: z.boolean(),
    seed: z
      .string()
      .trim()
      .max(64)
      .regex(/^[\w\-:.]*$/, msg('audits.errors.seed'))
      .optional(),
  })
  .refine((c) => c.size !== undefined || c.rate !== undefined, {
    message: msg('audits.errors.sampleSize'),
    path: ['size'],
  });
export type TDrawCriteria = z.output<typeof ZDrawCriteria>;

export const ZCreatePlan = z
  .object({
    title: text(120).pipe(z.string().min(2, msg('audits.errors.titleRequired'))),
    kind: z.enum(AUDIT_KINDS),
    periodKey: z.string().regex(/^\d{4}(-Q[1-4])?$/, msg('audits.errors.period')),
    memberIds: z.array(id).min(1, msg('audits.errors.chooseTeam')).max(30),
    leaderId: id,
    draw: ZDrawCriteria.optional(),
  })
  .refine((p) => p.memberIds.includes(p.leaderId), {
    message: msg('audits.errors.leaderOnTeam'),
    path: ['leaderId'],
  })
  .refine((p) => (p.kind === 'YEAR_END') === /^\d{4}$/.test(p.periodKey), {
    message: msg('audits.errors.period'),
    path: ['periodKey'],
  })
  .refine((p) => (p.kind === 'SPOT_CHECK') === !!p.draw, {
    message: msg('audits.errors.drawRequired'),
    path: ['draw'],
  });
export type TCreatePlan = z.output<typeof ZCreatePlan>;

export const ZSaveScore = z.object({
  auditId: id,
  criterionId: id,
  count: z.coerce
    .number(msg('audits.errors.count'))
    .int(msg('audits.errors.count'))
    .min(0, msg('audits.errors.negative'))
    .max(99, msg('audits.errors.count')),
  reason: text(500),
  taskIds: z.array(id).max(50),
});
export type TSaveScore = z.input<typeof ZSaveScore>;

export const ZSaveNote = z.object({ auditId: id, method: z.enum(AUDIT_METHODS), text: text(2000) });

export const ZAddFinding = z.object({
  auditId: id,
  clientKey: z.string().regex(/^[\w-]{8,64}$/, msg('validation.invalid')),
  kind: z.enum(FINDING_KINDS),
  text: text(1000).pipe(z.string().min(2, msg('audits.errors.findingText'))),
  criterionId: id.optional(),
});
export type TAddFinding = z.input<typeof ZAddFinding>;

export const ZAuditId = z.object({ auditId: id });
export const ZPlanId = z.object({ planId: id });

export const ZAuditFilter = z.object({
  planId: z.uuid().optional().catch(undefined),
  status: z.enum(['PLANNED', 'IN_PROGRESS', 'SCORED', 'FEEDBACK_ISSUED']).optional().catch(undefined),
  memberId: z.uuid().optional().catch(undefined),
});
export type TAuditFilter = z.output<typeof ZAuditFilter>;

/** 二级抽样: N records of a kind inside each unit of the plan, a seed (chosen or random) and the reviewer. */
export const ZDrawSample = z.object({
  planId: id,
  recordKind: z.enum(MEETING_KINDS, msg('validation.invalid')),
  perUnit: z.coerce
    .number(msg('audits.errors.perUnit'))
    .int(msg('audits.errors.perUnit'))
    .min(1, msg('audits.errors.perUnit'))
    .max(20, msg('audits.errors.perUnit')),
  seed: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z
      .string()
      .regex(/^[\w\-:.]{1,64}$/, msg('audits.errors.seed'))
      .optional(),
  ),
  reviewerId: id,
});
export type TDrawSample = z.input<typeof ZDrawSample>;

export const ZSignOffSample = z.object({
  sampleId: id,
  conclusion: text(1000).pipe(z.string().min(2, msg('audits.errors.conclusion'))),
});
export const ZSampleId = z.object({ sampleId: id });
