/**
 * The hand-over from a company sign-in route to next-auth's `company` credentials provider: a proof made from the
 * new session's id with a key only the server holds (the browser never sees it), valid while the session is fresh.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { serverKey } from '../../secrets';

/** A session opened by a company sign-in must be claimed by the cookie within this long. */
export const TICKET_MS = 60_000;

export const ticketProof = (sessionId: string) =>
  createHmac('sha256', serverKey('FACTOR_KEY')).update(`company-sign-in:${sessionId}`).digest('base64url');

export function proofMatches(sessionId: string, proof: string): boolean {
  const want = Buffer.from(ticketProof(sessionId));
  const got = Buffer.from(proof);
  return want.length === got.length && timingSafeEqual(want, got);
}
