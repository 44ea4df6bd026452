'use server';
import { revalidatePath } from 'next/cache';
import { defineMutation } from '../action';
import { saveSecuritySettings, ZSecuritySettings } from './settings';

export const saveSecuritySettingsAction = defineMutation(ZSecuritySettings, saveSecuritySettings, () =>
  revalidatePath('/admin/security'),
);
