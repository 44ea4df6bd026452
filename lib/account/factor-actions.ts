'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineMutation } from '../action';
import { db } from '../db';
import { publicOrigin } from '../public-url';
import {
  confirmTotp,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
  removeTotp,
  renewRecoveryCodes,
  resetFactors,
  startTotp,
  verifyCode,
  verifyPasskey,
  ZCode,
  ZPasskeyResponse,
  ZRemovePasskey,
  ZResetFactors,
  ZVerify,
} from './factors';
import { unlinkIdentity, ZUnlinkIdentity } from './identities';
import { clearHold, ZClearHold } from '../auth/company/holds';

const ZNone = z.object({}).strict();
const site = async () => ({ origin: await publicOrigin() });
const enrol = { allowFactor: 'enrol' } as const;
const verify = { allowFactor: 'verify' } as const;
const refresh = () => revalidatePath('/account/security');
const andRefresh =
  <I, T>(run: (input: I, ctx: Parameters<typeof removeTotp>[1]) => Promise<T>) =>
  async (input: I, ctx: Parameters<typeof removeTotp>[1]) => {
    const r = await run(input, ctx);
    refresh();
    return r;
  };

// Setting up (at the enrolment step after sign-in, or later on the security page).
export const startTotpAction = defineAction(ZNone, (_i, ctx) => startTotp(db, ctx), enrol);
export const confirmTotpAction = defineAction(
  ZCode,
  // No revalidation: at the sign-in's enrolment step it would re-render the page (now owing nothing) away from the
  // recovery codes before they are read; the client refreshes once they are.
  (input, ctx) => confirmTotp(db, ctx, input),
  enrol,
);
export const passkeyRegistrationOptionsAction = defineAction(
  ZNone,
  async (_i, ctx) => passkeyRegistrationOptions(db, ctx, await site()),
  enrol,
);
export const registerPasskeyAction = defineAction(
  ZPasskeyResponse,
  andRefresh(async (input: z.output<typeof ZPasskeyResponse>, ctx) =>
    registerPasskey(db, ctx, await site(), input),
  ),
  enrol,
);

// Showing one after the password.
export const verifyCodeAction = defineAction(ZVerify, (input, ctx) => verifyCode(db, ctx, input), verify);
export const passkeyAuthenticationOptionsAction = defineAction(
  ZNone,
  async (_i, ctx) => passkeyAuthenticationOptions(db, ctx, await site()),
  verify,
);
export const verifyPasskeyAction = defineAction(
  ZPasskeyResponse,
  async (input, ctx) => verifyPasskey(db, ctx, await site(), input),
  verify,
);

// Managing them once signed in.
export const removeTotpAction = defineAction(
  ZNone,
  andRefresh((_i, ctx) => removeTotp(db, ctx)),
);
export const removePasskeyAction = defineAction(
  ZRemovePasskey,
  andRefresh((input: z.output<typeof ZRemovePasskey>, ctx) => removePasskey(db, ctx, input)),
);
export const renewRecoveryCodesAction = defineAction(
  ZNone,
  andRefresh((_i, ctx) => renewRecoveryCodes(db, ctx)),
);

// A security administrator's reset of another person's factors.
export const resetFactorsAction = defineMutation(ZResetFactors, resetFactors, (input) =>
  revalidatePath(`/admin/users/${input.userId}`),
);

// The 安全管理员's review of a person's company identities: unlink one, or clear a hold on a first link.
export const adminUnlinkIdentityAction = defineMutation(ZUnlinkIdentity, unlinkIdentity, (_input, out) =>
  revalidatePath(`/admin/users/${out.userId}`),
);
export const clearHoldAction = defineMutation(ZClearHold, clearHold, () => revalidatePath('/admin/users'));
