'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { msg } from '../i18n/message';
import { queueDeliveries } from '../channels/queue';
import { chaseUnread, markAnnouncementRead, MAX_ATTACHMENT_BYTES, publishAnnouncement } from './mutations';
import { ZAnnouncementId, ZPublishAnnouncement } from './schema';

const ZPublishUpload = z.instanceof(FormData, { message: msg('validation.invalid') }).transform((fd, ctx) => {
  const fields = ZPublishAnnouncement.safeParse({
    title: fd.get('title') ?? '',
    body: fd.get('body') ?? '',
    targetOrgIds: fd.getAll('targetOrgIds').filter(Boolean),
  });
  if (!fields.success) {
    for (const i of fields.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    return z.NEVER;
  }
  const files = fd.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  const big = files.find((f) => f.size > MAX_ATTACHMENT_BYTES);
  if (big) {
    ctx.addIssue({
      code: 'custom',
      path: ['files'],
      message: msg('announcements.errors.fileTooLarge', { name: big.name, mb: 20 }),
    });
    return z.NEVER;
  }
  return { ...fields.data, files };
});

export const publishAnnouncementAction = defineAction(ZPublishUpload, async ({ files, ...input }, ctx) => {
  const uploads = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const r = await publishAnnouncement(db, ctx, input, uploads);
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
  await markAnnouncementRead(db, ctx.user, id);
  revalidatePath('/', 'layout');
  return { id };
});
