/**
 * Reading notifications. Marking read touches only the signed-in person's rows (the where clause
 * carries their id), so a forged id of someone else's notification changes nothing. Reads are not
 * traced: they are the reader's own state, like an e-mail's unread flag; announcement receipts are
 * (lib/announcements).
 */
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { isOwner, type Subject } from '../policy';

export async function markRead(db: Db, user: Subject, id: string) {
  const n = await db.notification.findUnique({
    where: { id },
    select: { userId: true, link: true, readAt: true },
  });
  if (!n || !isOwner(user, n.userId)) throw new NotFoundError();
  if (!n.readAt)
    await db.notification.updateMany({
      where: { id, userId: user.id, readAt: null },
      data: { readAt: new Date() },
    });
  return { link: n.link };
}

export async function markAllRead(db: Db, user: Subject) {
  const r = await db.notification.updateMany({
    where: { userId: user.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { count: r.count };
}
