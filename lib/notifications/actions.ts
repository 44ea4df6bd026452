'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineMutation } from '../action';
import { setNotifyPrefs, ZNotifyPrefs } from '../channels/preferences';
import { db } from '../db';
import { msg } from '../i18n/message';
import { markAllRead, markRead } from './mutations';

export const readNotificationAction = defineAction(
  z.object({ id: z.uuid(msg('validation.invalidId')) }),
  async ({ id }, ctx) => {
    const r = await markRead(db, ctx.user, id);
    revalidatePath('/', 'layout');
    return r;
  },
);

export const readAllNotificationsAction = defineAction(z.object({}).strict(), async (_input, ctx) => {
  const r = await markAllRead(db, ctx.user);
  revalidatePath('/', 'layout');
  return r;
});

/** 接收方式: one channel's kinds for the signed-in person (lib/channels/preferences.ts). */
export const setNotifyPrefsAction = defineMutation(ZNotifyPrefs, setNotifyPrefs, () =>
  revalidatePath('/notifications'),
);
