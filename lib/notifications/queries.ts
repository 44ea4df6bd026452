import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { notificationPage, unreadCount } from './read';

export const unreadCountFor = (user: Subject) => unreadCount(db, user);
export const notificationPageFor = (user: Subject, page: number) => notificationPage(db, user, page);
