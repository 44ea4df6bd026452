import 'server-only';
import { db } from '../db';
import { can, type Subject } from '../policy';
import { focusList } from './focus';

export const focusListFor = (user: Subject) => focusList(db, user, can(user, 'learning.manage'));
