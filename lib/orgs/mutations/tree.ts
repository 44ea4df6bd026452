/**
 * Writes to the organization tree. Each operation loads the records it touches inside its
 * transaction, asks lib/policy, checks the tree rules, writes, and appends its trace — so the
 * same checks hold whether it is called by a server action, the Excel import or a test.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { assertCan } from '../../policy';
import { mayHaveParent, moveMakesCycle, projectFields, rebasePath, type OrgType } from '../rules';
import type { ZArchiveOrg, ZCreateOrg, ZMoveOrg, ZSetKeyUnit, ZUpdateOrg } from '../schema';
import { pathOf } from '../tree';
import { closingChecklist, closingDone } from '../closing';

const dateOrNull = (v?: string) => (v ? new Date(`${v}T00:00:00Z`) : null);

/** The fields the create and edit forms both set. */
function formData(input: z.output<typeof ZCreateOrg> | z.output<typeof ZUpdateOrg>) {
  return {
    name: input.name,
    shortName: input.shortName ?? null,
    type: input.type,
    sortOrder: input.sortOrder,
    status: input.status,
    secretaryId: input.secretaryId ?? null,
    ...projectFields(input, (v) => v ?? null, dateOrNull),
    siteLatitude: input.siteLatitude ?? null,
    siteLongitude: input.siteLongitude ?? null,
  };
}

/** `field`: the form field the refusal is shown on. */
function assertMayHaveParent(type: OrgType, parentType: OrgType, field = 'type') {
  if (!mayHaveParent(type, parentType))
    throw new UserError('orgs.errors.typeNotAllowedUnder', { type, parentType }, field);
}

async function loadOrg(tx: Tx, id: string) {
  const org = await tx.organization.findUnique({ where: { id } });
  if (!org) throw new NotFoundError();
  return org;
}

async function assertNameFree(tx: Tx, parentId: string, name: string, exceptId?: string) {
  const clash = await tx.organization.findFirst({
    where: { parentId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError('orgs.errors.duplicateName', { name }, 'name');
}

async function assertSecretary(tx: Tx, secretaryId: string | undefined) {
  if (!secretaryId) return;
  const u = await tx.user.findUnique({ where: { id: secretaryId }, select: { active: true } });
  if (!u || !u.active) throw new UserError('orgs.errors.badSecretary', {}, 'secretaryId');
}

export async function createOrg(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZCreateOrg>,
  tx0?: Tx,
) {
  const run = async (tx: Tx) => {
    const parent = await loadOrg(tx, input.parentId);
    assertCan(ctx.user, 'org.manage', parent);
    if (parent.status === 'ARCHIVED')
      throw new UserError('orgs.errors.parentArchived', { name: parent.name }, 'parentId');
    assertMayHaveParent(input.type, parent.type);
    await assertNameFree(tx, parent.id, input.name);
    await assertSecretary(tx, input.secretaryId);
    const id = randomUUID();
    const org = await tx.organization.create({
      data: {
        ...formData(input),
        id,
        parentId: parent.id,
        path: pathOf(parent.path, id),
        depth: parent.depth + 1,
      },
    });
    await trace(tx, ctx.actor, 'org.create', 'Organization', id, {
      orgPath: org.path,
      after: org,
    });
    return org;
  };
  return tx0 ? run(tx0) : client.$transaction(run);
}

export const updateOrg = inTransaction(async (tx, ctx: ActionContext, input: z.output<typeof ZUpdateOrg>) => {
  const before = await loadOrg(tx, input.id);
  assertCan(ctx.user, 'org.manage', before);
  if (before.status === 'ARCHIVED') throw new UserError('orgs.errors.archived', { name: before.name });
  if (before.parentId) {
    const parent = await loadOrg(tx, before.parentId);
    assertMayHaveParent(input.type, parent.type);
    await assertNameFree(tx, before.parentId, input.name, before.id);
  }
  await assertSecretary(tx, input.secretaryId);
  const after = await tx.organization.update({
    where: { id: before.id },
    data: formData(input),
  });
  await trace(tx, ctx.actor, 'org.update', 'Organization', before.id, {
    orgPath: before.path,
    before,
    after,
  });
  return after;
});

/** Moves a unit (with its whole subtree) under another parent; paths are rewritten in one statement. */
export const moveOrg = inTransaction(async (tx, ctx: ActionContext, input: z.output<typeof ZMoveOrg>) => {
  const org = await loadOrg(tx, input.id);
  const target = await loadOrg(tx, input.newParentId);
  assertCan(ctx.user, 'org.manage', org);
  assertCan(ctx.user, 'org.manage', target);
  if (!org.parentId) throw new UserError('orgs.errors.cannotMoveRoot');
  if (org.status === 'ARCHIVED') throw new UserError('orgs.errors.archived', { name: org.name });
  if (target.status === 'ARCHIVED')
    throw new UserError('orgs.errors.parentArchived', { name: target.name }, 'newParentId');
  if (moveMakesCycle(org.path, target.path)) throw new UserError('orgs.errors.cycle', {}, 'newParentId');
  if (target.id === org.parentId) throw new UserError('orgs.errors.sameParent', {}, 'newParentId');
  assertMayHaveParent(org.type, target.type, 'newParentId');
  await assertNameFree(tx, target.id, org.name);
  const newPath = pathOf(target.path, org.id);
  const delta = target.depth + 1 - org.depth;
  const moved = await tx.$executeRaw`
    UPDATE "Organization"
    SET path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${delta}, "updatedAt" = now()
    WHERE path LIKE ${org.path + '%'}`;
  await tx.organization.update({ where: { id: org.id }, data: { parentId: target.id } });
  await trace(tx, ctx.actor, 'org.move', 'Organization', org.id, {
    orgPath: newPath,
    before: { parentId: org.parentId, path: org.path },
    after: { parentId: target.id, path: rebasePath(org.path, org.path, newPath), unitsMoved: moved },
  });
  return { id: org.id, moved };
});

/** Archives a unit (never deletes it). Refused while it has children that are not archived. */
export const archiveOrg = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZArchiveOrg>) => {
    const org = await loadOrg(tx, input.id);
    assertCan(ctx.user, 'org.manage', org);
    if (!org.parentId) throw new UserError('orgs.errors.cannotArchiveRoot');
    if (org.status === 'ARCHIVED') throw new UserError('orgs.errors.archived', { name: org.name });
    const active = await tx.organization.findMany({
      where: { parentId: org.id, status: { not: 'ARCHIVED' } },
      select: { name: true },
      orderBy: { sortOrder: 'asc' },
    });
    if (active.length)
      throw new UserError('orgs.errors.activeChildren', { names: active.map((c) => c.name).join('、') });
    const left = await closingChecklist(tx, org.id);
    if (!closingDone(left))
      throw new UserError('orgs.closing.errors.open', {
        members: left.unplacedCount,
        tasks: left.openTasks,
        rectifications: left.openRectifications,
        dues: left.arrears,
      });
    const after = await tx.organization.update({
      where: { id: org.id },
      data: { status: 'ARCHIVED', archivedAt: new Date() },
    });
    await trace(tx, ctx.actor, 'org.archive', 'Organization', org.id, {
      orgPath: org.path,
      before: { status: org.status },
      after: { status: after.status, archivedAt: after.archivedAt },
    });
    return after;
  },
);

/** 重点单位 for a year: on or off. */
export const setKeyUnit = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZSetKeyUnit>) => {
    const org = await loadOrg(tx, input.orgId);
    assertCan(ctx.user, 'org.manage', org);
    const key = { orgId_year: { orgId: org.id, year: input.year } };
    const existing = await tx.keyUnit.findUnique({ where: key });
    if (input.isKey && !existing) await tx.keyUnit.create({ data: { orgId: org.id, year: input.year } });
    else if (!input.isKey && existing) await tx.keyUnit.delete({ where: key });
    else return { changed: false };
    await trace(
      tx,
      ctx.actor,
      input.isKey ? 'org.keyUnit.set' : 'org.keyUnit.unset',
      'Organization',
      org.id,
      {
        orgPath: org.path,
        before: { year: input.year, isKey: !!existing },
        after: { year: input.year, isKey: input.isKey },
      },
    );
    return { changed: true };
  },
);
