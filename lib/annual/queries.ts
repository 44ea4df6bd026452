import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { currentWeights, latestResults } from './compute';

export const latestResultsFor = (user: Subject, year: number) => latestResults(db, user, year);
export const currentWeightsNow = () => currentWeights(db);
