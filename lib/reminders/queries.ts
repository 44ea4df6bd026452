import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { reminderSummary, reminderTable } from './read';

export type { TaskState } from './read';
export const reminderTableFor = (user: Subject, now?: Date) => reminderTable(db, user, now);
export const reminderSummaryFor = (user: Subject, now?: Date) => reminderSummary(db, user, now);
