/**
 * 示范点 and 观摩: the committee names a unit a demonstration site for a period and for what it shows
 * (articles), and records observation visits by other units with notes and photos (content-checked).
 */
import { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { checkUploads, type Upload } from '../../files/uploads';
import { assertCan } from '../../policy';
import { putFile } from '../../storage';
import { ZDemoSite, ZSiteVisit } from '../schema';

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
    await trace(tx, ctx.actor, 'learning.site', 'DemoSite', s.id, {
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
    await trace(tx, ctx.actor, 'learning.visit', 'SiteVisit', v.id, {
      orgPath: org.path,
      after: { ...input, photos: stored.map((s) => s.sha256) },
    });
    return { id: v.id };
  });
}
