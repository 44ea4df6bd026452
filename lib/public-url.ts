import 'server-only';
import { headers } from 'next/headers';

/**
 * The address phones reach the portal at, for links that leave the screen (QR codes): PUBLIC_URL
 * when set, otherwise the host this request came to (right behind a proxy that sets X-Forwarded-*).
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (configured) return configured;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
