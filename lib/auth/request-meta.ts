/**
 * The client's address. Each reverse proxy in front of the portal appends the address it was reached from to
 * X-Forwarded-For, so with TRUSTED_PROXIES of them (default 1: the nginx of a usual deployment) the client is the
 * entry that many places from the right; entries further left were written by the client and are not believed (a
 * forged first entry must not dodge the per-address sign-in limit). Without any header, Next puts the socket's
 * address there itself. X-Real-IP is used only when there is no X-Forwarded-For.
 */
export function clientIp(headers: Headers, trusted = trustedProxies()): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (entries.length) return entries[Math.max(0, entries.length - Math.max(1, trusted))]!.slice(0, 64);
  return headers.get('x-real-ip')?.slice(0, 64) ?? null;
}

function trustedProxies(): number {
  const n = Number(process.env.TRUSTED_PROXIES ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 1;
}
