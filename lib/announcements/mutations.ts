/**
 * 通知公告: the committee publishes to chosen organizations, each with its subtree. Recipients are fixed
 * at publishing (members of those units and people holding a role on them), so "who has not read it"
 * means the same people tomorrow as today. Each gets a bell notification; the units' group robots too.
 */
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import { cstDay } from '../calendar';
import { notify } from '../channels/notify';
import type { Db } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { checkUploads, storeChecked, traceFiles } from '../files/uploads';
import { assertCan, isOwner, type Subject } from '../policy';
import type { TPublishAnnouncement } from './schema';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export async function publishAnnouncement(
  db: Db,
  ctx: ActionContext,
  input: TPublishAnnouncement,
  files: { name: string; bytes: Buffer }[],
) {
  const ids = [...new Set(input.targetOrgIds)];
  const orgs = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, path: true, name: true },
  });
  if (orgs.length !== ids.length) throw new NotFoundError();
  for (const o of orgs) assertCan(ctx.user, 'announcement.manage', o);
  const checked = checkUploads(files, {
    area: 'announcements',
    maxFiles: MAX_ATTACHMENTS,
    maxBytes: MAX_ATTACHMENT_BYTES,
  });
  const prefixes = orgs.map((o) => `${o.path}%`);
  const people = await db.$queryRaw<{ id: string; orgId: string | null }[]>`
    SELECT DISTINCT ON (u.id) u.id::text AS id, COALESCE(mo.id, ro.id)::text AS "orgId"
    FROM "User" u
    LEFT JOIN "Organization" mo ON mo.id = u."orgId" AND mo.path LIKE ANY(${prefixes}::text[])
    LEFT JOIN "RoleAssignment" ra ON ra."userId" = u.id
    LEFT JOIN "Organization" ro ON ro.id = ra."orgId" AND ro.path LIKE ANY(${prefixes}::text[])
    WHERE u.active AND (mo.id IS NOT NULL OR ro.id IS NOT NULL)
    ORDER BY u.id, mo.id NULLS LAST`;
  if (!people.length) throw new UserError('announcements.errors.noRecipients');
  const stored = await storeChecked(checked);
  // The author's own unit path, so the committee of that subtree reads the receipts.
  const authorPath =
    ctx.user.grants.find((g) => g.role === 'COMMITTEE' && orgs.every((o) => o.path.startsWith(g.orgPath)))
      ?.orgPath ?? orgs[0]!.path;
  return db.$transaction(async (tx) => {
    const a = await tx.announcement.create({
      data: {
        title: input.title,
        body: input.body,
        targetOrgIds: ids,
        authorId: ctx.user.id,
        orgPath: authorPath,
        recipients: { createMany: { data: people.map((p) => ({ userId: p.id, orgId: p.orgId })) } },
        attachments: {
          createMany: {
            data: stored,
          },
        },
      },
      select: { id: true },
    });
    await trace(tx, ctx.actor, 'announcements.publish', 'Announcement', a.id, {
      orgPath: authorPath,
      after: {
        title: input.title,
        targets: orgs.map((o) => o.name),
        recipients: people.length,
        files: traceFiles(stored),
      },
    });
    const sent = await notify(tx, {
      userIds: people.map((p) => p.id),
      kind: 'ANNOUNCEMENT',
      titleKey: 'notifications.titles.announcement',
      params: { title: input.title },
      link: `/announcements/${a.id}`,
      dedupeKey: `announcement:${a.id}`,
      robotOrgIds: ids,
    });
    return { id: a.id, recipients: people.length, deliveryIds: sent.deliveryIds };
  });
}

/** 催阅: a reminder to those who have not read it yet (once a day at most). */
export async function chaseUnread(db: Db, ctx: ActionContext, id: string, now = new Date()) {
  const a = await db.announcement.findUnique({
    where: { id },
    select: { id: true, title: true, orgPath: true },
  });
  if (!a) throw new NotFoundError();
  assertCan(ctx.user, 'announcement.manage', { id: '', path: a.orgPath });
  return db.$transaction(async (tx) => {
    const unread = await tx.announcementRecipient.findMany({
      where: { announcementId: id, readAt: null },
      select: { userId: true },
    });
    const sent = await notify(tx, {
      userIds: unread.map((u) => u.userId),
      kind: 'ANNOUNCEMENT',
      titleKey: 'notifications.titles.announcementChase',
      params: { title: a.title },
      link: `/announcements/${id}`,
      dedupeKey: `chase:${id}:${cstDay(now)}`,
    });
    // A second chase the same day reminds nobody (same dedupe key), so it does not move their chasedAt either.
    const dayStart = new Date(`${cstDay(now)}T00:00:00+08:00`);
    await tx.announcementRecipient.updateMany({
      where: { announcementId: id, readAt: null, OR: [{ chasedAt: null }, { chasedAt: { lt: dayStart } }] },
      data: { chasedAt: now },
    });
    await trace(tx, ctx.actor, 'announcements.chase', 'Announcement', id, {
      orgPath: a.orgPath,
      after: { unread: unread.length, notified: sent.created },
    });
    return { unread: unread.length, notified: sent.created, deliveryIds: sent.deliveryIds };
  });
}

/** The read receipt: the first opening by a recipient counts; later ones change nothing. */
export async function markAnnouncementRead(
  db: Db,
  user: Subject,
  id: string,
  now = new Date(),
  actor: ActionContext['actor'] = { id: user.id, name: null },
) {
  const r = await db.announcementRecipient.findUnique({
    where: { announcementId_userId: { announcementId: id, userId: user.id } },
    include: { announcement: { select: { orgPath: true } } },
  });
  if (!r || !isOwner(user, r.userId)) throw new NotFoundError();
  if (!r.readAt) {
    // The receipt is a record the publisher counts on (谁已阅): written with its trace.
    await db.$transaction(async (tx) => {
      const first = await tx.announcementRecipient.updateMany({
        where: { announcementId: id, userId: user.id, readAt: null },
        data: { readAt: now },
      });
      await tx.notification.updateMany({
        where: { userId: user.id, dedupeKey: `announcement:${id}`, readAt: null },
        data: { readAt: now },
      });
      if (first.count)
        await trace(tx, actor, 'announcements.read', 'Announcement', id, {
          orgPath: r.announcement.orgPath,
          after: { readAt: now },
        });
    });
  }
  return { readAt: r.readAt ?? now };
}
