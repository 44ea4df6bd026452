import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import {
  attendanceByOrg,
  invitablePeople,
  signInView,
  trainingList,
  trainingMaterial,
  trainingView,
} from './read';

export const trainingListFor = (user: Subject) => trainingList(db, user);
export const trainingViewFor = (user: Subject, id: string) => trainingView(db, user, id);
export const attendanceByOrgFor = (user: Subject, year: number) => attendanceByOrg(db, user, year);
export const trainingMaterialFor = (user: Subject, id: string, index: number) =>
  trainingMaterial(db, user, id, index);
export const invitablePeopleFor = (user: Subject) => invitablePeople(db, user);
export const signInViewFor = (user: Subject, id: string, token: string) => signInView(db, user, id, token);
