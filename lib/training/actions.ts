'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { readFiles, uploadSchema } from '../files/form-data';
import { createTraining, MAX_MATERIAL_BYTES, recordAttendance, signIn } from './mutations';
import { ZCreateTraining, ZRecordAttendance, ZSignIn } from './schema';

const ZCreateUpload = uploadSchema(ZCreateTraining, {
  lists: ['articleIds', 'invitedOrgIds', 'invitedUserIds'],
  files: { maxBytes: MAX_MATERIAL_BYTES, tooLarge: 'training.errors.fileTooLarge' },
});

export const createTrainingAction = defineAction(ZCreateUpload, async ({ files, ...input }, ctx) => {
  const r = await createTraining(db, ctx, input, await readFiles(files));
  queueDeliveries(r.deliveryIds);
  revalidatePath('/learning/training');
  return { id: r.id };
});

const sessionChanged = (i: { sessionId: string }) => revalidatePath(`/learning/training/${i.sessionId}`);

export const signInAction = defineMutation(ZSignIn, signIn, sessionChanged);
export const recordAttendanceAction = defineMutation(ZRecordAttendance, recordAttendance, sessionChanged);
