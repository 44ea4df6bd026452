import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { gapRows, gapThreshold } from './gap';
import { auditDetail, auditList, planDetail, planFormOptions } from './read';
import type { TAuditFilter } from './schema';

export const auditListFor = (user: Subject, f: TAuditFilter) => auditList(db, user, f);
export const planDetailFor = (user: Subject, id: string) => planDetail(db, user, id);
export const auditDetailFor = (user: Subject, id: string) => auditDetail(db, user, id);
export const gapRowsFor = (user: Subject, onlyFlagged: boolean) => gapRows(db, user, { onlyFlagged });
export const gapThresholdNow = () => gapThreshold(db);
export const planFormOptionsFor = (user: Subject) => planFormOptions(db, user);
