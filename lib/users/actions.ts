'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { assignRole, createUser, removeRole, resetPassword, setUserActive, updateUser } from './mutations';
import { ZAssignRole, ZCreateUser, ZRemoveRole, ZResetPassword, ZSetActive, ZUpdateUser } from './schema';

export const createUserAction = defineAction(ZCreateUser, async (input, ctx) => {
  const u = await createUser(db, ctx, input);
  revalidatePath('/admin/users');
  return { id: u.id };
});

export const updateUserAction = defineAction(ZUpdateUser, async (input, ctx) => {
  const u = await updateUser(db, ctx, input);
  revalidatePath(`/admin/users/${u.id}`);
  return { id: u.id };
});

export const setUserActiveAction = defineAction(ZSetActive, async (input, ctx) => {
  const r = await setUserActive(db, ctx, input);
  revalidatePath('/admin/users', 'layout');
  return r;
});

export const resetPasswordAction = defineAction(ZResetPassword, async (input, ctx) => {
  const r = await resetPassword(db, ctx, input);
  revalidatePath(`/admin/users/${input.id}`);
  return r;
});

export const assignRoleAction = defineAction(ZAssignRole, async (input, ctx) => {
  const r = await assignRole(db, ctx, input);
  revalidatePath(`/admin/users/${input.userId}`);
  return { id: r.id };
});

export const removeRoleAction = defineAction(ZRemoveRole, async (input, ctx) => {
  const r = await removeRole(db, ctx, input);
  revalidatePath('/admin/users', 'layout');
  return r;
});
