'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { uploadSchema } from '../files/form-data';
import { assertCanCompanyWide } from '../policy';
import { completeTask, MAX_EVIDENCE_BYTES } from './mutations/complete';
import { generateForPeriod, type GenerationResult } from './mutations/generate';
import { sendNotice } from './mutations/notice';
import { rateTask, returnTask } from './mutations/review';
import { ZCompleteTask, ZGenerate, ZRateTask, ZReturnTask, ZSendNotice } from './schema';

/** On demand, for a chosen period: the same idempotent generation the hourly job runs. */
export const generateRemindersAction = defineAction(ZGenerate, async (input, ctx) => {
  await assertCanCompanyWide(db, ctx.user, 'reminder.supervise');
  const results: GenerationResult[] = [];
  // Each period commits with its own trace event: a failure later leaves the earlier periods whole.
  for (const f of input.frequencies) results.push(await generateForPeriod(db, f, input.day, ctx.actor));
  revalidatePath('/reminders');
  return { inserted: results.reduce((s, r) => s + r.inserted, 0), periods: results.map((r) => r.periodKey) };
});

const ZCompleteUpload = uploadSchema(ZCompleteTask, {
  files: { maxBytes: MAX_EVIDENCE_BYTES, tooLarge: 'reminders.errors.fileTooLarge' },
});

/** Mark a task done with the day it happened, a note and evidence files. */
export const completeTaskAction = defineAction(ZCompleteUpload, async ({ files, ...input }, ctx) => {
  const uploads = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const r = await completeTask(db, ctx, input, uploads);
  revalidatePath('/reminders');
  return r;
});

export const rateTaskAction = defineAction(ZRateTask, async (input, ctx) => {
  const r = await rateTask(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/reminders/supervision');
  return { id: r.id };
});

export const returnTaskAction = defineAction(ZReturnTask, async (input, ctx) => {
  const r = await returnTask(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/reminders/supervision');
  return { id: r.id };
});

/** 督办: a recorded notice to a unit about the named open items. */
export const sendNoticeAction = defineAction(ZSendNotice, async (input, ctx) => {
  const r = await sendNotice(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/reminders/supervision');
  return { id: r.id };
});
