'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { queueDeliveries } from '../channels/queue';
import { chaseMissingSheets } from './mutations/chase';
import { openSheet } from './mutations/open';
import { saveSheet } from './mutations/save';
import { ZChaseSheets, ZOpenSheet, ZReopenSheet, ZSaveSheet, ZSubmitSheet } from './schema';
import { reopenSheet, submitSheet } from './mutations/submit';

export const openSheetAction = defineAction(ZOpenSheet, async (input, ctx) => {
  const r = await openSheet(db, ctx, input);
  revalidatePath('/self-checks');
  return { id: r.id };
});

export const saveSheetAction = defineAction(ZSaveSheet, async (input, ctx) => {
  const r = await saveSheet(db, ctx, input);
  revalidatePath(`/self-checks/${r.id}`);
  return r;
});

export const submitSheetAction = defineAction(ZSubmitSheet, async (input, ctx) => {
  const r = await submitSheet(db, ctx, input);
  revalidatePath('/self-checks', 'layout');
  return r;
});

export const reopenSheetAction = defineAction(ZReopenSheet, async (input, ctx) => {
  const r = await reopenSheet(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/self-checks', 'layout');
  return { id: r.id };
});

export const chaseSheetsAction = defineAction(ZChaseSheets, async (input, ctx) => {
  const r = await chaseMissingSheets(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  return { units: r.units, people: r.people };
});
