'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { queueDeliveries } from '../channels/queue';
import { z } from 'zod';
import { msg } from '../i18n/message';
import { createLearningFocus } from './mutations/focus';
import { nameDemoSite, recordVisit } from './mutations/sites';
import { ZCreateFocus } from './schema';
import { ZDemoSite } from './schema';
import { ZSiteVisit } from './schema';

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

const ZVisitUpload = z.instanceof(FormData, { message: msg('validation.invalid') }).transform((fd, ctx) => {
  const fields = ZSiteVisit.safeParse({
    siteId: fd.get('siteId') ?? '',
    date: fd.get('date') ?? '',
    visitingOrgIds: fd.getAll('visitingOrgIds').filter(Boolean),
    notes: fd.get('notes') ?? '',
  });
  if (!fields.success) {
    for (const i of fields.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    return z.NEVER;
  }
  return {
    ...fields.data,
    files: fd.getAll('files').filter((f): f is File => f instanceof File && f.size > 0),
  };
});

export const recordVisitAction = defineAction(ZVisitUpload, async ({ files, ...input }, ctx) => {
  const photos = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const r = await recordVisit(db, ctx, input, photos);
  revalidatePath('/learning/sites');
  return r;
});
