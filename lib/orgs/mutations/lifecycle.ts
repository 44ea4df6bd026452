/**
 * The lifecycle of a party unit: its record (临时/联合, set-up request and 批复, term), an approved 换届延期, and
 * the closing checklist's steps (cancel what can no longer be done, hand open rectifications to the parent).
 * Archiving itself (lib/orgs/mutations/tree.ts) refuses while the checklist names anything left.
 */
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import { cstDay } from '../../calendar';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { assertCan } from '../../policy';
import { extensionProblem } from '../lifecycle';
import type { ZCancelOpenTasks, ZExtendTerm, ZHandUpRectifications, ZOrgLifecycle } from '../schema';

const day = (v?: string | null) => (v ? new Date(`${v}T00:00:00Z`) : null);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function loadUnit(tx: Tx, id: string) {
  const org = await tx.organization.findUnique({ where: { id } });
  if (!org) throw new NotFoundError();
  return org;
}

export const setLifecycle = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZOrgLifecycle>) => {
    const org = await loadUnit(tx, input.id);
    assertCan(ctx.user, 'org.manage', org);
    if (org.status === 'ARCHIVED') throw new UserError('orgs.errors.archived', { name: org.name });
    const today = cstDay(new Date());
    for (const f of ['setupRequestedOn', 'setupApprovedOn', 'termStart'] as const)
      if (input[f] && input[f] > today) throw new UserError('people.errors.futureDate', {}, f);
    const data = {
      temporary: input.temporary,
      jointUnits: input.jointUnits ?? null,
      setupRequestedOn: day(input.setupRequestedOn),
      setupApprovedOn: day(input.setupApprovedOn),
      termStart: day(input.termStart),
      termYears: input.termYears ?? null,
      // A new term ends any extension of the previous one.
      ...(iso(org.termStart) !== (input.termStart ?? null)
        ? { termExtendedTo: null, termExtensionBy: null }
        : {}),
    };
    await tx.organization.update({ where: { id: org.id }, data });
    await trace(tx, ctx.actor, 'org.lifecycle', 'Organization', org.id, {
      orgPath: org.path,
      before: {
        temporary: org.temporary,
        jointUnits: org.jointUnits,
        setupRequestedOn: iso(org.setupRequestedOn),
        setupApprovedOn: iso(org.setupApprovedOn),
        termStart: iso(org.termStart),
        termYears: org.termYears,
      },
      after: input,
    });
    return { id: org.id };
  },
);

/** 换届延期, recorded by the committee over the unit with the approving unit's name; at most one year. */
export const extendTerm = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZExtendTerm>) => {
    const org = await loadUnit(tx, input.id);
    assertCan(ctx.user, 'org.manage', org);
    if (org.temporary) throw new UserError('orgs.lifecycle.errors.temporaryNoTerm');
    const problem = extensionProblem(
      { type: org.type, termStart: iso(org.termStart), termYears: org.termYears },
      input.extendedTo,
    );
    if (problem) throw new UserError(problem, {}, 'extendedTo');
    await tx.organization.update({
      where: { id: org.id },
      data: { termExtendedTo: day(input.extendedTo), termExtensionBy: input.approvedBy },
    });
    await trace(tx, ctx.actor, 'org.termExtend', 'Organization', org.id, {
      orgPath: org.path,
      before: { termExtendedTo: iso(org.termExtendedTo) },
      after: { termExtendedTo: input.extendedTo, approvedBy: input.approvedBy },
    });
    return { id: org.id };
  },
);

type Unit = Awaited<ReturnType<typeof loadUnit>>;

/**
 * A step of closing, in one transaction: only a unit whose project has ended (or that is merged), loaded and
 * asked about inside it, before `step` writes.
 */
async function closingStep<T>(
  client: Db,
  ctx: ActionContext,
  orgId: string,
  step: (tx: Tx, org: Unit) => Promise<T>,
) {
  return client.$transaction(async (tx) => {
    const org = await loadUnit(tx, orgId);
    assertCan(ctx.user, 'org.close', org);
    if (org.status === 'ARCHIVED') throw new UserError('orgs.errors.archived', { name: org.name });
    if (!org.projectActualEnd) throw new UserError('orgs.closing.errors.notClosing');
    return step(tx, org);
  });
}

/** A closing unit may cancel its open tasks, with one reason. */
export async function cancelOpenTasks(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZCancelOpenTasks>,
) {
  return closingStep(client, ctx, input.orgId, async (tx, org) => {
    const open = await tx.reminderTask.findMany({
      where: { orgId: org.id, status: 'OPEN' },
      select: { id: true },
    });
    await tx.reminderTask.updateMany({
      where: { id: { in: open.map((t) => t.id) }, status: 'OPEN' },
      data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: input.reason },
    });
    await trace(tx, ctx.actor, 'org.closing.cancelTasks', 'Organization', org.id, {
      orgPath: org.path,
      after: { tasks: open.length, reason: input.reason },
    });
    return { cancelled: open.length };
  });
}

/** Open rectifications go up to the parent unit, which answers for them once the branch is gone. */
export async function handUpRectifications(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZHandUpRectifications>,
) {
  return closingStep(client, ctx, input.orgId, async (tx, org) => {
    if (!org.parentId) throw new UserError('orgs.errors.cannotArchiveRoot');
    const open = await tx.rectificationItem.findMany({
      where: { orgId: org.id, status: { not: 'ACCEPTED' } },
      select: { id: true },
    });
    await tx.rectificationItem.updateMany({
      where: { id: { in: open.map((r) => r.id) } },
      data: { orgId: org.parentId },
    });
    await trace(tx, ctx.actor, 'org.closing.handUp', 'Organization', org.id, {
      orgPath: org.path,
      after: { rectifications: open.map((r) => r.id), to: org.parentId },
    });
    return { handedUp: open.length };
  });
}
