/**
 * Writing one person: policy on the unit holding the 组织关系 (both the old and the new one when it changes),
 * the units' own rules, a unique 工号, the account's unit kept in step, and the trace — all in one transaction.
 */
import { holdChangedFields } from '../../auth/company/holds';
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { assertCanOnPerson } from '../../policy';
import { maskPhone, personDays } from '../rules';
import type { ZCreatePerson, ZUpdatePerson } from '../schema';

type Input = z.output<typeof ZCreatePerson>;
const PARTY_UNITS = new Set(['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH']);

/** The columns of a person from validated input; ids of units already checked by checkUnits. */
export function personData(input: Input) {
  return {
    employeeNo: input.employeeNo,
    name: input.name,
    gender: input.gender ?? null,
    phone: input.phone ?? null,
    education: input.education ?? null,
    status: input.status,
    ...personDays(input),
    trainingDays: input.trainingDays ?? null,
    trainingHours: input.trainingHours ?? null,
    probationExtendedMonths: input.probationExtendedMonths ?? null,
    introducers: input.introducers ?? null,
    contacts: input.contacts ?? null,
    posts: [...new Set(input.posts)],
    orgId: input.orgId,
    workOrgId: input.workOrgId && input.workOrgId !== input.orgId ? input.workOrgId : null,
    partyGroupId: input.partyGroupId ?? null,
  };
}

/** What the trace keeps of a person: no phone number in clear (the trace is read more widely than the roster). */
export const traceOf = (p: ReturnType<typeof personData>) => ({ ...p, phone: maskPhone(p.phone) });

/** The 组织关系 unit is an active party organization; the party group is one of its groups; the work unit exists. */
async function checkUnits(tx: Tx, input: Input) {
  const ids = [input.orgId, input.workOrgId, input.partyGroupId].filter((v): v is string => !!v);
  const units = new Map(
    (
      await tx.organization.findMany({
        where: { id: { in: ids } },
        select: { id: true, path: true, type: true, status: true, parentId: true },
      })
    ).map((o) => [o.id, o]),
  );
  const org = units.get(input.orgId);
  if (!org) throw new UserError('people.errors.unknownOrg', {}, 'orgId');
  if (!PARTY_UNITS.has(org.type)) throw new UserError('people.errors.notPartyUnit', {}, 'orgId');
  if (org.status === 'ARCHIVED') throw new UserError('people.errors.orgArchived', {}, 'orgId');
  if (input.workOrgId) {
    const work = units.get(input.workOrgId);
    if (!work) throw new UserError('people.errors.unknownOrg', {}, 'workOrgId');
    if (work.status === 'ARCHIVED') throw new UserError('people.errors.orgArchived', {}, 'workOrgId');
  }
  if (input.partyGroupId) {
    const g = units.get(input.partyGroupId);
    if (!g || g.type !== 'PARTY_GROUP' || g.parentId !== org.id)
      throw new UserError('people.errors.groupNotUnderOrg', {}, 'partyGroupId');
  }
  return { org, work: input.workOrgId ? units.get(input.workOrgId)! : null };
}

async function assertEmployeeNoFree(tx: Tx, employeeNo: string, exceptId?: string) {
  const clash = await tx.person.findUnique({ where: { employeeNo }, select: { id: true } });
  if (clash && clash.id !== exceptId)
    throw new UserError('people.errors.employeeNoTaken', { employeeNo }, 'employeeNo');
}

export const createPerson = inTransaction(async (tx, ctx: ActionContext, input: Input) => {
  const { org, work } = await checkUnits(tx, input);
  assertCanOnPerson(ctx.user, 'person.manage', { org, workOrg: work });
  await assertEmployeeNoFree(tx, input.employeeNo);
  const data = personData(input);
  const person = await tx.person.create({ data, select: { id: true } });
  await trace(tx, ctx.actor, 'person.create', 'Person', person.id, {
    orgPath: org.path,
    after: traceOf(data),
  });
  return person;
});

export const updatePerson = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZUpdatePerson>) => {
    const before = await tx.person.findUnique({
      where: { id: input.id },
      include: { org: { select: { id: true, path: true } } },
    });
    if (!before) throw new NotFoundError();
    assertCanOnPerson(ctx.user, 'person.manage', before);
    const { org, work } = await checkUnits(tx, input);
    assertCanOnPerson(ctx.user, 'person.manage', { org, workOrg: work });
    await assertEmployeeNoFree(tx, input.employeeNo, input.id);
    const data = personData(input);
    await tx.person.update({ where: { id: input.id }, data });
    // A 工号 or phone changed on a person with an account holds a first company link matched by it (holds.ts).
    await holdChangedFields(tx, ctx.actor, before.userId, before, data);
    // The account's unit follows the person's (exams, announcements and the workbench read it).
    if (before.userId)
      await tx.user.update({
        where: { id: before.userId },
        data: { orgId: data.partyGroupId ?? data.orgId },
      });
    const { org: _o, id: _i, createdAt: _c, updatedAt: _u, userId: _a, ...old } = before;
    await trace(tx, ctx.actor, 'person.update', 'Person', input.id, {
      orgPath: org.path,
      before: { ...old, phone: maskPhone(old.phone) },
      after: traceOf(data),
    });
    return { id: input.id };
  },
);
