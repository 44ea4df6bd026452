'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { uploadSchema } from '../files/form-data';
import { createLearningFocus } from './mutations/focus';
import { nameDemoSite, recordVisit } from './mutations/sites';
import { ZCreateFocus, ZDemoSite, ZSiteVisit } from './schema';

export const createLearningFocusAction = defineAction(ZCreateFocus, async (input, ctx) => {
  const r = await createLearningFocus(db, ctx, input);
  queueDeliveries(r.deliveryIds);
  revalidatePath('/insights/problems');
  return { id: r.id, announcementId: r.announcementId };
});

export const nameDemoSiteAction = defineAction(ZDemoSite, async (input, ctx) => {
  const r = await nameDemoSite(db, ctx, input);
  revalidatePath('/learning/sites');
  return r;
});

const ZVisitUpload = uploadSchema(ZSiteVisit, {
  lists: ['visitingOrgIds'],
  files: { maxBytes: 20 * 1024 * 1024, tooLarge: 'announcements.errors.fileTooLarge' },
});

export const recordVisitAction = defineAction(ZVisitUpload, async ({ files, ...input }, ctx) => {
  const photos = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const r = await recordVisit(db, ctx, input, photos);
  revalidatePath('/learning/sites');
  return r;
});
