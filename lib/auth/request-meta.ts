/** The client's address as the nearest proxy reports it (first X-Forwarded-For entry), else X-Real-IP. */
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for');
  if (fwd) return fwd.split(',')[0]!.trim();
  return headers.get('x-real-ip');
}
