/**
 * Opening a unit's sheet for a quarter: built from the scoring standard in force that quarter, one line per
 * criterion, unassessed but for the computed ones, which start from what the unit's own records show
 * (lib/ledger). Opening twice (or at once from two devices) returns the same sheet.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';
import { cstDay, periodOf } from '../../calendar';
import { standardIdForPeriod } from '../../handbook/in-force';
import { suggestionsFor } from '../../ledger/pre-audit';
import { isOpenableQuarter, SHEET_SCOPE } from '../rules';
import { SHEET_ORG_TYPES } from '../queries';
import type { ZOpenSheet } from '../schema';

export async function openSheet(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZOpenSheet>,
  now = new Date(),
) {
  const org = await client.organization.findUnique({
    where: { id: input.orgId },
    select: { id: true, path: true, type: true, status: true },
  });
  if (!org) throw new NotFoundError();
  assertCan(ctx.user, 'selfCheck.draft', org);
  if (!(SHEET_ORG_TYPES as readonly string[]).includes(org.type) || org.status !== 'ACTIVE')
    throw new UserError('selfCheck.errors.notABranch');
  if (!isOpenableQuarter(input.periodKey, periodOf('QUARTER', cstDay(now)).key))
    throw new UserError('selfCheck.errors.futureQuarter');
  const existing = await client.selfCheckSheet.findFirst({
    where: { orgId: org.id, periodKey: input.periodKey, supersededAt: null },
    select: { id: true },
  });
  if (existing) return existing;
  const standardId = await standardIdForPeriod(input.periodKey, client);
  if (!standardId) throw new UserError('selfCheck.errors.noStandard');
  const standard = await client.scoringStandard.findUniqueOrThrow({
    where: { id: standardId },
    select: { id: true, categories: { select: { criteria: { select: { id: true } } } } },
  });
  const suggestions = await suggestionsFor(client, {
    standardId: standard.id,
    orgId: org.id,
    periodKey: input.periodKey,
    scope: SHEET_SCOPE,
    today: cstDay(now),
  });
  try {
    return await client.$transaction(async (tx) => {
      const sheet = await tx.selfCheckSheet.create({
        data: {
          orgId: org.id,
          periodKey: input.periodKey,
          standardId: standard.id,
          createdById: ctx.user.id,
          items: {
            create: standard.categories
              .flatMap((c) => c.criteria)
              .map((c) => {
                const g = suggestions.get(c.id);
                return g
                  ? {
                      criterionId: c.id,
                      taskIds: [],
                      count: g.count,
                      deduction: g.deduction,
                      suggested: g.count,
                      suggestedRefs: g.refs as Prisma.InputJsonArray,
                    }
                  : { criterionId: c.id, taskIds: [] };
              }),
          },
        },
        select: { id: true },
      });
      await trace(tx, ctx.actor, 'selfCheck.open', 'SelfCheckSheet', sheet.id, {
        orgPath: org.path,
        after: { periodKey: input.periodKey, revision: 1, computed: suggestions.size },
      });
      return sheet;
    });
  } catch (e) {
    // The other device won the race (hw_selfcheck_current): use its sheet.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      return client.selfCheckSheet.findFirstOrThrow({
        where: { orgId: org.id, periodKey: input.periodKey, supersededAt: null },
        select: { id: true },
      });
    }
    throw e;
  }
}
