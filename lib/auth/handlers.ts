import type { NextRequest } from 'next/server';
import { handlers } from './index';

/**
 * next-auth's routes, seen at the address the browser used. Next hands route handlers a NextRequest whose URL names
 * 127.0.0.1 "localhost", and `next start` may know itself by another name than the one the browser (or nginx) used:
 * an OAuth callback then computed a redirect_uri other than the one sent to the provider, which refuses the code
 * exchange. So next-auth gets a plain Request at PUBLIC_URL when set, else at the forwarded or Host header's address
 * (the proxy is trusted: AUTH_TRUST_HOST).
 */
function asSeen(req: NextRequest): Request {
  const url = new URL(req.url);
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (configured) {
    const pub = new URL(configured);
    url.protocol = pub.protocol;
    url.host = pub.host;
  } else {
    const host = (req.headers.get('x-forwarded-host') ?? req.headers.get('host'))?.split(',')[0]?.trim();
    const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host) url.host = host;
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body;
  return new Request(url, { method: req.method, headers: req.headers, body, duplex: 'half' } as RequestInit);
}

export const GET = (req: NextRequest) => handlers.GET(asSeen(req) as NextRequest);
export const POST = (req: NextRequest) => handlers.POST(asSeen(req) as NextRequest);
