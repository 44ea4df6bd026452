import { z } from 'zod';
import { msg } from '../i18n/message';
import { id, intInRange, optionalDate, optionalId, optionalText, requiredText } from '../validation';
export { ORG_TYPES } from './rules';
import { ORG_TYPES } from './rules';

export const ORG_STATUSES = ['PREPARING', 'ACTIVE', 'ARCHIVED'] as const;

function optionalCoordinate(max: number, message: string) {
  return z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : Number(v)),
    z.number(msg(message)).min(-max, msg(message)).max(max, msg(message)).optional(),
  );
}

const orgFields = {
  name: requiredText(100),
  shortName: optionalText(40),
  type: z.enum(ORG_TYPES, msg('orgs.errors.badType')),
  sortOrder: intInRange(0, 9999).default(0),
  status: z.enum(['PREPARING', 'ACTIVE'], msg('validation.invalid')).default('ACTIVE'),
  secretaryId: optionalId,
  projectName: optionalText(120),
  projectCode: optionalText(40),
  projectLocation: optionalText(120),
  projectPlannedStart: optionalDate,
  projectPlannedEnd: optionalDate,
  projectActualStart: optionalDate,
  projectActualEnd: optionalDate,
  // The project's site, for the photo-distance check (lib/photos/rules.ts).
  siteLatitude: optionalCoordinate(90, 'photos.site.errors.latitude'),
  siteLongitude: optionalCoordinate(180, 'photos.site.errors.longitude'),
};

type DatePair = {
  siteLatitude?: number;
  siteLongitude?: number;
  projectPlannedStart?: string;
  projectPlannedEnd?: string;
  projectActualStart?: string;
  projectActualEnd?: string;
};
function datesInOrder(v: DatePair, ctx: z.RefinementCtx) {
  if ((v.siteLatitude === undefined) !== (v.siteLongitude === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [v.siteLatitude === undefined ? 'siteLatitude' : 'siteLongitude'],
      message: msg('photos.site.errors.pair'),
    });
  if (v.projectPlannedStart && v.projectPlannedEnd && v.projectPlannedEnd < v.projectPlannedStart) {
    ctx.addIssue({ code: 'custom', path: ['projectPlannedEnd'], message: msg('orgs.errors.endBeforeStart') });
  }
  if (v.projectActualStart && v.projectActualEnd && v.projectActualEnd < v.projectActualStart) {
    ctx.addIssue({ code: 'custom', path: ['projectActualEnd'], message: msg('orgs.errors.endBeforeStart') });
  }
}

export const ZCreateOrg = z.object({ parentId: id, ...orgFields }).superRefine(datesInOrder);
/** One row of an Excel import: the fields of a new unit, its parent still to be resolved by name. */
export const ZImportRow = z.object(orgFields).superRefine(datesInOrder);
export type TCreateOrg = z.input<typeof ZCreateOrg>;

export const ZUpdateOrg = z.object({ id, ...orgFields }).superRefine(datesInOrder);
export type TUpdateOrg = z.input<typeof ZUpdateOrg>;

export const ZMoveOrg = z.object({ id, newParentId: id });
export type TMoveOrg = z.input<typeof ZMoveOrg>;

export const ZArchiveOrg = z.object({ id });

export const ZSetKeyUnit = z.object({ orgId: id, year: intInRange(2000, 2100), isKey: z.boolean() });

const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), intInRange(min, max).optional());

/** The lifecycle record of a party unit: kind of branch, the set-up request and its 批复, the term. */
export const ZOrgLifecycle = z
  .object({
    id,
    temporary: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    jointUnits: optionalInt(2, 20),
    setupRequestedOn: optionalDate,
    setupApprovedOn: optionalDate,
    termStart: optionalDate,
    termYears: optionalInt(1, 5),
  })
  .superRefine((v, ctx) => {
    if (v.setupApprovedOn && v.setupRequestedOn && v.setupApprovedOn < v.setupRequestedOn)
      ctx.addIssue({ code: 'custom', path: ['setupApprovedOn'], message: msg('orgs.errors.endBeforeStart') });
    if (v.setupApprovedOn && !v.setupRequestedOn)
      ctx.addIssue({ code: 'custom', path: ['setupRequestedOn'], message: msg('validation.required') });
  });
export type TOrgLifecycle = z.input<typeof ZOrgLifecycle>;

/** 换届延期: the new end, approved by the parent, at most one year later (checked against the term). */
export const ZExtendTerm = z.object({
  id,
  extendedTo: z.iso.date(msg('validation.invalidDate')),
  approvedBy: requiredText(120),
});

export const ZCancelOpenTasks = z.object({ orgId: id, reason: requiredText(500) });
export const ZHandUpRectifications = z.object({ orgId: id });
