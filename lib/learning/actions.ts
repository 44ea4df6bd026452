'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { readFiles, uploadSchema } from '../files/form-data';
import { createLearningFocus } from './mutations/focus';
import { nameDemoSite, recordVisit } from './mutations/sites';
import { ZCreateFocus, ZDemoSite, ZSiteVisit } from './schema';

export const createLearningFocusAction = defineAction(ZCreateFocus, async (input, ctx) => {
  const r = await createLearningFocus(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/insights/problems');
  return { id: r.id, announcementId: r.announcementId };
});

export const nameDemoSiteAction = defineMutation(ZDemoSite, nameDemoSite, () =>
  revalidatePath('/learning/sites'),
);

const ZVisitUpload = uploadSchema(ZSiteVisit, {
  lists: ['visitingOrgIds'],
  files: { maxBytes: 20 * 1024 * 1024, tooLarge: 'announcements.errors.fileTooLarge' },
});

export const recordVisitAction = defineAction(ZVisitUpload, async ({ files, ...input }, ctx) => {
  const r = await recordVisit(db, ctx, input, await readFiles(files));
  revalidatePath('/learning/sites');
  return r;
});
