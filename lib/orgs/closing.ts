/**
 * The closing checklist of a unit (project ended, branch merged): what must be done before it can be archived.
 * Read by the organization page and by archiveOrg, which refuses while anything is left.
 */
import type { Db, Tx } from '../db/client';
import { arrearsOf } from '../people/queries/dues';

export type ClosingChecklist = {
  unplaced: { id: string; name: string }[];
  unplacedCount: number;
  inTransit: number;
  openTasks: number;
  openRectifications: number;
  activeChildren: string[];
  arrears: number;
};

export async function closingChecklist(client: Db | Tx, orgId: string): Promise<ClosingChecklist> {
  const placedOrLeft = {
    OR: [{ leftOn: { not: null } }, { transfers: { some: { status: 'ISSUED' as const } } }],
  };
  const [unplaced, unplacedCount, inTransit, openTasks, openRectifications, children, owed] =
    await Promise.all([
      client.person.findMany({
        where: { orgId, NOT: placedOrLeft },
        select: { id: true, name: true },
        orderBy: { employeeNo: 'asc' },
        take: 20,
      }),
      client.person.count({ where: { orgId, NOT: placedOrLeft } }),
      client.person.count({ where: { orgId, leftOn: null, transfers: { some: { status: 'ISSUED' } } } }),
      client.reminderTask.count({ where: { orgId, status: 'OPEN' } }),
      client.rectificationItem.count({ where: { orgId, status: { not: 'ACCEPTED' } } }),
      client.organization.findMany({
        where: { parentId: orgId, status: { not: 'ARCHIVED' } },
        select: { name: true },
        orderBy: { sortOrder: 'asc' },
      }),
      arrearsOf(client, { orgId }),
    ]);
  return {
    unplaced,
    unplacedCount,
    inTransit,
    openTasks,
    openRectifications,
    activeChildren: children.map((c) => c.name),
    arrears: [...owed.values()].filter((a) => a.months.length > 0).length,
  };
}

/** Nothing left: every count zero (people in transit are placed: their letter names the receiving unit). */
export const closingDone = (c: ClosingChecklist) =>
  c.unplacedCount === 0 &&
  c.openTasks === 0 &&
  c.openRectifications === 0 &&
  c.activeChildren.length === 0 &&
  c.arrears === 0;
