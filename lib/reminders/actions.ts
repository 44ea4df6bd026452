'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { appendTrace } from '../audit-log';
import { db } from '../db';
import { assertCanSuperviseCompany } from './scope';
import { generateForPeriod, type GenerationResult } from './generate';
import { ZGenerate } from './schema';

/** On demand, for a chosen period: the same idempotent generation the hourly job runs. */
export const generateRemindersAction = defineAction(ZGenerate, async (input, ctx) => {
  await assertCanSuperviseCompany(ctx.user);
  const results: GenerationResult[] = [];
  for (const f of input.frequencies) results.push(await generateForPeriod(db, f, input.day));
  await db.$transaction((tx) => appendTrace(tx, ctx.actor, { action: 'reminders.generate', entityType: 'ReminderTask', after: { day: input.day, results } }));
  revalidatePath('/reminders');
  return { inserted: results.reduce((s, r) => s + r.inserted, 0), periods: results.map((r) => r.periodKey) };
});
