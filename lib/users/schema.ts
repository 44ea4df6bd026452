import { z } from 'zod';
import { passwordProblem } from '../auth/rules';
import { msg } from '../i18n/message';
import { ROLES } from '../policy';
import { id, optionalId, requiredText } from '../validation';

export const password = z
  .string(msg('validation.required'))
  .min(1, msg('validation.required'))
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const username = z
  .string(msg('validation.required'))
  .trim()
  .min(3, msg('users.errors.usernameFormat'))
  .max(32, msg('users.errors.usernameFormat'))
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, msg('users.errors.usernameFormat'));

const optionalEmail = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .email(msg('validation.invalidEmail'))
    .max(128, msg('validation.tooLong', { max: 128 }))
    .optional(),
);
const optionalPhone = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, msg('validation.invalidPhone'))
    .optional(),
);

export const ZCreateUser = z.object({
  username,
  name: requiredText(64),
  phone: optionalPhone,
  email: optionalEmail,
  orgId: optionalId,
  password,
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  id,
  name: requiredText(64),
  phone: optionalPhone,
  email: optionalEmail,
  orgId: optionalId,
});
export type TUpdateUser = z.input<typeof ZUpdateUser>;

export const ZSetActive = z.object({ id, active: z.boolean() });
export const ZResetPassword = z.object({ id, password });
export type TResetPassword = z.input<typeof ZResetPassword>;

export const ZAssignRole = z.object({
  userId: id,
  role: z.enum(ROLES, msg('users.errors.badRole')),
  orgId: id,
});
export type TAssignRole = z.input<typeof ZAssignRole>;
export const ZRemoveRole = z.object({ id });

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, msg('validation.required')).max(256),
    newPassword: password,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: msg('auth.password.mismatch') })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: msg('auth.password.sameAsOld'),
  });
export type TChangePassword = z.input<typeof ZChangePassword>;
