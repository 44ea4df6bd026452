import 'server-only';
import { db } from '../db';
import { can, orgScope, scopeOrgs, type Subject } from '../policy';
import type { Db } from '../db/client';
import { memo } from '../memo';

// The accounts of a whole company's units are a count over every user (100,000 at company scale: the slowest read of
// the committee's workbench); a minute's staleness on a card is worth it.
const membersCount = memo<number>(60_000);

/** The counts the foundation can show: units in the user's scope by status, key units this year, members. */
export async function workbenchCounts(user: Subject, year: number, client: Db = db) {
  if (!can(user, 'org.read')) return null;
  const where = scopeOrgs(user, 'org.read');
  const [byStatus, keyUnits, members] = await Promise.all([
    client.organization.groupBy({ by: ['status'], where, _count: { _all: true } }),
    client.keyUnit.count({ where: { year, org: where } }),
    // Kept for the app's own client only: a test's (or a transaction's) client reads afresh.
    client === db
      ? membersCount(JSON.stringify(orgScope(user, 'org.read')), () =>
          client.user.count({ where: { active: true, org: where } }),
        )
      : client.user.count({ where: { active: true, org: where } }),
  ]);
  const count = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  return {
    active: count('ACTIVE'),
    preparing: count('PREPARING'),
    archived: count('ARCHIVED'),
    keyUnits,
    members,
    whole: orgScope(user, 'org.read').all,
  };
}

/** The user's own latest traces: what they did recently. */
export async function myRecentEvents(user: Subject, client: Db = db) {
  return client.auditEvent.findMany({
    where: { actorId: user.id },
    select: { id: true, at: true, action: true, entityType: true },
    orderBy: { id: 'desc' },
    take: 8,
  });
}
