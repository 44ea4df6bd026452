import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { robotsOf } from './robots';

export const robotsFor = (user: Subject, org: { id: string; path: string }) => robotsOf(db, user, org);
