'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { uploadSchema } from '../files/form-data';
import { createTraining, MAX_MATERIAL_BYTES, recordAttendance, signIn } from './mutations';
import { ZCreateTraining, ZRecordAttendance, ZSignIn } from './schema';

const ZCreateUpload = uploadSchema(ZCreateTraining, {
  lists: ['articleIds', 'invitedOrgIds', 'invitedUserIds'],
  files: { maxBytes: MAX_MATERIAL_BYTES, tooLarge: 'training.errors.fileTooLarge' },
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
