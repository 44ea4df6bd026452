import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { db } from '../db';
import { securityEvent } from './login';
import { clientIp } from './request-meta';

/** Where a refusal happened: a page (the 403 page), a server action, a download or export route. */
export type RefusedVia = 'page' | 'action' | 'download';

/**
 * A refusal of the policy (lib/policy.ts) as a security event (GB/T 22239 8.1.4.3 b: refusals with their reason), so
 * that someone trying other units' records one id after another shows on 安全事件. The address is the request's
 * own (`x-wb-path`, set by proxy.ts); an action also names its id. Recording never turns the refusal into an error.
 */
export async function recordRefusal(user: { id: string; username: string } | null, via: RefusedVia) {
  try {
    const h = await headers();
    const action = h.get('next-action');
    await securityEvent(db, 'access.denied', {
      username: user?.username ?? '',
      userId: user?.id ?? null,
      ip: clientIp(h),
      userAgent: h.get('user-agent'),
      detail: {
        via,
        reason: 'forbidden',
        path: (h.get('x-wb-path') ?? '').slice(0, 300),
        ...(action ? { action: action.slice(0, 64) } : {}),
      },
    });
  } catch (e) {
    console.error('[security] a refusal could not be recorded', e);
  }
}

/** For pages: the refusal recorded, then the 403 page. */
export async function refuse(user: { id: string; username: string } | null): Promise<never> {
  await recordRefusal(user, 'page');
  forbidden();
}

/** For route handlers (downloads, exports, imports): the refusal recorded, then a 403. */
export async function deniedResponse(user: { id: string; username: string } | null, error = 'forbidden') {
  await recordRefusal(user, 'download');
  return Response.json({ error }, { status: 403 });
}
