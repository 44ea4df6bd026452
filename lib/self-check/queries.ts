import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { sheetOverview } from './overview';
import { mySheets, sheetDetail } from './read';

export const mySheetsFor = (user: Subject) => mySheets(db, user);
export const sheetDetailFor = (user: Subject, id: string) => sheetDetail(db, user, id);
export const sheetOverviewFor = (user: Subject, periodKey: string) => sheetOverview(db, user, periodKey);
