/**
 * The committee's view of a quarter: every active branch in its subtree with its current sheet's
 * state (not started / draft / submitted), and the chase of those that have not submitted.
 */
import type { z } from 'zod';
import { appendTrace } from '../audit-log';
import { notify, unitPeople } from '../channels/notify';
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import type { ActionContext } from '../action-context';
import { can, scopeOrgs, type Subject } from '../policy';
import { cstDay } from '../calendar';
import { SHEET_ORG_TYPES } from './load';
import type { ZChaseSheets } from './schema';

export async function sheetOverview(db: Db, user: Subject, periodKey: string) {
  if (!can(user, 'selfCheck.oversee')) throw new ForbiddenError();
  const orgs = await db.organization.findMany({
    where: { ...scopeOrgs(user, 'selfCheck.oversee'), type: { in: [...SHEET_ORG_TYPES] }, status: 'ACTIVE' },
    select: {
      id: true,
      name: true,
      path: true,
      sheets: {
        where: { periodKey, supersededAt: null },
        select: { id: true, status: true, total: true, revision: true, submittedAt: true },
      },
    },
    orderBy: { path: 'asc' },
  });
  const rows = orgs
    .map((o) => ({ id: o.id, name: o.name, sheet: o.sheets[0] ?? null }))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
  return { rows, submitted: rows.filter((r) => r.sheet?.status === 'SUBMITTED').length, total: rows.length };
}

export async function chaseMissingSheets(
  db: Db,
  ctx: ActionContext,
  input: z.output<typeof ZChaseSheets>,
  now = new Date(),
) {
  const { rows } = await sheetOverview(db, ctx.user, input.periodKey);
  const missing = rows.filter((r) => r.sheet?.status !== 'SUBMITTED');
  const today = cstDay(now);
  return db.$transaction(async (tx) => {
    const deliveryIds: string[] = [];
    let people = 0;
    for (const r of missing) {
      const sent = await notify(tx, {
        userIds: await unitPeople(tx, r.id),
        kind: 'SELF_CHECK',
        titleKey: 'notifications.titles.selfCheckChase',
        params: { period: input.periodKey },
        link: '/self-checks',
        dedupeKey: `sheetChase:${input.periodKey}:${today}:${r.id}`,
        robotOrgIds: [r.id],
      });
      people += sent.created;
      deliveryIds.push(...sent.deliveryIds);
    }
    await appendTrace(tx, ctx.actor, {
      action: 'selfCheck.chase',
      entityType: 'SelfCheckSheet',
      after: { periodKey: input.periodKey, units: missing.map((r) => r.name), notified: people },
    });
    return { units: missing.length, people, deliveryIds };
  });
}
