import { decode as theirDecode, encode as theirEncode } from '@auth/core/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, encode } from './jwt';

const secret = 'a-test-secret-of-forty-characters-000000';
const salt = 'authjs.session-token';
const token = {
  uid: 'u-1',
  sid: 's-1',
  name: '李书记',
  loginAt: 1_700_000_000_000,
  lastSeen: 1_700_000_000_000,
};

/** Flips one character of the part `i` of a compact JWE (0 header … 4 tag). */
function tamper(jwe: string, i: number) {
  const parts = jwe.split('.');
  const p = parts[i]!;
  parts[i] = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
  return parts.join('.');
}

afterEach(() => vi.useRealTimers());

describe('the session cookie (lib/auth/jwt.ts)', () => {
  it('reads what next-auth writes, and next-auth reads what it writes', async () => {
    const ours = await encode({ token, secret, salt, maxAge: 1800 });
    expect(await theirDecode({ token: ours, secret, salt })).toMatchObject(token);
    const theirs = await theirEncode({ token, secret, salt, maxAge: 1800 });
    expect(await decode({ token: theirs, secret, salt })).toMatchObject(token);
    // The same header: direct encryption, A256CBC-HS512, the key's thumbprint as kid.
    const header = (jwe: string) => JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString());
    expect(header(ours)).toEqual(header(theirs));
  });

  it('sets iat, exp and a fresh jti', async () => {
    const a = (await decode({ token: await encode({ token, secret, salt, maxAge: 1800 }), secret, salt }))!;
    const b = (await decode({ token: await encode({ token, secret, salt, maxAge: 1800 }), secret, salt }))!;
    expect(a.exp! - a.iat!).toBe(1800);
    expect(Math.abs(a.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(a.jti).not.toBe(b.jti);
  });

  it('refuses a token changed in any part, under another secret or cookie name, or malformed', async () => {
    const jwe = await encode({ token, secret, salt, maxAge: 1800 });
    for (const i of [0, 2, 3, 4])
      await expect(decode({ token: tamper(jwe, i), secret, salt })).rejects.toThrow();
    await expect(decode({ token: jwe, secret: `${secret}x`, salt })).rejects.toThrow();
    await expect(decode({ token: jwe, secret, salt: '__Secure-authjs.session-token' })).rejects.toThrow();
    await expect(decode({ token: 'a.b.c', secret, salt })).rejects.toThrow();
    // Junk a lenient base64url decoder would skip, after the tag or the IV: refused, as jose refuses it.
    await expect(decode({ token: `${jwe}==`, secret, salt })).rejects.toThrow('base64url');
    const parts = jwe.split('.');
    parts[2] += '!';
    await expect(decode({ token: parts.join('.'), secret, salt })).rejects.toThrow('base64url');
    expect(await decode({ token: '', secret, salt })).toBeNull();
  });

  it('reads a token under any of several secrets (rotation) and writes under the first', async () => {
    const old = await encode({ token, secret: 'the-previous-secret-of-forty-characters0', salt, maxAge: 60 });
    const both = [secret, 'the-previous-secret-of-forty-characters0'];
    expect(await decode({ token: old, secret: both, salt })).toMatchObject(token);
    const fresh = await encode({ token, secret: both, salt, maxAge: 60 });
    expect(await decode({ token: fresh, secret, salt })).toMatchObject(token);
  });

  it('refuses an expired token, past 15 s of clock skew', async () => {
    const jwe = await encode({ token, secret, salt, maxAge: 60 });
    vi.useFakeTimers({ now: Date.now() + 70_000, toFake: ['Date'] });
    expect(await decode({ token: jwe, secret, salt })).toMatchObject(token);
    vi.setSystemTime(Date.now() + 10_000);
    await expect(decode({ token: jwe, secret, salt })).rejects.toThrow('expired');
  });
});
