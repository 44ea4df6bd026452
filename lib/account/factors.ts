/**
 * A person's second factors (lib/auth/factors.ts): setting up the authenticator app and passkeys, recovery codes,
 * showing a factor after the password, removing one; and a security administrator's reset of another person's
 * factors. Every change is traced; a wrong code counts like a wrong password (five lock the account).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/types';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import {
  factorRequired,
  factorSetting,
  ISSUER,
  issueRecoveryCodes,
  newTotpSecret,
  recoveryHash,
  sameHash,
  seal,
  totpStep,
  totpUri,
  unseal,
  type FactorOwed,
} from '../auth/factors';
import { countWrongSecret } from '../auth/login';
import { isLocked } from '../auth/rules';
import { endSessions, enforceSessionLimit } from '../auth/sessions';
import type { Db, Tx } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { msg } from '../i18n/message';
import { assertCan, type Subject } from '../policy';

export type FactorUser = Subject & {
  sessionId: string;
  factorOwed: FactorOwed;
  username: string;
  name: string;
};
type Ctx = ActionContext<FactorUser>;
/** Where the portal is served: WebAuthn binds a passkey to its host name (the RP ID) and checks the origin. */
export type Site = { origin: string };
const rpIdOf = (site: Site) => new URL(site.origin).hostname;

export const ZCode = z.object({
  code: z
    .string(msg('validation.required'))
    .trim()
    .min(1, msg('validation.required'))
    .max(32, msg('factors.errors.wrongCode')),
});
export const ZVerify = ZCode.extend({ method: z.enum(['totp', 'recovery']) });
export const ZPasskeyName = z.object({
  name: z
    .string()
    .trim()
    .max(64, msg('validation.tooLong', { max: 64 }))
    .optional(),
});
export const ZPasskeyResponse = z.object({
  // The browser's JSON as SimpleWebAuthn reads it; its fields are checked there, cryptographically.
  response: z
    .object({
      id: z.string().min(1).max(1400),
      rawId: z.string().max(1400),
      type: z.literal('public-key'),
      response: z
        .object({ transports: z.array(z.string().max(16)).max(8).optional() })
        .passthrough()
        .optional(),
    })
    .passthrough(),
  name: z.string().trim().max(64).optional(),
});
export const ZRemovePasskey = z.object({ id: z.uuid(msg('validation.invalidId')) });
export const ZResetFactors = z.object({ userId: z.uuid(msg('validation.invalidId')) });

/** What a person has set up, for their security page. */
export async function ownFactors(client: Db, user: Subject) {
  const [totp, passkeys, codes] = await Promise.all([
    client.totpFactor.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } }),
    client.passkey.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, userId: true, name: true, createdAt: true, lastUsedAt: true },
    }),
    client.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return {
    totp: totp?.confirmedAt ?? null,
    passkeys: passkeys.filter((p) => p.userId === user.id),
    recoveryLeft: codes,
  };
}

const hasFactor = async (tx: Tx | Db, userId: string, except: { totp?: boolean; passkey?: string } = {}) => {
  const totp = except.totp
    ? null
    : await tx.totpFactor.findFirst({
        where: { userId, confirmedAt: { not: null } },
        select: { userId: true },
      });
  const passkeys = await tx.passkey.count({
    where: { userId, ...(except.passkey ? { id: { not: except.passkey } } : {}) },
  });
  return !!totp || passkeys > 0;
};

/**
 * A factor just set up: the session that owed one is through (and now counts toward the session limit); the
 * person's other sessions still waiting to enrol must show the new factor instead. Codes are issued if the person
 * has none left.
 */
async function afterEnrol(tx: Tx, ctx: Ctx): Promise<string[] | null> {
  if (ctx.user.factorOwed === 'enrol') {
    await tx.userSession.updateMany({
      where: { id: ctx.user.sessionId, userId: ctx.user.id },
      data: { factorOwed: null },
    });
    await enforceSessionLimit(tx, ctx.user.id, ctx.user.sessionId);
  }
  await tx.userSession.updateMany({
    where: { userId: ctx.user.id, factorOwed: 'enrol', endedAt: null, id: { not: ctx.user.sessionId } },
    data: { factorOwed: 'verify' },
  });
  const left = await tx.recoveryCode.count({ where: { userId: ctx.user.id, usedAt: null } });
  return left ? null : issueRecoveryCodes(tx, ctx.user.id);
}

async function orgPathOf(tx: Tx | Db, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { org: { select: { path: true } } } });
  return u?.org?.path ?? null;
}

/**
 * A session that owes a factor shown may set nothing up; one that owes an enrolment may, until the person has a
 * factor (set up from another session meanwhile); a verified session manages its own.
 */
async function assertMayEnrol(client: Db | Tx, ctx: Ctx) {
  if (ctx.user.factorOwed === 'verify') throw new UserError('factors.errors.verifyFirst');
  if (ctx.user.factorOwed === 'enrol' && (await hasFactor(client, ctx.user.id)))
    throw new UserError('factors.errors.verifyFirst');
}

// ─── the authenticator app ──────────────────────────────────────────────────────────────────────

/** Starts (or restarts) setting up the app: a new secret, shown as a QR code and as text. */
export async function startTotp(client: Db, ctx: Ctx) {
  await assertMayEnrol(client, ctx);
  const secret = newTotpSecret();
  await client.$transaction(async (tx) => {
    const existing = await tx.totpFactor.findUnique({ where: { userId: ctx.user.id } });
    if (existing?.confirmedAt) throw new UserError('factors.errors.totpExists');
    await tx.totpFactor.upsert({
      where: { userId: ctx.user.id },
      create: { userId: ctx.user.id, secret: seal(secret) },
      update: { secret: seal(secret), createdAt: new Date(), lastStep: null },
    });
    await trace(tx, ctx.actor, 'factor.totp.start', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
    });
  });
  const uri = totpUri(secret, ctx.user.username);
  return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** The first code from the app proves the set-up. Returns the recovery codes when new ones were issued. */
export async function confirmTotp(client: Db, ctx: Ctx, input: z.output<typeof ZCode>) {
  await assertMayEnrol(client, ctx);
  return client.$transaction(async (tx) => {
    const f = await tx.totpFactor.findUnique({ where: { userId: ctx.user.id } });
    if (!f) throw new UserError('factors.errors.notStarted');
    if (f.confirmedAt) throw new UserError('factors.errors.totpExists');
    const step = totpStep(unseal(f.secret), input.code);
    if (step === null) throw new UserError('factors.errors.wrongCode', {}, 'code');
    await tx.totpFactor.update({
      where: { userId: ctx.user.id },
      data: { confirmedAt: new Date(), lastStep: BigInt(step) },
    });
    const codes = await afterEnrol(tx, ctx);
    await trace(tx, ctx.actor, 'factor.totp.enrol', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
      after: { recoveryCodesIssued: !!codes },
    });
    return { recoveryCodes: codes };
  });
}

/** Removes the app; refused when it is the last factor of someone who must have one. */
export async function removeTotp(client: Db, ctx: Ctx) {
  await assertMayEnrol(client, ctx);
  return client.$transaction(async (tx) => {
    const f = await tx.totpFactor.findUnique({ where: { userId: ctx.user.id }, select: { userId: true } });
    if (!f) throw new NotFoundError();
    await assertNotLast(tx, ctx, { totp: true });
    await tx.totpFactor.delete({ where: { userId: ctx.user.id } });
    if (!(await hasFactor(tx, ctx.user.id)))
      await tx.recoveryCode.deleteMany({ where: { userId: ctx.user.id } });
    await trace(tx, ctx.actor, 'factor.totp.remove', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
    });
    return { removed: true };
  });
}

async function assertNotLast(tx: Tx, ctx: Ctx, except: { totp?: boolean; passkey?: string }) {
  if (await hasFactor(tx, ctx.user.id, except)) return;
  const roles = await tx.roleAssignment.findMany({ where: { userId: ctx.user.id }, select: { role: true } });
  if (
    factorRequired(await factorSetting(tx), { username: ctx.user.username, roles: roles.map((r) => r.role) })
  )
    throw new UserError('factors.errors.lastRequired');
}

/** Ten new recovery codes (the old ones stop working); only with a factor set up. */
export async function renewRecoveryCodes(client: Db, ctx: Ctx) {
  await assertMayEnrol(client, ctx);
  return client.$transaction(async (tx) => {
    if (!(await hasFactor(tx, ctx.user.id))) throw new UserError('factors.errors.noFactor');
    const codes = await issueRecoveryCodes(tx, ctx.user.id);
    await trace(tx, ctx.actor, 'factor.recovery.renew', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
    });
    return { recoveryCodes: codes };
  });
}

// ─── showing a factor after the password ───────────────────────────────────────────────────────────

/**
 * Judges a shown factor on the person's locked row, as a sign-in is judged: locked accounts are refused, a wrong
 * code counts as a failure (and the fifth locks), a right one clears the count and lets the session through.
 */
async function judge(
  client: Db,
  ctx: Ctx,
  method: 'totp' | 'recovery' | 'passkey',
  check: (tx: Tx) => Promise<boolean>,
) {
  if (ctx.user.factorOwed !== 'verify') throw new UserError('factors.errors.nothingOwed');
  const now = new Date();
  const outcome = await client.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ failedLogins: number; lockedUntil: Date | null; username: string }[]>`
      SELECT "failedLogins", "lockedUntil", username FROM "User" WHERE id = ${ctx.user.id}::uuid FOR NO KEY UPDATE`;
    if (!row) throw new NotFoundError();
    if (isLocked(row, now)) return 'locked' as const;
    if (await check(tx)) {
      await tx.user.update({ where: { id: ctx.user.id }, data: { failedLogins: 0, lockedUntil: null } });
      await tx.userSession.updateMany({
        where: { id: ctx.user.sessionId, userId: ctx.user.id },
        data: { factorOwed: null, challenge: null },
      });
      await enforceSessionLimit(tx, ctx.user.id, ctx.user.sessionId);
      await trace(tx, ctx.actor, 'auth.secondFactor', 'User', ctx.user.id, {
        orgPath: await orgPathOf(tx, ctx.user.id),
        after: { method, session: ctx.user.sessionId },
      });
      return 'ok' as const;
    }
    const next = await countWrongSecret(
      tx,
      { id: ctx.user.id, username: row.username, orgPath: await orgPathOf(tx, ctx.user.id), state: row },
      ctx.actor,
      { kind: 'factor.failed', by: 'second-factor', detail: { method } },
      now,
    );
    if (next.lockedNow) {
      // Locked out: this half-open session ends (the person's other, verified sessions stay).
      await tx.userSession.updateMany({
        where: { id: ctx.user.sessionId, endedAt: null },
        data: { endedAt: now, endReason: 'factor-lockout' },
      });
      return 'locked' as const;
    }
    return 'wrong' as const;
  });
  if (outcome === 'locked') throw new UserError('factors.errors.locked');
  if (outcome === 'wrong')
    throw new UserError(
      method === 'passkey' ? 'factors.errors.passkeyFailed' : 'factors.errors.wrongCode',
      {},
      'code',
    );
  return { verified: true };
}

/** The app's code or a recovery code, after the password. */
export async function verifyCode(client: Db, ctx: Ctx, input: z.output<typeof ZVerify>) {
  return judge(client, ctx, input.method, async (tx) => {
    if (input.method === 'totp') {
      const f = await tx.totpFactor.findUnique({ where: { userId: ctx.user.id } });
      if (!f?.confirmedAt) return false;
      const step = totpStep(unseal(f.secret), input.code);
      // A code is good once: a step not after the last one used is a replay.
      if (step === null || (f.lastStep !== null && BigInt(step) <= f.lastStep)) return false;
      await tx.totpFactor.update({ where: { userId: ctx.user.id }, data: { lastStep: BigInt(step) } });
      return true;
    }
    const hash = recoveryHash(input.code);
    const unused = await tx.recoveryCode.findMany({
      where: { userId: ctx.user.id, usedAt: null },
      select: { id: true, hash: true },
    });
    const hit = unused.find((c) => sameHash(c.hash, hash));
    if (!hit) return false;
    const used = await tx.recoveryCode.updateMany({
      where: { id: hit.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    return used.count === 1;
  });
}

// ─── passkeys ─────────────────────────────────────────────────────────────────────────────────────

const CHALLENGE_MS = 5 * 60_000;

/** Keeps the options' challenge on the session (for the next step to take) and hands the options on. */
async function rememberChallenge<O extends { challenge: string }>(client: Db, ctx: Ctx, options: O) {
  await client.userSession.updateMany({
    where: { id: ctx.user.sessionId, userId: ctx.user.id, endedAt: null },
    data: { challenge: `${Date.now()}.${options.challenge}` },
  });
  return options;
}

/**
 * Takes the session's challenge: single use (cleared by a compare-and-set that commits on its own, so a failed
 * attempt cannot use it again) and good for five minutes.
 */
async function takeChallenge(client: Db, ctx: Ctx): Promise<string | null> {
  const s = await client.userSession.findUnique({
    where: { id: ctx.user.sessionId },
    select: { userId: true, challenge: true },
  });
  if (!s || s.userId !== ctx.user.id || !s.challenge) return null;
  const taken = await client.userSession.updateMany({
    where: { id: ctx.user.sessionId, challenge: s.challenge },
    data: { challenge: null },
  });
  if (taken.count !== 1) return null;
  const dot = s.challenge.indexOf('.');
  const issued = Number(s.challenge.slice(0, dot));
  if (!(Date.now() - issued < CHALLENGE_MS)) return null;
  return s.challenge.slice(dot + 1);
}

/** A person's passkeys as WebAuthn names them to the browser (to exclude at registration, to allow at sign-in). */
async function credentialsOf(client: Db, userId: string) {
  const keys = await client.passkey.findMany({
    where: { userId },
    select: { credentialId: true, transports: true },
  });
  return keys.map((p) => ({
    id: Buffer.from(p.credentialId, 'base64url'),
    type: 'public-key' as const,
    transports: p.transports as AuthenticatorTransport[],
  }));
}

type PasskeyInput = z.output<typeof ZPasskeyResponse>;

/** What a browser's passkey response must have been made for: this challenge, this site; presence is enough. */
function expected(site: Site, expectedChallenge: string) {
  return {
    expectedChallenge,
    expectedOrigin: site.origin,
    expectedRPID: rpIdOf(site),
    requireUserVerification: false,
  };
}

/** Options for the browser to create a passkey. */
export async function passkeyRegistrationOptions(client: Db, ctx: Ctx, site: Site) {
  await assertMayEnrol(client, ctx);
  const options = await generateRegistrationOptions({
    rpName: ISSUER,
    rpID: rpIdOf(site),
    userID: ctx.user.id,
    userName: ctx.user.username,
    userDisplayName: ctx.user.name,
    attestationType: 'none',
    excludeCredentials: await credentialsOf(client, ctx.user.id),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  return rememberChallenge(client, ctx, options);
}

/** Keeps the passkey the browser created, once its attestation checks out. */
export async function registerPasskey(client: Db, ctx: Ctx, site: Site, input: PasskeyInput) {
  await assertMayEnrol(client, ctx);
  const expectedChallenge = await takeChallenge(client, ctx);
  if (!expectedChallenge) throw new UserError('factors.errors.passkeyFailed');
  const transports = input.response.response?.transports ?? [];
  return client.$transaction(async (tx) => {
    let info;
    try {
      const v = await verifyRegistrationResponse({
        response: input.response as unknown as RegistrationResponseJSON,
        ...expected(site, expectedChallenge),
      });
      info = v.verified ? v.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (!info) throw new UserError('factors.errors.passkeyFailed');
    const credentialId = Buffer.from(info.credentialID).toString('base64url');
    if (credentialId.length > 512) throw new UserError('factors.errors.passkeyFailed');
    const count = await tx.passkey.count({ where: { userId: ctx.user.id } });
    const pk = await tx.passkey.create({
      data: {
        userId: ctx.user.id,
        credentialId,
        publicKey: Buffer.from(info.credentialPublicKey),
        counter: BigInt(info.counter),
        transports,
        name: input.name || msg('factors.passkeyDefault', { n: count + 1 }),
      },
      select: { id: true, name: true },
    });
    const codes = await afterEnrol(tx, ctx);
    await trace(tx, ctx.actor, 'factor.passkey.add', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
      after: { passkey: pk.id, name: pk.name, recoveryCodesIssued: !!codes },
    });
    return { id: pk.id, recoveryCodes: codes };
  });
}

/** Options for the browser to sign in with one of the person's passkeys. */
export async function passkeyAuthenticationOptions(client: Db, ctx: Ctx, site: Site) {
  if (ctx.user.factorOwed !== 'verify') throw new UserError('factors.errors.nothingOwed');
  const keys = await credentialsOf(client, ctx.user.id);
  if (!keys.length) throw new UserError('factors.errors.noPasskey');
  const options = await generateAuthenticationOptions({
    rpID: rpIdOf(site),
    allowCredentials: keys,
    userVerification: 'preferred',
  });
  return rememberChallenge(client, ctx, options);
}

/** A passkey's signature after the password. */
export async function verifyPasskey(client: Db, ctx: Ctx, site: Site, input: PasskeyInput) {
  const expectedChallenge = await takeChallenge(client, ctx);
  return judge(client, ctx, 'passkey', async (tx) => {
    if (!expectedChallenge) return false;
    const key = await tx.passkey.findUnique({ where: { credentialId: input.response.id } });
    if (!key || key.userId !== ctx.user.id) return false;
    try {
      const v = await verifyAuthenticationResponse({
        response: input.response as unknown as AuthenticationResponseJSON,
        ...expected(site, expectedChallenge),
        authenticator: {
          credentialID: Buffer.from(key.credentialId, 'base64url'),
          credentialPublicKey: new Uint8Array(key.publicKey),
          counter: Number(key.counter),
          transports: key.transports as AuthenticatorTransport[],
        },
      });
      if (!v.verified) return false;
      await tx.passkey.update({
        where: { id: key.id },
        data: { counter: BigInt(v.authenticationInfo.newCounter), lastUsedAt: new Date() },
      });
      return true;
    } catch {
      return false;
    }
  });
}

export async function removePasskey(client: Db, ctx: Ctx, input: z.output<typeof ZRemovePasskey>) {
  await assertMayEnrol(client, ctx);
  return client.$transaction(async (tx) => {
    const pk = await tx.passkey.findUnique({ where: { id: input.id }, select: { userId: true, name: true } });
    if (!pk || pk.userId !== ctx.user.id) throw new NotFoundError();
    await assertNotLast(tx, ctx, { passkey: input.id });
    await tx.passkey.delete({ where: { id: input.id } });
    if (!(await hasFactor(tx, ctx.user.id)))
      await tx.recoveryCode.deleteMany({ where: { userId: ctx.user.id } });
    await trace(tx, ctx.actor, 'factor.passkey.remove', 'User', ctx.user.id, {
      orgPath: await orgPathOf(tx, ctx.user.id),
      before: { passkey: input.id, name: pk.name },
    });
    return { removed: true };
  });
}

// ─── a security administrator's reset ──────────────────────────────────────────────────────────────

/**
 * Removes every factor of another person (a lost phone) and ends their sessions: at the next sign-in they set one
 * up again if it is required of them. Never one's own.
 */
export async function resetFactors(client: Db, ctx: ActionContext, input: z.output<typeof ZResetFactors>) {
  assertCan(ctx.user, 'factor.reset', 'global');
  if (input.userId === ctx.user.id) throw new UserError('factors.errors.notOwnReset');
  return client.$transaction(async (tx) => {
    const u = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, org: { select: { path: true } } },
    });
    if (!u) throw new NotFoundError();
    const [totp, passkeys, codes] = await Promise.all([
      tx.totpFactor.deleteMany({ where: { userId: u.id } }),
      tx.passkey.deleteMany({ where: { userId: u.id } }),
      tx.recoveryCode.deleteMany({ where: { userId: u.id } }),
    ]);
    const ended = await endSessions(tx, u.id, 'factors-reset');
    await trace(tx, ctx.actor, 'factor.reset', 'User', u.id, {
      orgPath: u.org?.path,
      before: { totp: totp.count, passkeys: passkeys.count, recoveryCodes: codes.count },
      after: { sessionsEnded: ended },
    });
    return { id: u.id };
  });
}
