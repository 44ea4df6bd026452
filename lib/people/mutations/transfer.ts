/**
 * 组织关系转接, as the 党章 and the 组织关系 rules have it: the branch proposes, the committee's 组织部门 issues the
 * 介绍信 (number, validity), the receiving branch confirms the 报到. While the letter is out the person is 在途:
 * both branches see them and neither counts them. A transfer out of the company ends when its 回执 is recorded;
 * one into the company starts with the letter that came with the person. Each step: policy, rules, one
 * transaction with its trace.
 */
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import { addDays, addMonths, cstDay } from '../../calendar';
import type { Tx } from '../../db/client';
import { ForbiddenError, NotFoundError, UserError } from '../../errors';
import { assertCan, assertCanOnPerson, can, canOnPerson } from '../../policy';

import type {
  ZCancelTransfer,
  ZIssueTransfer,
  ZProposeTransfer,
  ZReceiveTransfer,
  ZRecordIncoming,
} from '../schema';

const PARTY_UNITS = new Set(['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH']);
/** 介绍信 are issued for at most three months. */
export const MAX_VALIDITY_MONTHS = 3;
const unit = { select: { id: true, path: true, name: true, status: true, type: true } } as const;

async function loadPerson(tx: Tx, id: string) {
  const p = await tx.person.findUnique({ where: { id }, include: { org: unit, workOrg: unit } });
  if (!p) throw new NotFoundError();
  return p;
}

async function loadTransfer(tx: Tx, id: string) {
  const t = await tx.transfer.findUnique({
    where: { id },
    include: { person: { include: { org: unit } }, fromOrg: unit, toOrg: unit },
  });
  if (!t) throw new NotFoundError();
  return t;
}

async function assertNoOpenTransfer(tx: Tx, personId: string) {
  const open = await tx.transfer.findFirst({
    where: { personId, status: { in: ['PROPOSED', 'ISSUED'] } },
    select: { id: true },
  });
  if (open) throw new UserError('transfers.errors.alreadyOpen');
}

async function receivingUnit(tx: Tx, id: string, personOrgId: string) {
  const to = await tx.organization.findUnique({ where: { id }, ...unit });
  if (!to) throw new UserError('people.errors.unknownOrg', {}, 'toOrgId');
  if (to.status === 'ARCHIVED') throw new UserError('transfers.errors.toArchived', {}, 'toOrgId');
  if (!PARTY_UNITS.has(to.type)) throw new UserError('people.errors.notPartyUnit', {}, 'toOrgId');
  if (to.id === personOrgId) throw new UserError('transfers.errors.sameUnit', {}, 'toOrgId');
  return to;
}

/** A letter's validity: not past (an incoming letter may be up to `pastDays` old), at most `MAX_VALIDITY_MONTHS` ahead. */
function checkValidity(validUntil: string, pastDays = 0) {
  const today = cstDay(new Date());
  if (validUntil < addDays(today, -pastDays))
    throw new UserError('transfers.errors.validityPast', {}, 'validUntil');
  if (validUntil > addMonths(today, MAX_VALIDITY_MONTHS))
    throw new UserError('transfers.errors.validityTooLong', { months: MAX_VALIDITY_MONTHS }, 'validUntil');
}

const traceTransfer = (
  tx: Tx,
  ctx: ActionContext,
  action: string,
  t: { id: string },
  orgPath: string,
  after: object,
) => trace(tx, ctx.actor, action, 'Transfer', t.id, { orgPath, after });

export const proposeTransfer = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZProposeTransfer>) => {
    const p = await loadPerson(tx, input.personId);
    if (!canOnPerson(ctx.user, 'person.read', p)) throw new ForbiddenError();
    assertCanOnPerson(ctx.user, 'person.manage', p);
    if (p.leftOn) throw new UserError('transfers.errors.personLeft');
    await assertNoOpenTransfer(tx, p.id);
    const to = input.kind === 'INTERNAL' ? await receivingUnit(tx, input.toOrgId!, p.orgId) : null;
    const t = await tx.transfer.create({
      data: {
        kind: input.kind,
        personId: p.id,
        fromOrgId: p.orgId,
        toOrgId: to?.id ?? null,
        externalUnit: input.kind === 'OUT' ? input.externalUnit! : null,
        reason: input.reason ?? null,
        proposedById: ctx.user.id,
      },
      select: { id: true },
    });
    await traceTransfer(tx, ctx, 'transfer.propose', t, p.org.path, {
      person: p.employeeNo,
      kind: input.kind,
      to: to?.name ?? input.externalUnit,
    });
    await trace(tx, ctx.actor, 'person.transfer', 'Person', p.id, {
      orgPath: p.org.path,
      after: { transfer: t.id, step: 'PROPOSED', to: to?.name ?? input.externalUnit },
    });
    return t;
  },
);

/** The 介绍信: by the committee over the sending unit (and over the receiving one, inside the company). */
export const issueTransfer = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZIssueTransfer>) => {
    const t = await loadTransfer(tx, input.id);
    assertCan(ctx.user, 'transfer.issue', t.fromOrg!);
    if (t.toOrg) assertCan(ctx.user, 'transfer.issue', t.toOrg);
    if (t.status !== 'PROPOSED') throw new UserError('transfers.errors.notProposed');
    if (t.toOrg?.status === 'ARCHIVED') throw new UserError('transfers.errors.toArchived');
    checkValidity(input.validUntil);
    await tx.transfer.update({
      where: { id: t.id },
      data: {
        status: 'ISSUED',
        letterNo: input.letterNo,
        validUntil: new Date(`${input.validUntil}T00:00:00Z`),
        issuedAt: new Date(),
        issuedById: ctx.user.id,
      },
    });
    await traceTransfer(tx, ctx, 'transfer.issue', t, t.fromOrg!.path, {
      letterNo: input.letterNo,
      validUntil: input.validUntil,
    });
    return { id: t.id };
  },
);

/** Someone arriving with a letter from outside: the person is registered at the receiving unit, 在途 until 报到. */
export const recordIncoming = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZRecordIncoming>) => {
    const found = await tx.person.findUnique({
      where: { employeeNo: input.employeeNo },
      select: { id: true },
    });
    if (!found) throw new UserError('transfers.errors.registerFirst', {}, 'employeeNo');
    const p = await loadPerson(tx, found.id);
    const to = await tx.organization.findUnique({ where: { id: input.toOrgId }, ...unit });
    if (!to) throw new UserError('people.errors.unknownOrg', {}, 'toOrgId');
    assertCan(ctx.user, 'transfer.issue', to);
    if (to.status === 'ARCHIVED') throw new UserError('transfers.errors.toArchived', {}, 'toOrgId');
    if (p.orgId !== to.id) throw new UserError('transfers.errors.registerFirst', {}, 'toOrgId');
    await assertNoOpenTransfer(tx, p.id);
    checkValidity(input.validUntil, 366);
    const t = await tx.transfer.create({
      data: {
        kind: 'IN',
        status: 'ISSUED',
        personId: p.id,
        toOrgId: to.id,
        externalUnit: input.externalUnit,
        letterNo: input.letterNo,
        validUntil: new Date(`${input.validUntil}T00:00:00Z`),
        proposedById: ctx.user.id,
        issuedAt: new Date(),
        issuedById: ctx.user.id,
      },
      select: { id: true },
    });
    await traceTransfer(tx, ctx, 'transfer.incoming', t, to.path, {
      person: p.employeeNo,
      from: input.externalUnit,
    });
    return t;
  },
);

/**
 * 报到: the receiving branch (or its committee) confirms; the person's 组织关系 moves, their account with it.
 * A transfer out of the company is closed by the committee when the 回执 comes back: the person leaves the roster.
 */
export const receiveTransfer = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZReceiveTransfer>) => {
    const t = await loadTransfer(tx, input.id);
    const seen =
      (t.fromOrg && can(ctx.user, 'person.read', t.fromOrg)) ||
      (t.toOrg && can(ctx.user, 'person.read', t.toOrg));
    if (!seen) throw new ForbiddenError();
    if (t.status !== 'ISSUED') throw new UserError('transfers.errors.notInTransit');
    const today = cstDay(new Date());
    if (t.kind === 'OUT') {
      assertCan(ctx.user, 'transfer.issue', t.fromOrg!);
      await tx.person.update({ where: { id: t.personId }, data: { leftOn: new Date(`${today}T00:00:00Z`) } });
    } else {
      if (!can(ctx.user, 'person.manage', t.toOrg!)) throw new UserError('transfers.errors.notYours');
      if (t.toOrg!.status === 'ARCHIVED') throw new UserError('transfers.errors.toArchived');
      await tx.person.update({
        where: { id: t.personId },
        data: { orgId: t.toOrg!.id, partyGroupId: null, workOrgId: null },
      });
      if (t.person.userId)
        await tx.user.update({ where: { id: t.person.userId }, data: { orgId: t.toOrg!.id } });
    }
    await tx.transfer.update({
      where: { id: t.id },
      data: { status: 'RECEIVED', receivedAt: new Date(), receivedById: ctx.user.id },
    });
    const path = (t.toOrg ?? t.fromOrg)!.path;
    await traceTransfer(tx, ctx, 'transfer.receive', t, path, { person: t.person.employeeNo });
    await trace(tx, ctx.actor, 'person.transfer', 'Person', t.personId, {
      orgPath: path,
      before: { org: t.person.org.name },
      after: { transfer: t.id, step: 'RECEIVED', org: t.toOrg?.name ?? t.externalUnit },
    });
    return { id: t.id };
  },
);

/** Withdrawn by the sending branch before the letter is issued, or by the committee until the 报到. */
export const cancelTransfer = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZCancelTransfer>) => {
    const t = await loadTransfer(tx, input.id);
    const sideOrg = (t.fromOrg ?? t.toOrg)!;
    const committee = can(ctx.user, 'transfer.issue', sideOrg);
    const proposer = t.status === 'PROPOSED' && t.fromOrg && can(ctx.user, 'person.manage', t.fromOrg);
    if (!committee && !proposer) throw new ForbiddenError();
    if (t.status !== 'PROPOSED' && t.status !== 'ISSUED') throw new UserError('transfers.errors.closed');
    await tx.transfer.update({
      where: { id: t.id },
      data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: input.reason },
    });
    await traceTransfer(tx, ctx, 'transfer.cancel', t, sideOrg.path, { reason: input.reason });
    return { id: t.id };
  },
);
