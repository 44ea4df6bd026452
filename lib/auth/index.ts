import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { createPrismaClient } from '../db/client';
import { authConfig } from './config';
import { attemptLogin } from './login';
import { clientIp } from './request-meta';

/** Thrown from authorize() so the login form can say "locked" instead of the generic message. */
export class AccountLocked extends CredentialsSignin {
  code = 'locked';
}

/** Too many sign-ins from this address are being checked at this moment: try again in a moment. */
export class SignInBusy extends CredentialsSignin {
  code = 'busy';
}

// The auth module is imported by proxy.ts too; it gets its own small client rather than lib/db
// (which is marked server-only for components).
const authDb = createPrismaClient();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === 'string' ? credentials.username : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!username || !password || password.length > 256) return null;
        const result = await attemptLogin(authDb, {
          username,
          password,
          ip: clientIp(request.headers),
          userAgent: request.headers.get('user-agent'),
        });
        if (result.ok) return { id: result.user.id, name: result.user.name, sid: result.sessionId };
        if (result.reason === 'locked') throw new AccountLocked();
        if (result.reason === 'busy') throw new SignInBusy();
        return null;
      },
    }),
  ],
});
