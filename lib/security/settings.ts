/**
 * The security settings a 安全管理员 keeps (lib/policy 'security.manage'): concurrent sessions, the password
 * policy and who must have a second factor. One form, one transaction, one trace event with before and after.
 */
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import { FACTOR_SETTING, factorSetting, ZFactorSetting } from '../auth/factors';
import {
  forgetPasswordSetting,
  PASSWORD_SETTING,
  passwordSetting,
  ZPasswordSetting,
} from '../auth/password-policy';
import { SESSION_SETTING, sessionLimit, ZSessionSetting } from '../auth/sessions';
import type { Db } from '../db/client';
import { RETENTION_SETTING, retentionDays, ZRetentionSetting } from '../trace/retention';
import { UserError } from '../errors';
import { msg } from '../i18n/message';
import { ADMIN_ROLES, assertCan, ROLES, type Subject } from '../policy';
import { isDemoDatabase } from '../demo';

export const ZSecuritySettings = z
  .object({
    sessions: ZSessionSetting,
    passwords: ZPasswordSetting,
    retention: ZRetentionSetting,
    factors: ZFactorSetting.extend({
      requiredRoles: z.array(z.enum(ROLES, msg('users.errors.badRole'))).max(ROLES.length),
    }),
  })
  .strict();
export type SecuritySettings = z.output<typeof ZSecuritySettings>;

export async function readSecuritySettings(client: Db, user: Subject): Promise<SecuritySettings> {
  assertCan(user, 'security.manage', 'global');
  forgetPasswordSetting();
  const [limit, passwords, factors, days] = await Promise.all([
    sessionLimit(client),
    passwordSetting(client),
    factorSetting(client),
    retentionDays(client),
  ]);
  return { sessions: { limit }, passwords, factors, retention: { days } };
}

export async function saveSecuritySettings(client: Db, ctx: ActionContext, input: SecuritySettings) {
  assertCan(ctx.user, 'security.manage', 'global');
  if (input.passwords.expiryDays > 0 && input.passwords.warnDays >= input.passwords.expiryDays)
    throw new UserError('securitySettings.errors.warnAfterExpiry', {}, 'passwords.warnDays');
  // The demo's exemption exists only on a demo database; administrators always need a second factor.
  if (input.factors.demoExempt && !(await isDemoDatabase(client)))
    throw new UserError('securitySettings.errors.demoOnly', {}, 'factors.demoExempt');
  input = {
    ...input,
    factors: {
      ...input.factors,
      requiredRoles: [...new Set([...ADMIN_ROLES, ...input.factors.requiredRoles])],
    },
  };
  const before = await readSecuritySettings(client, ctx.user);
  await client.$transaction(async (tx) => {
    const put = (key: string, value: object) =>
      tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await put(SESSION_SETTING, input.sessions);
    await put(PASSWORD_SETTING, input.passwords);
    await put(FACTOR_SETTING, input.factors);
    await put(RETENTION_SETTING, input.retention);
    await trace(tx, ctx.actor, 'security.settings', 'Setting', 'security', {
      before,
      after: input,
    });
  });
  forgetPasswordSetting();
  return { saved: true };
}
