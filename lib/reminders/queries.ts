import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { reminderSummary, reminderTable } from './read';
import type { TSupervisionFilter } from './schema';
import { noticesFor, reviewsFor, supervisableOrgs, supervisionList } from './supervision-read';

export type { TaskState } from './read';
export const reminderTableFor = (user: Subject, now?: Date) => reminderTable(db, user, now);
export const reminderSummaryFor = (user: Subject, now?: Date) => reminderSummary(db, user, now);

export const supervisionListFor = (user: Subject, f: TSupervisionFilter) => supervisionList(db, user, f);
export const supervisableOrgsFor = (user: Subject) => supervisableOrgs(db, user);
export const noticesForUser = (user: Subject) => noticesFor(db, user);
export const reviewsForUser = (user: Subject) => reviewsFor(db, user);
