/**
 * The session cookie's encryption, in the format next-auth writes (RFC 7516 compact JWE, `dir` with A256CBC-HS512
 * under a key derived from AUTH_SECRET by HKDF, the key's JWK thumbprint as `kid`), so a cookie from either reads in
 * the other (lib/auth/jwt.test.ts checks both ways against @auth/core's own). next-auth's derives the key and its
 * thumbprint again and imports it into WebCrypto at every call: three times a request (the proxy reads and re-issues
 * the cookie, the page reads it), 15% of the CPU of an exam's answer save under load (issue 17). Here the key is
 * derived once per secret and the cipher and MAC are node:crypto's. Only what next-auth writes is read
 * (A256CBC-HS512); its decode also takes A256GCM, for cookies of versions this app never ran.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const ENC = 'A256CBC-HS512';
/** Seconds of clock skew an expiry is given, as next-auth's own decode allows. */
const CLOCK_TOLERANCE = 15;
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

type Key = { mac: Buffer; enc: Buffer; kid: string };
const keys = new Map<string, Key>();

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** The 64-byte key next-auth derives from a secret for a cookie (its name is the salt), and its SHA-512 thumbprint. */
function keyFor(secret: string, salt: string): Key {
  const id = `${salt}\u0000${secret}`;
  let k = keys.get(id);
  if (!k) {
    const raw = Buffer.from(
      hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
    );
    // RFC 7638: the required members of an "oct" key, in lexicographic order, without white space.
    const kid = createHash('sha512')
      .update(`{"k":"${b64u(raw)}","kty":"oct"}`)
      .digest('base64url');
    k = { mac: raw.subarray(0, 32), enc: raw.subarray(32), kid };
    keys.set(id, k);
  }
  return k;
}

/** RFC 7518 §5.2.2.1: the tag is the first half of HMAC-SHA-512 over AAD, IV, ciphertext and AAD's length in bits. */
function tagOf(key: Key, aad: string, iv: Buffer, ciphertext: Buffer) {
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(Buffer.byteLength(aad) * 8));
  return createHmac('sha512', key.mac)
    .update(aad)
    .update(iv)
    .update(ciphertext)
    .update(bits)
    .digest()
    .subarray(0, 32);
}

/** A part of the token in canonical base64url only (no padding, nothing a lenient decoder would skip). */
function part(text: string): Buffer {
  const b = Buffer.from(text, 'base64url');
  if (b.toString('base64url') !== text) throw new Error('the token is not in base64url');
  return b;
}

/** UTF-8 as jose reads it: a byte sequence that is not UTF-8 is refused, not replaced. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);
const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function encode({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt,
}: JWTEncodeParams): Promise<string> {
  if (!Number.isFinite(maxAge)) throw new Error('the session needs a finite lifetime');
  const key = keyFor(secretsOf(secret)[0]!, salt);
  const iat = nowSeconds();
  const payload = { ...token, iat, exp: iat + maxAge, jti: randomUUID() };
  const header = b64u(JSON.stringify({ alg: 'dir', enc: ENC, kid: key.kid }));
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key.enc, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return `${header}..${b64u(iv)}.${b64u(ciphertext)}.${b64u(tagOf(key, header, iv, ciphertext))}`;
}

/** The token's claims, or an error when it is malformed, forged, under another secret, or expired. */
export async function decode({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 5 || parts[1] !== '') throw new Error('not a compact JWE with direct encryption');
  const [header, , ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  const h = JSON.parse(utf8.decode(part(header))) as Record<string, unknown> | null;
  if (typeof h !== 'object' || h === null || Array.isArray(h)) throw new Error('unsupported JWE header');
  if (h.alg !== 'dir' || h.enc !== ENC || 'zip' in h || 'crit' in h)
    throw new Error('unsupported JWE header');
  const key = secretsOf(secret)
    .map((s) => keyFor(s, salt))
    .find((k) => h.kid === undefined || h.kid === k.kid);
  if (!key) throw new Error('no matching decryption secret');
  const iv = part(ivText);
  const ciphertext = part(ciphertextText);
  const tag = part(tagText);
  const expected = tagOf(key, header, iv, ciphertext);
  if (iv.length !== 16 || tag.length !== expected.length || !timingSafeEqual(tag, expected))
    throw new Error('the token fails its integrity check');
  const decipher = createDecipheriv('aes-256-cbc', key.enc, iv);
  const payload = JSON.parse(
    utf8.decode(Buffer.concat([decipher.update(ciphertext), decipher.final()])),
  ) as unknown;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new Error('the token holds no claims');
  const times = payload as { exp?: unknown; nbf?: unknown; iat?: unknown };
  const { exp, nbf } = times;
  if ([exp, nbf, times.iat].some((t) => t !== undefined && typeof t !== 'number'))
    throw new Error('the token has malformed times');
  const now = nowSeconds();
  if (typeof exp === 'number' && exp <= now - CLOCK_TOLERANCE) throw new Error('the token expired');
  if (typeof nbf === 'number' && nbf > now + CLOCK_TOLERANCE) throw new Error('the token is not yet valid');
  return payload as JWT;
}
