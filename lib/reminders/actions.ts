'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { generateForPeriod, type GenerationResult } from './mutations/generate';
import { msg } from '../i18n/message';
import { completeTask, MAX_EVIDENCE_BYTES } from './mutations/complete';
import { ZCompleteTask, ZGenerate, ZRateTask, ZReturnTask, ZSendNotice } from './schema';
import { rateTask, returnTask } from './mutations/review';
import { sendNotice } from './mutations/notice';
import { queueDeliveries } from '../channels/queue';
import { assertCanCompanyWide } from '../policy';

/** On demand, for a chosen period: the same idempotent generation the hourly job runs. */
export const generateRemindersAction = defineAction(ZGenerate, async (input, ctx) => {
  await assertCanCompanyWide(db, ctx.user, 'reminder.supervise');
  const results: GenerationResult[] = [];
  // Each period commits with its own trace event: a failure later leaves the earlier periods whole.
  for (const f of input.frequencies) results.push(await generateForPeriod(db, f, input.day, ctx.actor));
  revalidatePath('/reminders');
  return { inserted: results.reduce((s, r) => s + r.inserted, 0), periods: results.map((r) => r.periodKey) };
});

const ZCompleteUpload = z
  .instanceof(FormData, { message: msg('validation.invalid') })
  .transform((fd, ctx) => {
    const fields = ZCompleteTask.safeParse({
      taskId: fd.get('taskId'),
      activityDate: fd.get('activityDate'),
      note: fd.get('note') ?? '',
    });
    if (!fields.success) {
      for (const i of fields.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
      return z.NEVER;
    }
    const files = fd.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    const big = files.find((f) => f.size > MAX_EVIDENCE_BYTES);
    if (big) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: msg('reminders.errors.fileTooLarge', { name: big.name, mb: 20 }),
      });
      return z.NEVER;
    }
    return { ...fields.data, files };
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
