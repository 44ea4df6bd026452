'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { queueDeliveries } from '../jobs';
import { createLearningFocus, ZCreateFocus } from './focus';

export const createLearningFocusAction = defineAction(ZCreateFocus, async (input, ctx) => {
  const r = await createLearningFocus(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/insights/problems');
  return { id: r.id, announcementId: r.announcementId };
});
