import 'server-only';
import { db } from '../db';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, type Subject } from '../policy';
import { publishProblems } from './versions';

/** The draft under edit with its outline and what blocks publishing. COMMITTEE only. */
export async function draftForEditor(user: Subject) {
  if (!can(user, 'handbook.edit')) throw new ForbiddenError();
  const draft = await db.handbookVersion.findFirst({ where: { status: 'DRAFT' } });
  const published = await db.handbookVersion.findFirst({
    where: { status: 'PUBLISHED' },
    select: { id: true, label: true },
  });
  if (!draft) return { draft: null, published, parts: [], problems: null };
  const [parts, problems] = await Promise.all([
    db.handbookPart.findMany({
      where: { versionId: draft.id },
      orderBy: { number: 'asc' },
      select: {
        id: true,
        number: true,
        title: true,
        articles: {
          select: { id: true, number: true, title: true, updatedAt: true },
          orderBy: { number: 'asc' },
        },
      },
    }),
    publishProblems(db, draft.id),
  ]);
  return { draft, published, parts, problems };
}

export async function draftArticleForEditor(user: Subject, id: string) {
  if (!can(user, 'handbook.edit')) throw new ForbiddenError();
  const a = await db.article.findUnique({
    where: { id },
    include: {
      version: { select: { status: true, label: true } },
      attachments: { orderBy: { createdAt: 'asc' } },
      actions: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
    },
  });
  if (!a) throw new NotFoundError();
  return a;
}
