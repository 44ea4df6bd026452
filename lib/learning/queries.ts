import 'server-only';
import { db } from '../db';
import { can, type Subject } from '../policy';
import { focusList } from './focus';
import { siteList } from './sites';

export const focusListFor = (user: Subject) => focusList(db, user, can(user, 'learning.manage'));
export const siteListNow = () => siteList(db);
