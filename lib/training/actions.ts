'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { msg } from '../i18n/message';
import { ZCreateTraining, ZRecordAttendance, ZSignIn } from './schema';
import { createTraining, MAX_MATERIAL_BYTES, recordAttendance, signIn } from './mutations';

const ZCreateUpload = z.instanceof(FormData, { message: msg('validation.invalid') }).transform((fd, ctx) => {
  const str = (k: string) => String(fd.get(k) ?? '');
  const fields = ZCreateTraining.safeParse({
    title: str('title'),
    startsAt: str('startsAt'),
    endsAt: str('endsAt'),
    place: str('place'),
    onlineUrl: str('onlineUrl'),
    lecturer: str('lecturer'),
    articleIds: fd.getAll('articleIds').filter(Boolean),
    invitedOrgIds: fd.getAll('invitedOrgIds').filter(Boolean),
    invitedUserIds: fd.getAll('invitedUserIds').filter(Boolean),
  });
  if (!fields.success) {
    for (const i of fields.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    return z.NEVER;
  }
  const files = fd.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  const big = files.find((f) => f.size > MAX_MATERIAL_BYTES);
  if (big) {
    ctx.addIssue({
      code: 'custom',
      path: ['files'],
      message: msg('training.errors.fileTooLarge', { name: big.name, mb: 20 }),
    });
    return z.NEVER;
  }
  return { ...fields.data, files };
});

export const createTrainingAction = defineAction(ZCreateUpload, async ({ files, ...input }, ctx) => {
  const uploads = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const r = await createTraining(db, ctx, input, uploads);
  revalidatePath('/learning/training');
  return r;
});

export const signInAction = defineAction(ZSignIn, async (input, ctx) => {
  const r = await signIn(db, ctx, input);
  revalidatePath(`/learning/training/${input.sessionId}`);
  return r;
});

export const recordAttendanceAction = defineAction(ZRecordAttendance, async (input, ctx) => {
  const r = await recordAttendance(db, ctx, input);
  revalidatePath(`/learning/training/${input.sessionId}`);
  return r;
});
