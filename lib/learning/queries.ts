import 'server-only';
import { db } from '../db';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { mimeOfChecked } from '../files/type';
import { assertCan, can, type Subject } from '../policy';

/** Sites (current first) with their articles, units and visits; readable by everyone who learns. */
export async function siteListFor(user: Subject, client: Db = db) {
  assertCan(user, 'learning.read');
  const sites = await client.demoSite.findMany({
    include: { visits: { orderBy: { date: 'desc' } } },
    orderBy: { toDate: 'desc' },
  });
  const orgIds = [...new Set(sites.flatMap((s) => [s.orgId, ...s.visits.flatMap((v) => v.visitingOrgIds)]))];
  const [orgs, arts] = await Promise.all([
    client.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    client.article.findMany({
      where: { key: { in: sites.flatMap((s) => s.articleKeys) }, version: { status: 'PUBLISHED' } },
      select: { key: true, number: true, title: true },
    }),
  ]);
  const name = (id: string) => orgs.find((o) => o.id === id)?.name ?? '—';
  return sites.map((s) => ({
    ...s,
    unit: name(s.orgId),
    articles: s.articleKeys
      .map((k) => arts.find((a) => a.key === k))
      .filter((a): a is NonNullable<typeof a> => !!a),
    visits: s.visits.map((v) => ({ ...v, visitors: v.visitingOrgIds.map(name) })),
  }));
}

/** A visit's photo, to anyone who may read learning content. */
export async function visitPhotoFor(user: Subject, visitId: string, index: number, client: Db = db) {
  assertCan(user, 'learning.read');
  const v = await client.siteVisit.findUnique({
    where: { id: visitId },
    select: { photoKeys: true, photoNames: true },
  });
  const storageKey = v?.photoKeys[index];
  if (!v || !storageKey) throw new NotFoundError();
  const fileName = v.photoNames[index] ?? 'photo';
  return { storageKey, fileName, mimeType: mimeOfChecked(fileName) };
}

/** The quarters' key learning content with its articles, the reader's own receipt and, for managers, the counts. */
export async function focusListFor(user: Subject, client: Db = db) {
  const manager = can(user, 'learning.manage');
  const rows = await client.learningFocus.findMany({ orderBy: { periodKey: 'desc' }, take: 20 });
  const arts = await client.article.findMany({
    where: { key: { in: rows.flatMap((r) => r.articleKeys) }, version: { status: 'PUBLISHED' } },
    select: { key: true, number: true, title: true },
  });
  const annIds = rows.map((r) => r.announcementId).filter((x): x is string => !!x);
  const [mine, counts] = await Promise.all([
    client.announcementRecipient.findMany({
      where: { userId: user.id, announcementId: { in: annIds } },
      select: { announcementId: true, readAt: true },
    }),
    manager
      ? client.announcementRecipient.groupBy({
          by: ['announcementId'],
          where: { announcementId: { in: annIds } },
          _count: { _all: true, readAt: true },
        })
      : [],
  ]);
  return rows.map((r) => ({
    ...r,
    articles: r.articleKeys
      .map((k) => arts.find((a) => a.key === k))
      .filter((a): a is NonNullable<typeof a> => !!a),
    mine: mine.find((m) => m.announcementId === r.announcementId) ?? null,
    receipts: (() => {
      const c = counts.find((x) => x.announcementId === r.announcementId);
      return c ? { total: c._count._all, read: c._count.readAt } : null;
    })(),
  }));
}
