// A person's own notifications: nobody else's inbox is reachable (lib/policy.ts isOwner).
import type { Db } from '../db/client';
import type { Subject } from '../policy';

export const NOTIFICATION_PAGE = 30;

export function unreadCount(db: Db, user: Subject) {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

export async function notificationPage(db: Db, user: Subject, page: number) {
  const where = { userId: user.id };
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * NOTIFICATION_PAGE,
      take: NOTIFICATION_PAGE,
    }),
  ]);
  return { total, rows };
}
