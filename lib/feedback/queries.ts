import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { cstDay } from '../calendar';
import { coordinationList, overdueRectifications, rectificationList, sheetDetail, sheetList } from './read';

export const sheetListFor = (user: Subject) => sheetList(db, user);
export const sheetDetailFor = (user: Subject, id: string) => sheetDetail(db, user, id);
export const rectificationListFor = (user: Subject) => rectificationList(db, user);
export const coordinationListFor = (user: Subject) => coordinationList(db, user);
export const overdueRectificationsFor = (user: Subject, permission: 'feedback.read' | 'reminder.supervise') =>
  overdueRectifications(db, user, permission, cstDay(new Date()));
