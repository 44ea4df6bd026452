/**
 * The training class's sign-in code changes every 30 seconds: the organizer's screen shows the current one, and a
 * code is accepted for at most one step after its own (≤ 60 s), so a photo of the QR code forwarded to someone not in
 * the room has expired by the time it could be used. Code = "<step>.<HMAC-SHA256(session secret, id:step)>".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CODE_STEP_MS = 30_000;

const mac = (secret: string, sessionId: string, step: number) =>
  createHmac('sha256', secret).update(`${sessionId}:${step}`).digest('base64url').slice(0, 22);

export function signInCode(secret: string, sessionId: string, at: Date): string {
  const step = Math.floor(at.getTime() / CODE_STEP_MS);
  return `${step}.${mac(secret, sessionId, step)}`;
}

/** 'ok', 'expired' (a true code of an earlier step) or 'bad' (not a code of this class). */
export function checkSignInCode(secret: string, sessionId: string, code: string, now: Date) {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(code);
  if (!m) return 'bad' as const;
  const step = Number(m[1]);
  const want = Buffer.from(mac(secret, sessionId, step));
  if (!timingSafeEqual(want, Buffer.from(m[2]!))) return 'bad' as const;
  const current = Math.floor(now.getTime() / CODE_STEP_MS);
  if (step > current) return 'bad' as const;
  return current - step <= 1 ? ('ok' as const) : ('expired' as const);
}
