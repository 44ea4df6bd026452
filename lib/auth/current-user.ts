import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '../db';
import type { Actor } from '../audit-log';
import { can, type Grant, type OrgRef, type Permission, type Subject } from '../policy';
import { auth } from './index';
import { clientIp } from './request-meta';
import { refuse } from './refusals';
import { daysToExpiry, passwordSetting } from './password-policy';
import { sessionPerson } from './sessions';

export type CurrentUser = Omit<Subject, 'grants'> & {
  /** The server-side session this request belongs to. */
  sessionId: string;
  /** What the session still owes before the portal: a second factor to show ('verify') or to set up ('enrol'). */
  factorOwed: 'verify' | 'enrol' | null;
  /** Days until the password expires (negative: expired, and a change is owed), or null when it never does. */
  passwordExpiresIn: number | null;
  name: string;
  username: string;
  mustChangePassword: boolean;
  org: { id: string; name: string; path: string } | null;
  grants: (Grant & { orgName: string })[];
};

/**
 * What getSessionUser read for each request, under the request's own headers object (Next makes one a request and
 * keeps it for the request's life). Not React's `cache`: that is scoped to the React render found in the async
 * context, and a server action runs outside any render, so in an action it either reads afresh each time or — where
 * a callback carried another request's render context into the action — hands back that other request's person. An
 * e2e run saw it: the committee's action on /handbook/draft was refused as the branch secretary whose page had just
 * been rendered. Keyed by the request itself, a person can only ever be the one of this request's cookie.
 */
const perRequest = new WeakMap<object, Promise<CurrentUser | null>>();

/**
 * The person of this request's session, read from the database once per request (roles and the active flag are never
 * taken from the cookie, so a deactivation or a role change applies at the next request), whatever the sign-in still
 * owes (a second factor, a password change). null if none. Only the sign-in steps and the action client use it;
 * everything else asks getCurrentUser().
 */
export async function getSessionUser(): Promise<CurrentUser | null> {
  const request = await headers();
  let read = perRequest.get(request);
  if (!read) {
    read = readSessionUser();
    perRequest.set(request, read);
  }
  return read;
}

/**
 * Forgets what this request read of its session: after a server action, whose own changes (a role removed, a factor
 * removed, the session ended) the page rendered in the same request must show.
 */
export async function forgetSessionUser() {
  perRequest.delete(await headers());
}

async function readSessionUser(): Promise<CurrentUser | null> {
  // A session ended on the server (sign-out, another device, a password change, a deactivation) stays out.
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const sessionId = (session.user as { sid?: string }).sid;
  // Session, person, unit and roles in one query (lib/auth/sessions.ts sessionPerson).
  const found = await sessionPerson(db, sessionId, id);
  if (!found) return null;
  const { user } = found;
  const passwordExpiresIn = daysToExpiry(user.passwordChangedAt, await passwordSetting(db));
  return {
    id: user.id,
    sessionId: sessionId!,
    factorOwed: found.factorOwed,
    name: user.name,
    username: user.username,
    // An expired password is owed a change like one an administrator set.
    mustChangePassword: user.mustChangePassword || (passwordExpiresIn !== null && passwordExpiresIn < 0),
    passwordExpiresIn,
    org: user.org,
    grants: found.grants,
  };
}

/**
 * The signed-in user for data reads (route handlers: downloads, exports, imports): null unless the sign-in is whole —
 * no second factor and no password change still owed.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const user = await getSessionUser();
  return user && user.factorOwed === null && !user.mustChangePassword ? user : null;
}

/**
 * For pages: the user, or a redirect to what the sign-in still owes, in this order: /login; the second factor
 * (/login/verify); a password change (/change-password); setting up a second factor (/login/enrol).
 */
export async function requireUser(
  opts: { allowPasswordChange?: boolean; allowFactor?: 'verify' | 'enrol' } = {},
): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (user.factorOwed === 'verify' && opts.allowFactor !== 'verify') redirect('/login/verify');
  if (user.factorOwed === 'verify') return user;
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect('/change-password');
  if (user.factorOwed === 'enrol' && opts.allowFactor !== 'enrol' && !opts.allowPasswordChange)
    redirect('/login/enrol');
  return user;
}

/** For pages: the user if they hold `permission` (on `target`), else the 403 page. */
export async function requirePermission(
  permission: Permission,
  target?: OrgRef | 'global',
): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission, target)) await refuse(user);
  return user;
}

/** Who is acting, with the request's IP and user agent, for the trace. */
export async function actorOf(user: Pick<CurrentUser, 'id' | 'name'> | null): Promise<Actor> {
  const h = await headers();
  return { id: user?.id ?? null, name: user?.name ?? null, ip: clientIp(h), userAgent: h.get('user-agent') };
}
