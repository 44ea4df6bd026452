import 'server-only';
import { db } from '../db';
import { type Subject, can, scopeByPath } from '../policy';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import type { Prisma } from '../generated/prisma/client';

export const ANNOUNCEMENT_PAGE = 30;

/** Those addressed to the user, and — for managers — those published within their subtree. */
export async function announcementListFor(user: Subject, page: number, client: Db = db) {
  const where: Prisma.AnnouncementWhereInput = {
    OR: [
      { recipients: { some: { userId: user.id } } },
      ...(can(user, 'announcement.manage')
        ? [scopeByPath(user, 'announcement.manage') as Prisma.AnnouncementWhereInput]
        : []),
    ],
  };
  const [total, rows] = await Promise.all([
    client.announcement.count({ where }),
    client.announcement.findMany({
      where,
      select: {
        id: true,
        title: true,
        createdAt: true,
        author: { select: { name: true } },
        recipients: { where: { userId: user.id }, select: { readAt: true } },
      },
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * ANNOUNCEMENT_PAGE,
      take: ANNOUNCEMENT_PAGE,
    }),
  ]);
  // The recipients of this page's announcements only: the ORM's relation count joins an aggregate over every
  // recipient of every announcement (a company-wide notice alone is one row per person).
  const counts = await client.announcementRecipient.groupBy({
    by: ['announcementId'],
    where: { announcementId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const recipients = new Map(counts.map((c) => [c.announcementId, c._count._all]));
  return {
    total,
    rows: rows.map((r) => ({ ...r, _count: { recipients: recipients.get(r.id) ?? 0 } })),
  };
}

export async function announcementDetailFor(user: Subject, id: string, client: Db = db) {
  const a = await client.announcement.findUnique({
    where: { id },
    include: {
      author: { select: { name: true } },
      attachments: { select: { id: true, fileName: true, size: true } },
      recipients: { where: { userId: user.id }, select: { readAt: true } },
    },
  });
  const manager = !!a && can(user, 'announcement.manage', { id: '', path: a.orgPath });
  // Someone neither addressed nor managing gets "not found": whether it exists is not theirs to know.
  if (!a || (!a.recipients.length && !manager)) throw new NotFoundError();
  const targets = await client.organization.findMany({
    where: { id: { in: a.targetOrgIds } },
    select: { name: true },
  });
  return {
    announcement: a,
    recipient: a.recipients.length > 0,
    manager,
    targets: targets.map((t) => t.name),
  };
}

/** Who has read it and who has not, for managers. */
/** Receipts a page on an announcement's page. */
export const RECEIPT_PAGE = 50;

/**
 * Who has read an announcement, the unread first, a page of RECEIPT_PAGE, with the counts of the whole (a notice to
 * a whole company is a receipt per person: 100,000 rows were the whole page before).
 */
export async function receiptsFor(user: Subject, id: string, page = 1, client: Db = db) {
  const a = await client.announcement.findUnique({ where: { id }, select: { orgPath: true } });
  if (!a || !can(user, 'announcement.manage', { id: '', path: a.orgPath })) throw new NotFoundError();
  const where = { announcementId: id };
  const [counts, rows] = await Promise.all([
    client.announcementRecipient.groupBy({
      by: ['announcementId'],
      where,
      _count: { _all: true, readAt: true },
    }),
    client.announcementRecipient.findMany({
      where,
      select: {
        readAt: true,
        chasedAt: true,
        user: { select: { name: true, org: { select: { name: true } } } },
      },
      orderBy: [{ readAt: { sort: 'asc', nulls: 'first' } }, { userId: 'asc' }],
      skip: (page - 1) * RECEIPT_PAGE,
      take: RECEIPT_PAGE,
    }),
  ]);
  const all = counts[0]?._count._all ?? 0;
  const read = counts[0]?._count.readAt ?? 0;
  return { rows, read, unread: all - read, page, pages: Math.max(1, Math.ceil(all / RECEIPT_PAGE)) };
}

/**
 * An attachment to download: its announcement's recipients and managers only. To anyone else it does
 * not exist, as on the announcement page.
 */
export async function announcementAttachmentFor(user: Subject, id: string, client: Db = db) {
  const f = await client.announcementAttachment.findUnique({
    where: { id },
    select: {
      fileName: true,
      mimeType: true,
      storageKey: true,
      announcement: {
        select: { orgPath: true, recipients: { where: { userId: user.id }, select: { userId: true } } },
      },
    },
  });
  if (
    !f ||
    (!f.announcement.recipients.length &&
      !can(user, 'announcement.manage', { id: '', path: f.announcement.orgPath }))
  )
    throw new NotFoundError();
  return f;
}
