'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation, idOnly } from '../action';
import { db } from '../db';
import { queueDeliveries } from '../channels/queue';
import { chaseMissingSheets } from './mutations/chase';
import { openSheet } from './mutations/open';
import { saveSheet } from './mutations/save';
import { ZChaseSheets, ZOpenSheet, ZReopenSheet, ZSaveSheet, ZSubmitSheet } from './schema';
import { reopenSheet, submitSheet } from './mutations/submit';

export const openSheetAction = defineMutation(
  ZOpenSheet,
  openSheet,
  () => revalidatePath('/self-checks'),
  idOnly,
);

export const saveSheetAction = defineMutation(ZSaveSheet, saveSheet, (_i, r) =>
  revalidatePath(`/self-checks/${r.id}`),
);

export const submitSheetAction = defineMutation(ZSubmitSheet, submitSheet, () =>
  revalidatePath('/self-checks', 'layout'),
);

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
