'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineMutation } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { readFiles, uploadSchema } from '../files/form-data';
import { acknowledgeSheet } from './mutations/acknowledge';
import { answerCoordination, closeCoordination } from './mutations/coordination';
import { issueFeedback } from './mutations/issue';
import { addEvidence, addNote, savePlan, submitItem, verifyItem } from './mutations/rectification';
import {
  ZAddNote,
  ZAnswerCoordination,
  ZCloseCoordination,
  ZIssueFeedback,
  ZItemId,
  ZSavePlan,
  ZSheetId,
  ZVerify,
} from './schema';

export const issueFeedbackAction = defineAction(ZIssueFeedback, async (input, ctx) => {
  const r = await issueFeedback(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/audits', 'layout');
  return { id: r.id, number: r.number };
});

export const acknowledgeSheetAction = defineMutation(
  ZSheetId,
  (client, ctx, i) => acknowledgeSheet(client, ctx, i.sheetId),
  (i) => revalidatePath(`/feedback/${i.sheetId}`),
);

const done = () => revalidatePath('/rectifications');
export const savePlanAction = defineMutation(
  ZSavePlan,
  (c, ctx, i) => savePlan(c, ctx, i.itemId, i.plan),
  done,
);
export const addNoteAction = defineMutation(ZAddNote, (c, ctx, i) => addNote(c, ctx, i.itemId, i.text), done);
export const submitItemAction = defineMutation(ZItemId, (c, ctx, i) => submitItem(c, ctx, i.itemId), done);
export const verifyItemAction = defineAction(ZVerify, async (i, ctx) => {
  const r = await verifyItem(db, ctx, i);
  queueDeliveries(r.deliveryIds);
  done();
  return { id: r.id };
});

const ZEvidence = uploadSchema(z.object({ itemId: z.uuid() }), {
  files: {
    maxBytes: 20 * 1024 * 1024,
    tooLarge: 'announcements.errors.fileTooLarge',
    required: 'feedback.errors.chooseFiles',
  },
});
export const addRectificationEvidenceAction = defineAction(ZEvidence, async ({ itemId, files }, ctx) => {
  const r = await addEvidence(db, ctx, itemId, await readFiles(files));
  done();
  return r;
});

export const answerCoordinationAction = defineMutation(
  ZAnswerCoordination,
  (c, ctx, i) => answerCoordination(c, ctx, i.taskId, i.answer),
  done,
);
export const closeCoordinationAction = defineMutation(
  ZCloseCoordination,
  (c, ctx, i) => closeCoordination(c, ctx, i.taskId),
  done,
);
