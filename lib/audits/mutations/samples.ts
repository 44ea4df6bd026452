/**
 * 二级抽样 working papers (issue 14): drawn by the team inside every unit of an open plan, signed off by the team
 * leader with a conclusion; a signed paper is frozen. Traced.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { windowOf } from '../../ledger/pre-audit';
import { assertCanOnPlan } from '../../policy';
import { loadPlanRef, samplePopulation } from '../queries/sample-draw';
import { DRAW_ALGORITHM, drawRecords } from '../sampling';
import type { ZDrawSample, ZSignOffSample } from '../schema';

export async function drawSample(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZDrawSample>,
  now = new Date(),
) {
  return client.$transaction(
    async (tx) => {
      const { plan, ref } = await loadPlanRef(tx, input.planId);
      assertCanOnPlan(ctx.user, 'sample.draw', ref);
      if (plan.closedAt) throw new UserError('audits.errors.closed');
      if (!ref.memberIds.includes(input.reviewerId))
        throw new UserError('audits.errors.reviewerOnTeam', {}, 'reviewerId');
      const w = windowOf(plan.periodKey);
      const criteria = { recordKind: input.recordKind, windowStart: w.start, windowEnd: w.end, asOf: now };
      const population = await samplePopulation(tx, plan.id, criteria);
      if (!population.some((u) => u.ids.length || u.forced.length))
        throw new UserError('audits.errors.noRecords', {}, 'recordKind');
      const seed = input.seed ?? randomBytes(8).toString('hex');
      const sample = drawRecords(population, input.perUnit, seed);
      const s = await tx.recordSample.create({
        data: {
          planId: plan.id,
          recordKind: input.recordKind,
          perUnit: input.perUnit,
          seed,
          algorithm: DRAW_ALGORITHM,
          windowStart: new Date(`${w.start}T00:00:00Z`),
          windowEnd: new Date(`${w.end}T00:00:00Z`),
          asOf: now,
          population,
          sample,
          reviewerId: input.reviewerId,
          createdById: ctx.user.id,
        },
        select: { id: true },
      });
      await trace(tx, ctx.actor, 'audits.drawSample', 'RecordSample', s.id, {
        orgPath: plan.orgPath,
        after: {
          planId: plan.id,
          recordKind: input.recordKind,
          perUnit: input.perUnit,
          seed,
          algorithm: DRAW_ALGORITHM,
          sample,
        },
      });
      return { id: s.id, records: sample.reduce((n, u) => n + u.drawn.length + u.forced.length, 0) };
    },
    { timeout: 60_000 },
  );
}

export const signOffSample = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZSignOffSample>) => {
    // The row lock makes a second, concurrent sign-off wait and then find the paper signed.
    const [row] = await tx.$queryRaw<{ id: string; planId: string; signedAt: Date | null }[]>`
    SELECT id, "planId", "signedAt" FROM "RecordSample" WHERE id = ${input.sampleId}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError();
    const { plan, ref } = await loadPlanRef(tx, row.planId);
    assertCanOnPlan(ctx.user, 'sample.signOff', ref);
    if (row.signedAt) throw new UserError('audits.errors.sampleSigned');
    if (plan.closedAt) throw new UserError('audits.errors.closed');
    const signedAt = new Date();
    await tx.recordSample.update({
      where: { id: row.id },
      data: { signedById: ctx.user.id, signedAt, conclusion: input.conclusion },
    });
    await trace(tx, ctx.actor, 'audits.signOffSample', 'RecordSample', row.id, {
      orgPath: plan.orgPath,
      before: { signedAt: null },
      after: { signedAt: signedAt.toISOString(), conclusion: input.conclusion },
    });
    return { id: row.id };
  },
);
