import 'server-only';
import { db } from '../db';
import { can, type Subject } from '../policy';
import { focusList } from './focus';
import { siteList, visitPhoto } from './sites';

export const focusListFor = (user: Subject) => focusList(db, user, can(user, 'learning.manage'));
export const siteListFor = (user: Subject) => siteList(db, user);
export const visitPhotoFor = (user: Subject, visitId: string, index: number) =>
  visitPhoto(db, user, visitId, index);
