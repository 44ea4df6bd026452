import { db } from '../db';
import { NotFoundError } from '../errors';
import { assertCan, type Subject } from '../policy';

/** Generating reminders touches every unit: it takes reminder.supervise over the company root. */
export async function assertCanSuperviseCompany(user: Subject) {
  const root = await db.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  if (!root) throw new NotFoundError();
  assertCan(user, 'reminder.supervise', root);
}
