import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { impactReport, proposalList } from './read';

export const proposalListFor = (user: Subject) => proposalList(db, user);
export const impactReportFor = (user: Subject) => impactReport(db, user);
