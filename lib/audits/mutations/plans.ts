/**
 * Planning a round of audits (核标): the team (one leader), and the targets — every key unit of the
 * year for a quarterly key-unit audit, every active branch for the year-end inspection, a stored
 * reproducible draw for a spot check. One Audit per target, against the standard in force in the period.
 */
import { randomBytes } from 'node:crypto';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan, companyRoot, orgScope, scopeOrgs } from '../../policy';
import { standardIdForPeriod } from '../../handbook/in-force';
import { drawPopulation, type StoredCriteria } from '../queries/draw';
import { draw, DRAW_ALGORITHM, sampleSize } from '../sampling';
import type { TCreatePlan } from '../schema';

const UNIT_TYPES = ['GENERAL_BRANCH', 'BRANCH'] as const;

/** Where a plan without a draw reaches: the planner's own subtree (the whole company for a company committee). */
async function plannerRoot(db: Db, user: ActionContext['user']) {
  const s = orgScope(user, 'auditPlan.manage');
  const root = s.all
    ? await companyRoot(db)
    : await db.organization.findFirst({
        where: { path: { in: s.pathPrefixes } },
        orderBy: { depth: 'asc' },
        select: { id: true, path: true },
      });
  if (!root) throw new NotFoundError();
  return root;
}

export async function createPlan(db: Db, ctx: ActionContext, input: TCreatePlan, now = new Date()) {
  assertCan(ctx.user, 'auditPlan.manage');
  const scopeRoot = input.draw
    ? await db.organization.findUnique({
        where: { id: input.draw.subtreeOrgId },
        select: { id: true, path: true },
      })
    : await plannerRoot(db, ctx.user);
  if (!scopeRoot) throw new NotFoundError();
  assertCan(ctx.user, 'auditPlan.manage', scopeRoot);
  const auditors = await db.user.findMany({
    where: { id: { in: input.memberIds }, active: true, roles: { some: { role: 'AUDITOR' } } },
    select: { id: true },
  });
  if (auditors.length !== new Set(input.memberIds).size)
    throw new UserError('audits.errors.notAuditors', {}, 'memberIds');
  const standardId = await standardIdForPeriod(input.periodKey, db);
  if (!standardId) throw new UserError('selfCheck.errors.noStandard');
  const year = Number(input.periodKey.slice(0, 4));
  const inScope = {
    ...scopeOrgs(ctx.user, 'auditPlan.manage'),
    status: 'ACTIVE' as const,
    type: { in: [...UNIT_TYPES] },
  };

  let targets: string[];
  let drawFields = {};
  if (input.kind === 'KEY_QUARTERLY') {
    targets = (
      await db.organization.findMany({
        where: { ...inScope, keyUnits: { some: { year } } },
        select: { id: true },
        orderBy: { path: 'asc' },
      })
    ).map((o) => o.id);
  } else if (input.kind === 'YEAR_END') {
    targets = (
      await db.organization.findMany({ where: inScope, select: { id: true }, orderBy: { path: 'asc' } })
    ).map((o) => o.id);
  } else {
    const { seed: chosenSeed, ...rest } = input.draw!;
    const criteria: StoredCriteria = { ...rest, asOf: now.toISOString() };
    const population = await drawPopulation(db, criteria);
    const seed = chosenSeed || randomBytes(8).toString('hex');
    targets = draw(population, sampleSize(population.length, criteria), seed);
    drawFields = {
      drawSeed: seed,
      drawAlgorithm: DRAW_ALGORITHM,
      drawCriteria: criteria,
      drawPopulation: population,
      drawSample: targets,
    };
  }
  if (!targets.length) throw new UserError('audits.errors.noTargets');

  const team = [input.leaderId, ...[...new Set(input.memberIds)].filter((m) => m !== input.leaderId)];
  return db.$transaction(async (tx) => {
    const plan = await tx.auditPlan.create({
      data: {
        title: input.title,
        kind: input.kind,
        periodKey: input.periodKey,
        orgPath: scopeRoot.path,
        createdById: ctx.user.id,
        ...drawFields,
        members: {
          createMany: {
            data: [...new Set(input.memberIds)].map((userId) => ({
              userId,
              leader: userId === input.leaderId,
            })),
          },
        },
        // Targets shared out in turn, the leader first; anyone on the team may still score any of them.
        audits: {
          createMany: {
            data: targets.map((orgId, i) => ({
              orgId,
              standardId,
              assignedIds: [team[i % team.length]!],
            })),
          },
        },
      },
      select: { id: true },
    });
    await trace(tx, ctx.actor, 'audits.plan', 'AuditPlan', plan.id, {
      orgPath: scopeRoot.path,
      after: {
        title: input.title,
        kind: input.kind,
        periodKey: input.periodKey,
        team: input.memberIds,
        leader: input.leaderId,
        targets,
        ...drawFields,
      },
    });
    return { id: plan.id, targets: targets.length };
  });
}
