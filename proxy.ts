import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './lib/auth/config';

// Runs on every page request: refreshes the session's idle clock (the cookie is re-issued here)
// and sends anyone without a live session to /login. Authorization itself is lib/policy.ts.
const { auth } = NextAuth(authConfig);

const PUBLIC = ['/login', '/api/health', '/api/auth'];

export const proxy = auth((req) => {
  const { pathname } = req.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (!req.auth) {
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
    const url = new URL('/login', req.nextUrl);
    if (pathname !== '/') url.searchParams.set('next', pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
