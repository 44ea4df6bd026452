// What the app server believes of a request's forwarding headers (scripts/server.mjs, before the gate).
//
// The client's address (the trace, the per-address sign-in limits: lib/auth/request-meta.ts) is read from
// X-Forwarded-For, counting TRUSTED_PROXIES entries from the right. That holds only if those entries were written by
// the proxies. A request straight from a client carries whatever X-Forwarded-For it likes, so from a peer that is not
// a trusted proxy the forwarding headers are dropped and X-Forwarded-For is the peer's own address. Trusted proxies
// are the loopback addresses (an nginx on the same machine) and those in TRUSTED_PROXY_ADDRESSES.

import { BlockList, isIP, isIPv6 } from 'node:net';

const FORWARDING = ['x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded'];

/** `::ffff:10.0.0.5` → `10.0.0.5`. @param {string | undefined} a */
export const plainAddress = (a) => (a ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

const isLoopback = (a) => a === '::1' || /^127\./.test(a);

/**
 * The trusted proxies' addresses: loopback and the comma-separated list of `TRUSTED_PROXY_ADDRESSES`, each an address
 * (IPv4 or IPv6, in any spelling) or a range (`10.0.0.0/24`, `fd00::/64`). An entry that is neither is refused at start.
 * @param {string | undefined} list
 * @returns {(address: string) => boolean}
 */
export function trustedPeers(list) {
  const named = new BlockList();
  for (const raw of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = plainAddress(raw).split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (!isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)))
      throw new Error(`TRUSTED_PROXY_ADDRESSES: not an address or range: ${raw}`);
    if (prefix === undefined) named.addAddress(address, type);
    else named.addSubnet(address, Number(prefix), type);
  }
  return (address) =>
    isLoopback(address) || (isIP(address) > 0 && named.check(address, isIPv6(address) ? 'ipv6' : 'ipv4'));
}

/**
 * Rewrites the request's forwarding headers in place: kept from a trusted proxy; from anyone else dropped, with
 * X-Forwarded-For set to the peer's address.
 * @param {import('node:http').IncomingMessage} req
 * @param {(address: string) => boolean} trusted
 */
export function believeForwarding(req, trusted) {
  const peer = plainAddress(req.socket.remoteAddress);
  if (trusted(peer)) return;
  for (const h of FORWARDING) delete req.headers[h];
  if (peer) req.headers['x-forwarded-for'] = peer;
}

/**
 * A server action posted from another site: its Origin names another host than the one the request reached (or is
 * the opaque `null`). Next refuses these too, but by throwing, so the answer was a 500; here it is a 403. A request
 * without Origin is left to Next (browsers send Origin with every cross-site POST). A server action is a POST with
 * `Next-Action`, or a multipart form posted to a page (Next reads one as a form's action before the page's
 * JavaScript has loaded); a route handler's form post (`/api/…`, an identity provider's `form_post` callback) is not.
 * @param {Pick<import('node:http').IncomingMessage, 'method' | 'headers' | 'url'>} req
 */
export function foreignAction(req) {
  if (req.method !== 'POST') return false;
  const pageForm =
    /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? '')) &&
    !String(req.url ?? '/').startsWith('/api/');
  if (!req.headers['next-action'] && !pageForm) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  // As Next itself: the portal's own when the Origin's host is the forwarded host (its first entry) or the Host.
  const first = (v) =>
    String(v ?? '')
      .split(',')[0]
      .trim()
      .toLowerCase();
  const hosts = [first(req.headers['x-forwarded-host']), first(req.headers.host)].filter(Boolean);
  try {
    return !hosts.includes(new URL(origin).host.toLowerCase());
  } catch {
    return true;
  }
}
