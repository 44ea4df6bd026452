import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import {
  addressableOrgs,
  announcementAttachment,
  announcementDetail,
  announcementList,
  receipts,
} from './read';

export const announcementListFor = (user: Subject, page: number) => announcementList(db, user, page);
export const announcementDetailFor = (user: Subject, id: string) => announcementDetail(db, user, id);
export const receiptsFor = (user: Subject, id: string) => receipts(db, user, id);
export const addressableOrgsFor = (user: Subject) => addressableOrgs(db, user);
export const announcementAttachmentFor = (user: Subject, id: string) => announcementAttachment(db, user, id);
