/**
 * The second factor (issue 16.2): an authenticator app (TOTP, RFC 6238, via otpauth), passkeys (WebAuthn, via
 * SimpleWebAuthn, lib/auth/passkeys.ts) and ten single-use recovery codes.
 *
 * A sign-in with the password opens a session that still owes something (UserSession.factorOwed):
 *   'verify' – the person has a factor: the session reaches the portal once one is shown;
 *   'enrol'  – a factor is required of them (by role, or for everyone) and they have none: they set one up first.
 * Who must have one is a setting (security.factors); a demo database exempts its demo accounts other than `admin`.
 *
 * Secrets are sealed with FACTOR_KEY (AES-256-GCM, lib/secrets.ts); recovery codes are kept as HMACs under it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import type { Db, Tx } from '../db/client';
import { ROLES, type Role } from '../policy';
import { serverKey } from '../secrets';

export const FACTOR_SETTING = 'security.factors';
export const ZFactorSetting = z
  .object({
    /** Roles whose holders must have a second factor. */
    requiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
    /** Everyone must, whatever their roles. */
    everyone: z.boolean(),
    /** Set by the demo: its accounts other than `admin` need none, so a newcomer can try every role. */
    demoExempt: z.boolean(),
  })
  .strict();
export type FactorSetting = z.output<typeof ZFactorSetting>;
export const DEFAULT_FACTOR_SETTING: FactorSetting = {
  requiredRoles: ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'COMMITTEE', 'AUDITOR'],
  everyone: false,
  demoExempt: false,
};
/** The demo account that is never exempt, so the enrolment can be seen. */
export const DEMO_ENROLS = 'admin';

export async function factorSetting(client: Db | Tx): Promise<FactorSetting> {
  const row = await client.setting.findUnique({ where: { key: FACTOR_SETTING } });
  const parsed = ZFactorSetting.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_FACTOR_SETTING;
}

/** Whether the setting asks a second factor of this person. */
export function factorRequired(
  setting: FactorSetting,
  person: { username: string; roles: readonly string[] },
): boolean {
  if (setting.demoExempt && person.username !== DEMO_ENROLS) return false;
  if (setting.everyone) return true;
  return person.roles.some((r) => (setting.requiredRoles as readonly string[]).includes(r as Role));
}

export type FactorOwed = 'verify' | 'enrol' | null;

/** What a fresh password sign-in owes: a factor they have, else one they must set up, else nothing. */
export async function owedAtSignIn(tx: Tx | Db, userId: string, username: string): Promise<FactorOwed> {
  const [totp, passkeys, roles, setting] = await Promise.all([
    tx.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    tx.passkey.count({ where: { userId } }),
    tx.roleAssignment.findMany({ where: { userId }, select: { role: true } }),
    factorSetting(tx),
  ]);
  if (totp?.confirmedAt || passkeys > 0) return 'verify';
  return factorRequired(setting, { username, roles: roles.map((r) => r.role) }) ? 'enrol' : null;
}

// ─── sealing ──────────────────────────────────────────────────────────────────────────────────────

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', serverKey('FACTOR_KEY'), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    body.toString('base64url'),
    c.getAuthTag().toString('base64url'),
  ].join('.');
}

export function unseal(sealed: string): string {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !body || !tag) throw new Error('sealed secret: unknown format');
  const d = createDecipheriv('aes-256-gcm', serverKey('FACTOR_KEY'), Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
}

// ─── TOTP ─────────────────────────────────────────────────────────────────────────────────────────

export const TOTP_PERIOD = 30;
export const ISSUER = '五标';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpOf(base32: string, label = '') {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(base32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (base32: string, username: string) => totpOf(base32, username).toString();

/** The code for a time (tests and the enrolment's own check). */
export const totpCode = (base32: string, at = Date.now()) => totpOf(base32).generate({ timestamp: at });

/**
 * The time step a code matches (this one, or one either side for a clock a little off), or null. A code is good
 * once: the caller refuses a step not after the last one used.
 */
export function totpStep(base32: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(base32).validate({ token, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / TOTP_PERIOD) + delta;
}

// ─── recovery codes ───────────────────────────────────────────────────────────────────────────────

export const RECOVERY_CODES = 10;
// No 0/O, 1/I/L: read off paper without doubt.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A code as printed: two groups of five (about 49 bits). */
export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** The form a code is compared in: upper case, no spaces or dashes. */
export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '');

export function recoveryHash(code: string): string {
  return createHmac('sha256', serverKey('FACTOR_KEY'))
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Replaces a person's recovery codes with ten new ones; returns them (shown once, never stored in clear). */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, hash: recoveryHash(c) })) });
  return codes;
}
