/**
 * The two steps of a company sign-in through 企业微信, 钉钉 or 飞书 (the company's OIDC goes through next-auth's own
 * OIDC provider, lib/auth/index.ts):
 *  - start: a fresh random `state` kept in an httpOnly cookie (10 minutes, bound to this browser), then off to the
 *    provider — WeCom's QR page on a desk, its 网页授权 inside the WeCom client;
 *  - callback: the state must equal the cookie's (a forged or replayed state has no cookie to match: the cookie is
 *    cleared at the first callback), the code is turned into an identity, linked (link.ts), and next-auth's
 *    `company` credentials provider opens the cookie session with a proof only the server can make.
 * Every refusal ends on /login/company with the reason, no session, and a security event.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { db } from '../../db';
import { publicOrigin } from '../../public-url';
import { clientIp } from '../request-meta';
import { companyPolicy, dingtalkConfig, feishuConfig, wecomConfig, type Provider } from './config';
import { dingtalkAuthorizeUrl, dingtalkIdentify } from './dingtalk';
import { feishuAuthorizeUrl, feishuIdentify } from './feishu';
import { CompanyError } from './http';
import { companyFailure, companySignIn, type CompanyFailure, type CompanyIdentity } from './link';
import { ticketProof } from './ticket';
import { wecomAuthorizeUrl, wecomIdentify } from './wecom';

export const STATE_COOKIE = 'wb-sso';
const STATE_MAX_AGE = 600;

/** The app these three are: which configured provider serves a request from inside its own client. */
export function inAppProvider(userAgent: string | null): 'wecom' | 'dingtalk' | 'feishu' | null {
  if (!userAgent) return null;
  if (/wxwork/i.test(userAgent)) return 'wecom';
  if (/DingTalk/i.test(userAgent)) return 'dingtalk';
  if (/Lark|Feishu/i.test(userAgent)) return 'feishu';
  return null;
}

/** A relative path of this portal to land on afterwards; anything else is the workbench. */
export const safeNext = (next: string | null | undefined) =>
  next &&
  next.startsWith('/') &&
  !next.startsWith('//') &&
  !next.startsWith('/\\') &&
  !/[\u0000-\u001f\u007f]/.test(next)
    ? next.slice(0, 500)
    : '/';

const failPage = (provider: string, reason: CompanyFailure) =>
  `/login/company?${new URLSearchParams({ provider, error: reason })}`;

async function meta() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}

const callbackUri = async (provider: Provider) => `${await publicOrigin()}/api/sso/${provider}/callback`;

/** GET /api/sso/[provider]/start?next=…&via=qr|app */
export async function startCompanySignIn(provider: Provider, url: URL): Promise<never> {
  const next = safeNext(url.searchParams.get('next'));
  const state = randomBytes(24).toString('base64url');
  const redirectUri = await callbackUri(provider);
  let target: string | null = null;
  if (provider === 'wecom') {
    const cfg = wecomConfig();
    const ua = (await headers()).get('user-agent');
    const via = url.searchParams.get('via');
    const inApp = via === 'app' || (via !== 'qr' && inAppProvider(ua) === 'wecom');
    if (cfg) target = wecomAuthorizeUrl(cfg, { state, redirectUri, inApp });
  } else if (provider === 'dingtalk') {
    const cfg = dingtalkConfig();
    if (cfg) target = dingtalkAuthorizeUrl(cfg, { state, redirectUri });
  } else if (provider === 'feishu') {
    const cfg = feishuConfig();
    if (cfg) target = feishuAuthorizeUrl(cfg, { state, redirectUri });
  }
  if (!target) redirect(failPage(provider, 'unavailable'));
  const secure = redirectUri.startsWith('https:');
  (await cookies()).set(STATE_COOKIE, `${provider}.${state}.${Buffer.from(next).toString('base64url')}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/api/sso',
    maxAge: STATE_MAX_AGE,
  });
  redirect(target);
}

/** The state cookie, cleared whatever the outcome: each one serves one callback. */
async function takeState(provider: Provider, state: string | null) {
  const jar = await cookies();
  const raw = jar.get(STATE_COOKIE)?.value;
  jar.delete({ name: STATE_COOKIE, path: '/api/sso' });
  if (!raw || !state) return null;
  const [p, s, n] = raw.split('.');
  if (p !== provider || !s || !n) return null;
  const a = Buffer.from(s);
  const b = Buffer.from(state);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { next: safeNext(Buffer.from(n, 'base64url').toString('utf8')) };
}

/** GET /api/sso/[provider]/callback?code=…&state=… */
export async function finishCompanySignIn(provider: Provider, url: URL): Promise<never> {
  const m = await meta();
  const stateOk = await takeState(provider, url.searchParams.get('state'));
  if (!stateOk) {
    await companyFailure(db, provider, 'state', m, { stateGiven: url.searchParams.has('state') });
    redirect(failPage(provider, 'state'));
  }
  // DingTalk sends authCode (and code); the others code. No code: the person declined.
  const code = url.searchParams.get('authCode') ?? url.searchParams.get('code');
  if (!code) {
    await companyFailure(db, provider, 'denied', m);
    redirect(failPage(provider, 'denied'));
  }
  let identity: CompanyIdentity;
  try {
    if (provider === 'wecom') identity = await wecomIdentify(wecomConfig()!, code);
    else if (provider === 'dingtalk') identity = await dingtalkIdentify(dingtalkConfig()!, code);
    else if (provider === 'feishu')
      identity = await feishuIdentify(feishuConfig()!, code, await callbackUri(provider));
    else throw new CompanyError('unavailable');
  } catch (e) {
    if (!(e instanceof CompanyError)) throw e;
    await companyFailure(db, provider, e.reason, m, e.detail);
    redirect(failPage(provider, e.reason));
  }
  const result = await companySignIn(db, identity, m, companyPolicy());
  if (!result.ok) redirect(failPage(provider, result.reason));
  // Opens next-auth's cookie session for the session row just opened; throws the redirect.
  const { signIn } = await import('../index');
  try {
    await signIn('company', {
      session: result.sessionId,
      proof: ticketProof(result.sessionId),
      redirectTo: stateOk.next,
    });
  } catch (e) {
    if (isRedirectError(e)) throw e;
    // The session was refused its cookie (the account disabled, the minute gone): close it and say so.
    await db.userSession.updateMany({
      where: { id: result.sessionId, endedAt: null },
      data: { endedAt: new Date(), endReason: 'logout' },
    });
    await companyFailure(db, provider, 'unavailable', m, { step: 'session', error: (e as Error).name });
    redirect(failPage(provider, 'unavailable'));
  }
  redirect(stateOk.next);
}
