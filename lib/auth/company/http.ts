/**
 * Calls to a company's identity provider: JSON in and out, a time limit, and errors turned into the refusals a
 * person sees (lib/auth/company/link.ts CompanyFailure) with the provider's own code kept for the security event.
 */
import type { CompanyFailure } from './link';

export class CompanyError extends Error {
  constructor(
    readonly reason: CompanyFailure,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`company sign-in: ${reason}`);
  }
}

const TIMEOUT_MS = Number(process.env.SSO_TIMEOUT_MS ?? 8000);

/** GET or POST JSON; a provider that cannot be reached or answers something that is not JSON is 'unavailable'. */
export async function callJson<T = Record<string, unknown>>(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    throw new CompanyError('unavailable', { url: new URL(url).pathname, error: (e as Error).name });
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as T };
  } catch {
    throw new CompanyError('unavailable', { url: new URL(url).pathname, status: res.status });
  }
}

/** Tokens a provider gives the app itself (WeCom gettoken, DingTalk gettoken, Feishu tenant token), kept until
 * five minutes before they expire; `drop` forgets one the provider called expired. */
const tokens = new Map<string, { value: string; until: number }>();
export async function appToken(key: string, fetchToken: () => Promise<{ value: string; expiresIn: number }>) {
  const hit = tokens.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  const t = await fetchToken();
  tokens.set(key, { value: t.value, until: Date.now() + Math.max(0, t.expiresIn - 300) * 1000 });
  return t.value;
}
export const dropAppToken = (key: string) => tokens.delete(key);
