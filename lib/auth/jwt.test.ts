import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
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

/**
 * A token made by hand under the real key, with a valid tag: what only the server's key could make, to prove the
 * checks after the tag (IV length, padding, the claims' text and types) refuse it all the same.
 */
function forge(payload: Buffer | string, { ivLength = 16, tagLength = 32 } = {}) {
  const raw = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256CBC-HS512' })).toString('base64url');
  const iv = randomBytes(ivLength);
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const ciphertext =
    ivLength === 16
      ? Buffer.concat([createCipheriv('aes-256-cbc', raw.subarray(32), iv).update(body), Buffer.alloc(0)])
      : randomBytes(32);
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(header.length * 8));
  const tag = createHmac('sha512', raw.subarray(0, 32))
    .update(header)
    .update(iv)
    .update(ciphertext)
    .update(bits)
    .digest()
    .subarray(0, tagLength);
  return [
    header,
    '',
    iv.toString('base64url'),
    ciphertext.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

/** A whole AES-CBC block run with PKCS#7 padding, for forge (which leaves padding to the caller). */
const padded = (text: Buffer) => {
  const n = 16 - (text.length % 16);
  return Buffer.concat([text, Buffer.alloc(n, n)]);
};

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

  it('refuses a token with a valid tag but a short tag, an IV of the wrong length, bad padding, text that is not UTF-8, or times that are not numbers', async () => {
    const claims = (o: object) => padded(Buffer.from(JSON.stringify(o)));
    // The forger itself makes good tokens: without a kid, the one secret's key is tried.
    expect(await decode({ token: forge(claims(token)), secret, salt })).toMatchObject(token);
    await expect(decode({ token: forge(claims(token), { tagLength: 16 }), secret, salt })).rejects.toThrow(
      'integrity',
    );
    await expect(decode({ token: forge(claims(token), { ivLength: 12 }), secret, salt })).rejects.toThrow(
      'integrity',
    );
    await expect(decode({ token: forge(Buffer.alloc(32, 0x41)), secret, salt })).rejects.toThrow(
      'bad decrypt',
    );
    await expect(
      decode({ token: forge(padded(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))), secret, salt }),
    ).rejects.toThrow();
    await expect(decode({ token: forge(claims({ ...token, iat: 'now' })), secret, salt })).rejects.toThrow(
      'malformed times',
    );
    await expect(encode({ token, secret, salt, maxAge: Infinity })).rejects.toThrow('finite');
  });

  it('rotates secrets the same way next-auth does, in both directions', async () => {
    const previous = 'the-previous-secret-of-forty-characters0';
    const theirsOld = await theirEncode({ token, secret: previous, salt, maxAge: 60 });
    expect(await decode({ token: theirsOld, secret: [secret, previous], salt })).toMatchObject(token);
    const oursOld = await encode({ token, secret: previous, salt, maxAge: 60 });
    expect(await theirDecode({ token: oursOld, secret: [secret, previous], salt })).toMatchObject(token);
    const oursNew = await encode({ token, secret: [secret, previous], salt, maxAge: 60 });
    expect(await theirDecode({ token: oursNew, secret, salt })).toMatchObject(token);
  });

  it('refuses an expired token, past 15 s of clock skew', async () => {
    const jwe = await encode({ token, secret, salt, maxAge: 60 });
    vi.useFakeTimers({ now: Date.now() + 70_000, toFake: ['Date'] });
    expect(await decode({ token: jwe, secret, salt })).toMatchObject(token);
    vi.setSystemTime(Date.now() + 10_000);
    await expect(decode({ token: jwe, secret, salt })).rejects.toThrow('expired');
  });
});
