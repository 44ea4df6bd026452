'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation } from '../action';
import { endOtherOwnSessions, endOwnSession, ZEndOtherSessions, ZEndSession } from './sessions';
import { unlinkOwnIdentity, ZUnlinkIdentity } from './identities';
import { trace } from '../audit-log';
import { db } from '../db';
import { isLocale, LOCALE_COOKIE } from '../i18n/locales';
import { changeOwnPassword } from '../users/mutations';
import { ZChangePassword } from '../users/schema';
import { actorOf, getSessionUser } from '../auth/current-user';
import { signIn, signOut } from '../auth/index';
import { oidcConfig } from '../auth/company/config';
import { companyFailure } from '../auth/company/link';
import { safeNext } from '../auth/company/flow';
import { clientIp } from '../auth/request-meta';

export type LoginState = { error?: 'invalid' | 'locked' | 'busy' | 'unexpected'; username?: string };

/** The login form's action. next-auth signals success by throwing a redirect, which must propagate. */
export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '').slice(0, 64);
  const password = String(form.get('password') ?? '');
  const next = String(form.get('next') ?? '/');
  const redirectTo = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (!username.trim() || !password) return { error: 'invalid', username };
  try {
    await signIn('credentials', { username, password, redirectTo });
    return {};
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return {
        error:
          code === 'locked' || code === 'busy'
            ? code
            : e.type === 'CredentialsSignin'
              ? 'invalid'
              : 'unexpected',
        username,
      };
    }
    throw e;
  }
}

/**
 * 统一身份认证: off to the company's OpenID Connect provider through next-auth (PKCE, state, nonce). A provider that
 * does not answer its discovery document is explained on /login/company and recorded, rather than next-auth's
 * generic configuration error.
 */
export async function oidcSignInAction(form: FormData): Promise<void> {
  // Posted by the login page's form; anything else (a hand-made call) is simply sent back to the login page.
  const next = form instanceof FormData ? String(form.get('next') ?? '/') : '/';
  const cfg = oidcConfig();
  if (!cfg) redirect('/login');
  const reachable = await fetch(`${cfg.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5000),
  }).then(
    (r) => r.ok,
    () => false,
  );
  if (!reachable) {
    const h = await headers();
    await companyFailure(db, 'oidc', 'unavailable', { ip: clientIp(h), userAgent: h.get('user-agent') });
    redirect('/login/company?provider=oidc&error=unavailable');
  }
  await signIn('oidc', { redirectTo: safeNext(next) });
}

export async function logoutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    const actor = await actorOf(user);
    await db.$transaction(async (tx) => {
      await tx.userSession.updateMany({
        where: { id: user.sessionId, endedAt: null },
        data: { endedAt: new Date(), endReason: 'logout' },
      });
      await trace(tx, actor, 'auth.logout', 'User', user.id, {
        orgPath: user.org?.path,
        after: { session: user.sessionId },
      });
    });
  }
  // ?password=1: inside WeCom, DingTalk or Feishu the login page would otherwise sign the person straight back in.
  await signOut({ redirectTo: '/login?password=1' });
}

export const changePasswordAction = defineAction(
  ZChangePassword,
  (input, ctx) => changeOwnPassword(db, ctx, input),
  {
    allowPasswordChange: true,
  },
);

/** Language is a preference cookie, not a record: no trace. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}

export const endSessionAction = defineMutation(
  ZEndSession,
  (client, ctx, input) => endOwnSession(client, ctx, input),
  () => revalidatePath('/account/sessions'),
);

export const endOtherSessionsAction = defineMutation(
  ZEndOtherSessions,
  (client, ctx) => endOtherOwnSessions(client, ctx),
  () => revalidatePath('/account/sessions'),
);

export const unlinkIdentityAction = defineMutation(
  ZUnlinkIdentity,
  (client, ctx, input) => unlinkOwnIdentity(client, ctx, input),
  () => revalidatePath('/account/security'),
);
