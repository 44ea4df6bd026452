/**
 * The password policy beyond length and character classes (lib/auth/rules.ts), with 等保 defaults a company may
 * tune in the Setting `security.passwords`: a password expires after `expiryDays` (90; 0 = never), with a warning
 * `warnDays` (14) before; the last `history` (5) passwords may not be used again; a password on the common and
 * breached list (zxcvbn-ts's offline list of about 49,000, compared without case) or containing the username is
 * refused. Server only: the list stays out of the browser.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import type { Db, Tx } from '../db/client';
import { verifyPassword } from './password';

export const PASSWORD_SETTING = 'security.passwords';
export const ZPasswordSetting = z
  .object({
    expiryDays: z.coerce.number().int().min(0).max(3650),
    warnDays: z.coerce.number().int().min(0).max(90),
    history: z.coerce.number().int().min(0).max(24),
  })
  .strict();
export type PasswordSetting = z.output<typeof ZPasswordSetting>;
export const DEFAULT_PASSWORD_SETTING: PasswordSetting = { expiryDays: 90, warnDays: 14, history: 5 };

let cached: { value: PasswordSetting; at: number } | null = null;

/** The policy in force; read at most once a minute per app instance. */
export async function passwordSetting(client: Db | Tx, now = Date.now()): Promise<PasswordSetting> {
  if (cached && now - cached.at < 60_000) return cached.value;
  const row = await client.setting.findUnique({ where: { key: PASSWORD_SETTING } });
  const parsed = ZPasswordSetting.safeParse(row?.value);
  cached = { value: parsed.success ? parsed.data : DEFAULT_PASSWORD_SETTING, at: now };
  return cached.value;
}
/** Forgets the cached policy (after a change, and in tests). */
export const forgetPasswordSetting = () => {
  cached = null;
};

let common: Set<string> | null = null;
/** On the common / breached list, or built on the username. */
export function commonPassword(password: string, username?: string): boolean {
  common ??= new Set((dictionary as Record<string, string[]>)['passwords-common']);
  const p = password.toLowerCase();
  if (common.has(p)) return true;
  const name = username?.trim().toLowerCase();
  return !!name && name.length >= 3 && p.includes(name);
}

/** Days until the password expires (negative: expired), or null when passwords do not expire. */
export function daysToExpiry(changedAt: Date, s: PasswordSetting, now = new Date()): number | null {
  if (s.expiryDays === 0) return null;
  return Math.floor((changedAt.getTime() + s.expiryDays * 86_400_000 - now.getTime()) / 86_400_000);
}

/**
 * Why `password` may not become this person's new one (a message key), or null: common or built on the name, the
 * current password, or one of the last `history`.
 */
export async function newPasswordProblem(
  client: Db | Tx,
  user: { id: string; username: string; passwordHash: string },
  password: string,
): Promise<string | null> {
  if (commonPassword(password, user.username)) return 'auth.password.common';
  const s = await passwordSetting(client);
  if (await verifyPassword(user.passwordHash, password)) return 'auth.password.sameAsOld';
  if (s.history > 1) {
    const old = await client.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: s.history - 1,
      select: { hash: true },
    });
    for (const o of old) if (await verifyPassword(o.hash, password)) return 'auth.password.reused';
  }
  return null;
}

/** Keeps the hash being replaced, so it counts in the history. */
export async function rememberPassword(tx: Tx, userId: string, hash: string): Promise<void> {
  await tx.passwordHistory.create({ data: { userId, hash } });
}
