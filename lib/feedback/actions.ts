'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { uploadSchema } from '../files/form-data';
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

export const acknowledgeSheetAction = defineAction(ZSheetId, async ({ sheetId }, ctx) => {
  const r = await acknowledgeSheet(db, ctx, sheetId);
  revalidatePath(`/feedback/${sheetId}`);
  return r;
});

const done = () => revalidatePath('/rectifications');
export const savePlanAction = defineAction(ZSavePlan, async (i, ctx) => {
  const r = await savePlan(db, ctx, i.itemId, i.plan);
  done();
  return r;
});
export const addNoteAction = defineAction(ZAddNote, async (i, ctx) => {
  const r = await addNote(db, ctx, i.itemId, i.text);
  done();
  return r;
});
export const submitItemAction = defineAction(ZItemId, async (i, ctx) => {
  const r = await submitItem(db, ctx, i.itemId);
  done();
  return r;
});
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
  const r = await addEvidence(
    db,
    ctx,
    itemId,
    await Promise.all(files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) }))),
  );
  done();
  return r;
});

export const answerCoordinationAction = defineAction(ZAnswerCoordination, async (i, ctx) => {
  const r = await answerCoordination(db, ctx, i.taskId, i.answer);
  revalidatePath('/rectifications');
  return r;
});
export const closeCoordinationAction = defineAction(ZCloseCoordination, async (i, ctx) => {
  const r = await closeCoordination(db, ctx, i.taskId);
  revalidatePath('/rectifications');
  return r;
});
