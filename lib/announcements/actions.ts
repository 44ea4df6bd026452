'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { queueDeliveries } from '../channels/queue';
import { db } from '../db';
import { readFiles, uploadSchema } from '../files/form-data';
import { chaseUnread, markAnnouncementRead, MAX_ATTACHMENT_BYTES, publishAnnouncement } from './mutations';
import { ZAnnouncementId, ZPublishAnnouncement } from './schema';

const ZPublishUpload = uploadSchema(ZPublishAnnouncement, {
  lists: ['targetOrgIds'],
  files: { maxBytes: MAX_ATTACHMENT_BYTES, tooLarge: 'announcements.errors.fileTooLarge' },
});

export const publishAnnouncementAction = defineAction(ZPublishUpload, async ({ files, ...input }, ctx) => {
  const r = await publishAnnouncement(db, ctx, input, await readFiles(files));
  queueDeliveries(r.deliveryIds);
  revalidatePath('/announcements');
  return { id: r.id, recipients: r.recipients };
});

export const chaseUnreadAction = defineAction(ZAnnouncementId, async ({ id }, ctx) => {
  const r = await chaseUnread(db, ctx, id);
  queueDeliveries(r.deliveryIds);
  revalidatePath(`/announcements/${id}`);
  return { unread: r.unread, notified: r.notified };
});

export const readAnnouncementAction = defineAction(ZAnnouncementId, async ({ id }, ctx) => {
  await markAnnouncementRead(db, ctx.user, id, new Date(), ctx.actor);
  revalidatePath('/', 'layout');
  return { id };
});
