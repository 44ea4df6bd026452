import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { attemptView, examResults, examsForUser } from './read';

export const examsFor = (user: Subject) => examsForUser(db, user);
export const attemptViewFor = (user: Subject, id: string) => attemptView(db, user, id);
export const examResultsFor = (user: Subject, id: string) => examResults(db, user, id);
