import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { createPrismaClient } from '../db/client';
import { authConfig } from './config';
import { attemptLogin } from './login';
import { clientIp } from './request-meta';
import { companyPolicy, oidcConfig } from './company/config';
import { proofMatches, TICKET_MS } from './company/ticket';
import { companyFailure, companySignIn } from './company/link';
import { isUuid } from '../validation';

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

/**
 * The company's OpenID Connect provider (issue 18.1), when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are
 * set: discovery from the issuer, the authorization code flow with PKCE, state and nonce checked by next-auth. The
 * signIn callback below links the identity to an account (lib/auth/company/link.ts).
 */
function oidcProvider(): NextAuthConfig['providers'] {
  const cfg = oidcConfig();
  if (!cfg) return [];
  return [
    {
      id: 'oidc',
      name: cfg.name ?? 'OIDC',
      type: 'oidc',
      issuer: cfg.issuer,
      clientId: cfg.clientId,
      clientSecret: cfg.clientSecret,
      checks: ['pkce', 'state', 'nonce'],
      // The ID token is checked (nonce, signature, audience); the claims come from userinfo, where providers put the
      // company's own claims (工号) more often than in the ID token.
      idToken: false,
      authorization: { params: { scope: 'openid profile email' } },
      profile: (p: Record<string, unknown>) => ({ id: String(p.sub), name: String(p.name ?? p.sub) }),
    },
  ];
}

async function requestMeta() {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get('user-agent') };
  } catch {
    return { ip: null, userAgent: null };
  }
}

/** An OIDC failure next-auth caught before our callback (a forged state, a used code, the provider down). */
const OIDC_FAILURES: Record<string, 'state' | 'provider' | 'unavailable'> = {
  InvalidCheck: 'state',
  OAuthCallbackError: 'provider',
  CallbackRouteError: 'provider',
  OAuthSignInError: 'unavailable',
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  pages: { ...authConfig.pages, error: '/login/company' },
  logger: {
    error(error) {
      const type = (error as { type?: string }).type ?? '';
      if (type === 'CredentialsSignin') return;
      const reason = OIDC_FAILURES[type];
      if (reason) {
        // Written as a company sign-in refusal; the person lands on /login/company with next-auth's error type.
        const cause = (error.cause as { err?: Error } | undefined)?.err?.message ?? '';
        console.error('[auth] company sign-in (OIDC) refused:', type, cause);
        void requestMeta()
          .then((m) => companyFailure(authDb, 'oidc', reason, m, { error: type, cause: cause.slice(0, 300) }))
          .catch((e: Error) => console.error('[auth] recording an OIDC failure failed', e.message));
        return;
      }
      authConfig.logger.error(error);
    },
  },
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
    // The cookie for a session a company sign-in has just opened on the server (lib/auth/company/flow.ts). Called
    // only from that route on the server, with a proof made from the session id by a key the browser never sees.
    Credentials({
      id: 'company',
      credentials: { session: {}, proof: {} },
      async authorize(credentials) {
        const sid = typeof credentials?.session === 'string' ? credentials.session : '';
        const proof = typeof credentials?.proof === 'string' ? credentials.proof : '';
        if (!isUuid(sid) || !proofMatches(sid, proof)) return null;
        const s = await authDb.userSession.findUnique({
          where: { id: sid },
          select: {
            createdAt: true,
            endedAt: true,
            user: { select: { id: true, name: true, active: true } },
          },
        });
        if (!s || s.endedAt || !s.user.active || Date.now() - s.createdAt.getTime() > TICKET_MS) return null;
        return { id: s.user.id, name: s.user.name, sid };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider !== 'oidc') return true;
      const cfg = oidcConfig();
      if (!cfg || !profile?.sub) {
        await companyFailure(authDb, 'oidc', 'provider', await requestMeta(), { why: 'no sub' });
        return '/login/company?provider=oidc&error=provider';
      }
      const claims = profile as Record<string, unknown>;
      // An e-mail the provider has not verified finds no one (a person may type any address into some providers).
      const unverified = cfg.claim === 'email' && claims.email_verified !== true;
      const claim = unverified ? null : claims[cfg.claim];
      const result = await companySignIn(
        authDb,
        {
          provider: 'oidc',
          subject: String(profile.sub),
          label: String(profile.email ?? profile.name ?? profile.sub),
          value: typeof claim === 'string' || typeof claim === 'number' ? String(claim) : null,
          field: cfg.field,
        },
        await requestMeta(),
        companyPolicy(),
      );
      if (!result.ok) return `/login/company?provider=oidc&error=${result.reason}`;
      // The jwt callback (lib/auth/config.ts) takes the account and the session from here.
      Object.assign(user, { id: result.user.id, name: result.user.name, sid: result.sessionId });
      return true;
    },
  },
});
