'use server';
import { cookies } from 'next/headers';
import { AuthError } from 'next-auth';
import { defineAction } from '../action';
import { appendTrace } from '../audit-log';
import { db } from '../db';
import { isLocale, LOCALE_COOKIE } from '../i18n/locales';
import { changeOwnPassword } from '../users/mutations';
import { ZChangePassword } from '../users/schema';
import { actorOf, getCurrentUser } from '../auth/current-user';
import { auth, signIn, signOut } from '../auth/index';

export type LoginState = { error?: 'invalid' | 'locked' | 'unexpected'; username?: string };

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
        error: code === 'locked' ? 'locked' : e.type === 'CredentialsSignin' ? 'invalid' : 'unexpected',
        username,
      };
    }
    throw e;
  }
}

export async function logoutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    const actor = await actorOf(user);
    const loginAt = ((await auth())?.user as { loginAt?: number } | undefined)?.loginAt;
    await db.$transaction(async (tx) => {
      if (loginAt)
        await tx.revokedSession.createMany({
          data: [{ userId: user.id, loginAt: BigInt(loginAt) }],
          skipDuplicates: true,
        });
      await appendTrace(tx, actor, {
        action: 'auth.logout',
        entityType: 'User',
        entityId: user.id,
        orgPath: user.org?.path,
      });
    });
  }
  await signOut({ redirectTo: '/login' });
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
