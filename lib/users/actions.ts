'use server';
import { revalidatePath } from 'next/cache';
import { defineMutation, idOnly } from '../action';
import { assignRole, createUser, removeRole, resetPassword, setUserActive, updateUser } from './mutations';
import { ZAssignRole, ZCreateUser, ZRemoveRole, ZResetPassword, ZSetActive, ZUpdateUser } from './schema';

const listChanged = () => revalidatePath('/admin/users', 'layout');
const userChanged = (id: string) => revalidatePath(`/admin/users/${id}`);

export const createUserAction = defineMutation(
  ZCreateUser,
  createUser,
  () => revalidatePath('/admin/users'),
  idOnly,
);

export const updateUserAction = defineMutation(ZUpdateUser, updateUser, (_i, u) => userChanged(u.id), idOnly);

export const setUserActiveAction = defineMutation(ZSetActive, setUserActive, listChanged);

export const resetPasswordAction = defineMutation(ZResetPassword, resetPassword, (i) => userChanged(i.id));

export const assignRoleAction = defineMutation(ZAssignRole, assignRole, (i) => userChanged(i.userId), idOnly);

export const removeRoleAction = defineMutation(ZRemoveRole, removeRole, listChanged);
