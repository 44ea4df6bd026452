import { z } from 'zod';
import { cstDay } from '../calendar';
import { msg } from '../i18n/message';
import { id, intInRange, optionalDate, optionalId, optionalText, requiredText } from '../validation';
import { GENDERS, PARTY_POSTS, PARTY_STATUSES, personDateIssues, STAGE_DATES } from './rules';

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(values, msg('validation.invalid')).optional(),
  );

/** The fields of a person, shared by the form and by each row of the import. */
export const personFields = {
  employeeNo: requiredText(32).regex(/^[A-Za-z0-9_-]+$/, msg('people.errors.badEmployeeNo')),
  name: requiredText(64),
  gender: optionalEnum(GENDERS),
  birthDate: optionalDate,
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/, msg('people.errors.badPhone'))
      .optional(),
  ),
  education: optionalText(32),
  status: z.enum(PARTY_STATUSES, msg('people.errors.badStatus')),
  appliedOn: optionalDate,
  activistOn: optionalDate,
  candidateOn: optionalDate,
  admittedOn: optionalDate,
  fullOn: optionalDate,
  talkOn: optionalDate,
  trainingDays: z.preprocess((v) => (v === '' || v === null ? undefined : v), intInRange(0, 60).optional()),
  trainingHours: z.preprocess((v) => (v === '' || v === null ? undefined : v), intInRange(0, 500).optional()),
  politicalReviewOn: optionalDate,
  approvedOn: optionalDate,
  probationExtendedMonths: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    intInRange(6, 12).optional(),
  ),
  introducers: optionalText(120),
  contacts: optionalText(120),
  posts: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(PARTY_POSTS, msg('validation.invalid'))).max(PARTY_POSTS.length),
  ),
  orgId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid(msg('people.errors.orgRequired'))),
  workOrgId: optionalId,
  partyGroupId: optionalId,
};

type Dated = { status: (typeof PARTY_STATUSES)[number] } & Partial<
  Record<(typeof STAGE_DATES)[number] | 'birthDate' | 'talkOn' | 'politicalReviewOn' | 'approvedOn', string>
>;

/** Dates checked against each other, the status and today (China time); each issue lands on its field. */
export function refineDates(v: Dated, ctx: z.RefinementCtx) {
  for (const issue of personDateIssues(v, cstDay(new Date()))) {
    const params = issue.params?.before ? { before: issue.params.before } : undefined;
    ctx.addIssue({ code: 'custom', path: [issue.field], message: msg(issue.key, params) });
  }
}

export const ZCreatePerson = z.object(personFields).superRefine(refineDates);
export type TCreatePerson = z.input<typeof ZCreatePerson>;
export const ZUpdatePerson = z.object({ id, ...personFields }).superRefine(refineDates);
export type TUpdatePerson = z.input<typeof ZUpdatePerson>;

export const ZRosterFilter = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  status: z
    .enum([...PARTY_STATUSES, 'NONE'])
    .optional()
    .catch(undefined),
  groupId: z.uuid().optional().catch(undefined),
  relation: z.enum(['here', 'elsewhere']).optional().catch(undefined),
  orgId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type RosterFilter = z.output<typeof ZRosterFilter>;

/** A secretary proposes: within the company to a unit, or out of it to a named outside unit. */
export const ZProposeTransfer = z
  .object({
    personId: id,
    kind: z.enum(['INTERNAL', 'OUT'], msg('validation.invalid')),
    toOrgId: optionalId,
    externalUnit: optionalText(120),
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'INTERNAL' && !v.toOrgId)
      ctx.addIssue({ code: 'custom', path: ['toOrgId'], message: msg('transfers.errors.toRequired') });
    if (v.kind === 'OUT' && !v.externalUnit)
      ctx.addIssue({
        code: 'custom',
        path: ['externalUnit'],
        message: msg('transfers.errors.externalRequired'),
      });
  });
export type TProposeTransfer = z.input<typeof ZProposeTransfer>;

/** Someone arriving from outside the company: recorded with the letter that came with them. */
export const ZRecordIncoming = z.object({
  employeeNo: requiredText(32),
  toOrgId: id,
  externalUnit: requiredText(120),
  letterNo: requiredText(40),
  validUntil: z.iso.date(msg('validation.invalidDate')),
});
export type TRecordIncoming = z.input<typeof ZRecordIncoming>;

/** The committee (组织部门) issues the 介绍信: its number and how long it is valid. */
export const ZIssueTransfer = z.object({
  id,
  letterNo: requiredText(40),
  validUntil: z.iso.date(msg('validation.invalidDate')),
});
export type TIssueTransfer = z.input<typeof ZIssueTransfer>;

export const ZReceiveTransfer = z.object({ id });
export const ZCancelTransfer = z.object({ id, reason: requiredText(500) });

const yuanAmount = z
  .string(msg('validation.required'))
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, msg('dues.errors.badAmount'));

/** 年初核定: a member's after-tax monthly wage for the year, the category, and consent to pay per quarter. */
export const ZSetDuesBase = z.object({
  personId: id,
  year: z.coerce.number(msg('validation.number')).int().min(2000).max(2100),
  category: z.enum(['EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'LOW_INCOME'], msg('validation.invalid')),
  monthlyBase: yuanAmount,
  quarterly: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
export type TSetDuesBase = z.input<typeof ZSetDuesBase>;

export const ZRecordDues = z.object({
  personId: id,
  months: z
    .array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('validation.invalid')))
    .min(1)
    .max(6),
  paidOn: z.iso.date(msg('validation.invalidDate')),
});
export type TRecordDues = z.input<typeof ZRecordDues>;
