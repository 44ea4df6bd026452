/**
 * The committee's view of a quarter: every active branch in its subtree with its current sheet's
 * state (not started / draft / submitted), and the chase of those that have not submitted.
 */
import type { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { trace } from '../../audit-log';
import { cstDay } from '../../calendar';
import { notify, unitPeople } from '../../channels/notify';
import type { Db } from '../../db/client';
import type { ZChaseSheets } from '../schema';
import { sheetOverviewFor } from '../queries';

export async function chaseMissingSheets(
  db: Db,
  ctx: ActionContext,
  input: z.output<typeof ZChaseSheets>,
  now = new Date(),
) {
  const { rows } = await sheetOverviewFor(ctx.user, input.periodKey, db);
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
    await trace(tx, ctx.actor, 'selfCheck.chase', 'SelfCheckSheet', null, {
      after: { periodKey: input.periodKey, units: missing.map((r) => r.name), notified: people },
    });
    return { units: missing.length, people, deliveryIds };
  });
}
