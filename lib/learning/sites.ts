/**
 * 示范点 and 观摩: the committee names a unit a demonstration site for a period and for what it shows
 * (articles), and records observation visits by other units with notes and photos (content-checked).
 */
import { z } from 'zod';
import { appendTrace } from '../audit-log';
import type { Db } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { checkUploads, type Upload } from '../files/uploads';
import { msg } from '../i18n/message';
import type { ActionContext } from '../action-context';
import { assertCan, type Subject } from '../policy';
import { mimeOfChecked } from '../files/type';
import { putFile } from '../storage';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(2, msg('learning.errors.textRequired'))
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));
export const ZDemoSite = z
  .object({
    orgId: z.uuid(),
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
    articleIds: z.array(z.uuid()).min(1, msg('learning.errors.chooseArticles')).max(10),
    description: text(1000),
  })
  .refine((s) => s.toDate >= s.fromDate, { message: msg('learning.errors.period'), path: ['toDate'] });
export const ZSiteVisit = z.object({
  siteId: z.uuid(),
  date: z.iso.date(),
  visitingOrgIds: z.array(z.uuid()).min(1, msg('learning.errors.chooseVisitors')).max(50),
  notes: text(2000),
});

export async function nameDemoSite(db: Db, ctx: ActionContext, input: z.output<typeof ZDemoSite>) {
  const org = await db.organization.findUnique({
    where: { id: input.orgId },
    select: { id: true, path: true },
  });
  if (!org) throw new NotFoundError();
  assertCan(ctx.user, 'learning.manage', org);
  const arts = await db.article.findMany({
    where: { id: { in: input.articleIds }, version: { status: 'PUBLISHED' } },
    select: { key: true },
  });
  if (arts.length !== new Set(input.articleIds).size) throw new UserError('learning.errors.notPublished');
  return db.$transaction(async (tx) => {
    const s = await tx.demoSite.create({
      data: {
        orgId: org.id,
        fromDate: new Date(input.fromDate),
        toDate: new Date(input.toDate),
        articleKeys: arts.map((a) => a.key),
        description: input.description,
        createdById: ctx.user.id,
      },
    });
    await appendTrace(tx, ctx.actor, {
      action: 'learning.site',
      entityType: 'DemoSite',
      entityId: s.id,
      orgPath: org.path,
      after: input,
    });
    return { id: s.id };
  });
}

export async function recordVisit(
  db: Db,
  ctx: ActionContext,
  input: z.output<typeof ZSiteVisit>,
  photos: Upload[],
) {
  const site = await db.demoSite.findUnique({ where: { id: input.siteId } });
  if (!site) throw new NotFoundError();
  const org = await db.organization.findUniqueOrThrow({ where: { id: site.orgId }, select: { path: true } });
  assertCan(ctx.user, 'learning.manage', { id: site.orgId, path: org.path });
  const checked = checkUploads(photos, { area: 'announcements', maxFiles: 5, maxBytes: 20 * 1024 * 1024 });
  const stored = await Promise.all(checked.map((f) => putFile(f.bytes)));
  return db.$transaction(async (tx) => {
    const v = await tx.siteVisit.create({
      data: {
        siteId: site.id,
        date: new Date(input.date),
        visitingOrgIds: input.visitingOrgIds,
        notes: input.notes,
        photoKeys: stored.map((s) => s.key),
        photoNames: checked.map((f) => f.name.slice(0, 200)),
        createdById: ctx.user.id,
      },
    });
    await appendTrace(tx, ctx.actor, {
      action: 'learning.visit',
      entityType: 'SiteVisit',
      entityId: v.id,
      orgPath: org.path,
      after: { ...input, photos: stored.map((s) => s.sha256) },
    });
    return { id: v.id };
  });
}

/** Sites (current first) with their articles, units and visits; readable by everyone who learns. */
export async function siteList(db: Db, user: Subject) {
  assertCan(user, 'learning.read');
  const sites = await db.demoSite.findMany({
    include: { visits: { orderBy: { date: 'desc' } } },
    orderBy: { toDate: 'desc' },
  });
  const orgIds = [...new Set(sites.flatMap((s) => [s.orgId, ...s.visits.flatMap((v) => v.visitingOrgIds)]))];
  const [orgs, arts] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    db.article.findMany({
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
export async function visitPhoto(db: Db, user: Subject, visitId: string, index: number) {
  assertCan(user, 'learning.read');
  const v = await db.siteVisit.findUnique({
    where: { id: visitId },
    select: { photoKeys: true, photoNames: true },
  });
  const storageKey = v?.photoKeys[index];
  if (!v || !storageKey) throw new NotFoundError();
  const fileName = v.photoNames[index] ?? 'photo';
  return { storageKey, fileName, mimeType: mimeOfChecked(fileName) };
}
