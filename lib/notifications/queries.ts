import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import type { Db } from '../db/client';

export const NOTIFICATION_PAGE = 30;

export function unreadCountFor(user: Subject, client: Db = db) {
  return client.notification.count({ where: { userId: user.id, readAt: null } });
}

export async function notificationPageFor(user: Subject, page: number, client: Db = db) {
  const where = { userId: user.id };
  const [total, rows] = await Promise.all([
    client.notification.count({ where }),
    client.notification.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * NOTIFICATION_PAGE,
      take: NOTIFICATION_PAGE,
    }),
  ]);
  return { total, rows };
}
