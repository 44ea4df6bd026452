/**
 * next-auth settings shared by proxy.ts and lib/auth/index.ts. Sessions are signed JWT cookies
 * naming a server-side session (lib/auth/sessions.ts) that can be ended from elsewhere; the jwt callback enforces the
 * 30-minute idle and 12-hour absolute limits.
 */
import type { NextAuthConfig } from 'next-auth';
import { decode, encode } from './jwt';
import { IDLE_TIMEOUT_MS, sessionExpiry } from './rules';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string };
  }
}

type Clock = { uid?: string; sid?: string; loginAt?: number; lastSeen?: number };

export const authConfig = {
  trustHost: true,
  // A wrong password is an everyday event, already written to the trace: keep it out of the error log.
  logger: {
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_MS / 1000 },
  // next-auth's cookie format, the key derived once (lib/auth/jwt.ts).
  jwt: { encode, decode },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      const t = token as typeof token & Clock;
      const now = Date.now();
      if (user?.id) {
        t.uid = user.id;
        t.sid = (user as { sid?: string }).sid;
        t.loginAt = now;
        t.lastSeen = now;
        return t;
      }
      if (!t.uid || !t.loginAt || !t.lastSeen) return null;
      if (sessionExpiry({ loginAt: t.loginAt, lastSeen: t.lastSeen }, now)) return null;
      t.lastSeen = now;
      return t;
    },
    session({ session, token }) {
      const t = token as typeof token & Clock;
      session.user = {
        ...session.user,
        id: t.uid!,
        name: String(token.name ?? ''),
        loginAt: t.loginAt,
        sid: t.sid,
      } as typeof session.user;
      return session;
    },
  },
} satisfies NextAuthConfig;
