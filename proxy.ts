import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from './lib/auth/config';
import { contentSecurityPolicy, HSTS, newNonce } from './lib/security-headers';

// Runs on every page request: refreshes the session's idle clock (the cookie is re-issued here), sends anyone
// without a live session to /login, and gives the response its Content-Security-Policy with a fresh nonce (Next puts
// it on its own scripts, read from the request's CSP header). Authorization itself is lib/policy.ts.
const { auth } = NextAuth(authConfig);

const PUBLIC = ['/login', '/api/health', '/api/auth', '/api/sso', '/offline', '/manifest.webmanifest'];

function secured(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const https = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV !== 'production' });
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  // The address, for a refusal's security event (lib/auth/refusals.ts); whatever a client sent under it is replaced.
  headers.set('x-wb-path', (req.nextUrl.pathname + req.nextUrl.search).slice(0, 300));
  headers.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  if (https) res.headers.set('Strict-Transport-Security', HSTS);
  return res;
}

export const proxy = auth((req) => {
  const { pathname } = req.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return secured(req);
  if (!req.auth) {
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
    const url = new URL('/login', req.nextUrl);
    if (pathname !== '/') url.searchParams.set('next', pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return secured(req);
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
