/** Grade bands (优秀/良好/合格/不合格): configurable by the committee, used by every score later on. */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan, assertCanCompanyWide } from '../../policy';
import { DEFAULT_BANDS, type Band } from '../rules';
import type { ZGradeBands } from '../schema';

/** The bands in force (the defaults until the committee sets its own). */
export async function gradeBands(client: Db): Promise<Band[]> {
  const rows = await client.gradeBand.findMany({ orderBy: { minScore: 'desc' } });
  return rows.length ? rows.map((r) => ({ code: r.code, minScore: r.minScore })) : DEFAULT_BANDS;
}

export async function setGradeBands(client: Db, ctx: ActionContext, input: z.output<typeof ZGradeBands>) {
  await assertCanCompanyWide(client, ctx.user, 'handbook.edit');
  assertCan(ctx.user, 'scoring.edit');
  const next: Band[] = [
    { code: 'EXCELLENT', minScore: input.excellent },
    { code: 'GOOD', minScore: input.good },
    { code: 'PASS', minScore: input.pass },
    { code: 'FAIL', minScore: 0 },
  ];
  if (next.some((b) => Math.round(b.minScore * 10) !== b.minScore * 10))
    throw new UserError('handbook.errors.pointsStep');
  return client.$transaction(async (tx) => {
    const before = await tx.gradeBand.findMany({ orderBy: { minScore: 'desc' } });
    await tx.gradeBand.deleteMany({});
    await tx.gradeBand.createMany({ data: next.map((b, i) => ({ ...b, sortOrder: i })) });
    await trace(tx, ctx.actor, 'handbook.grades.set', 'GradeBand', null, {
      before: before.map((b) => ({ code: b.code, minScore: b.minScore })),
      after: next,
    });
    return next;
  });
}
