import 'server-only';
import { db } from '../db';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, type Subject } from '../policy';
import { queryTerms, searchWords } from './rules';
import type { Db } from '../db/client';
import { publishProblems } from './mutations/versions';
import { isUuid } from '../validation';

/** Readers see published and superseded versions; drafts only those who may edit the handbook. */
export async function versionForUser(user: Subject, versionId?: string | null, client: Db = db) {
  if (!can(user, 'handbook.read')) throw new ForbiddenError();
  const v = isUuid(versionId)
    ? await client.handbookVersion.findUnique({ where: { id: versionId } })
    : await client.handbookVersion.findFirst({ where: { status: 'PUBLISHED' } });
  if (!v) {
    if (versionId) throw new NotFoundError();
    return null;
  }
  if (v.status === 'DRAFT' && !can(user, 'handbook.edit')) throw new ForbiddenError();
  return v;
}

export async function listVersions(user: Subject, client: Db = db) {
  if (!can(user, 'handbook.read')) throw new ForbiddenError();
  return client.handbookVersion.findMany({
    where: can(user, 'handbook.edit') ? {} : { status: { not: 'DRAFT' } },
    select: {
      id: true,
      label: true,
      status: true,
      effectiveDate: true,
      publishedAt: true,
      changeSummary: true,
      _count: { select: { articles: true } },
    },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
}

/** Parts with their articles' numbers and titles: the table of contents. */
export function tocOf(versionId: string, client: Db = db) {
  return client.handbookPart.findMany({
    where: { versionId },
    select: {
      id: true,
      number: true,
      title: true,
      articles: { select: { id: true, number: true, title: true, tags: true }, orderBy: { number: 'asc' } },
    },
    orderBy: { number: 'asc' },
  });
}

export async function articleOf(versionId: string, number: number, client: Db = db) {
  const a = await client.article.findUnique({
    where: { versionId_number: { versionId, number } },
    include: {
      part: { select: { number: true, title: true } },
      attachments: { orderBy: { createdAt: 'asc' } },
      actions: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
      criteria: {
        include: { criterion: { include: { category: { select: { code: true, title: true } } } } },
      },
    },
  });
  if (!a) throw new NotFoundError();
  const [prev, next] = await Promise.all([
    client.article.findUnique({
      where: { versionId_number: { versionId, number: number - 1 } },
      select: { number: true, title: true },
    }),
    client.article.findUnique({
      where: { versionId_number: { versionId, number: number + 1 } },
      select: { number: true, title: true },
    }),
  ]);
  return { article: a, prev, next };
}

export function standardOf(versionId: string, client: Db = db) {
  return client.scoringStandard.findUnique({
    where: { versionId },
    include: {
      categories: {
        orderBy: { sortOrder: 'asc' },
        include: {
          criteria: {
            orderBy: { sortOrder: 'asc' },
            include: { articles: { include: { article: { select: { number: true, title: true } } } } },
          },
        },
      },
    },
  });
}

export type SearchHit = {
  id: string;
  number: number;
  title: string;
  partTitle: string;
  rank: number;
  snippet: string;
};

/**
 * Chinese full-text search over one version: the query's words (character pairs, see searchWords)
 * must all occur; ranked by ts_rank with the title weighted above the body.
 */
export async function searchArticles(
  versionId: string,
  q: string,
  client: Db = db,
): Promise<{ hits: SearchHit[]; terms: string[] }> {
  const words = searchWords(q.slice(0, 100));
  if (words.length === 0) return { hits: [], terms: [] };
  const query = words.join(' ');
  const rows = await client.$queryRaw<
    { id: string; number: number; title: string; partTitle: string; rank: number; body: string }[]
  >`
    SELECT a.id, a.number, a.title, p.title AS "partTitle",
      ts_rank('{0.1, 0.2, 0.4, 1.0}', a."searchVector", plainto_tsquery('simple', ${query}))::float8 AS rank,
      concat_ws(' ', a.what, a.how, a.standard, a.who, a.when) AS body
    FROM "Article" a JOIN "HandbookPart" p ON p.id = a."partId"
    WHERE a."versionId" = ${versionId}::uuid
      AND a."searchVector" @@ plainto_tsquery('simple', ${query})
    ORDER BY rank DESC, a.number ASC
    LIMIT 50`;
  const terms = queryTerms(q);
  return { hits: rows.map(({ body, ...r }) => ({ ...r, snippet: snippet(body, terms) })), terms };
}

function snippet(body: string, terms: string[]): string {
  const text = body.replace(/\s+/g, ' ');
  const at = Math.min(...terms.map((t) => text.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - 30);
  return (start > 0 ? '…' : '') + text.slice(start, start + 120) + (text.length > start + 120 ? '…' : '');
}

/** The articles of the version in force, for choosing where a proposal applies. */
export async function articlesForProposals(client: Db = db) {
  const rows = await client.article.findMany({
    where: { version: { status: 'PUBLISHED' } },
    select: { id: true, number: true, title: true },
    orderBy: { number: 'asc' },
  });
  return rows.map((a) => ({ id: a.id, label: `第${a.number}条 ${a.title}` }));
}

/** The draft under edit with its outline and what blocks publishing. COMMITTEE only. */
export async function draftForEditor(user: Subject, client: Db = db) {
  if (!can(user, 'handbook.edit')) throw new ForbiddenError();
  const draft = await client.handbookVersion.findFirst({ where: { status: 'DRAFT' } });
  const published = await client.handbookVersion.findFirst({
    where: { status: 'PUBLISHED' },
    select: { id: true, label: true },
  });
  if (!draft) return { draft: null, published, parts: [], problems: null };
  const [parts, problems] = await Promise.all([
    client.handbookPart.findMany({
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

export async function draftArticleForEditor(user: Subject, id: string, client: Db = db) {
  if (!can(user, 'handbook.edit')) throw new ForbiddenError();
  const a = await client.article.findUnique({
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

/** A template or worked example: a draft's only to its editors, a published one to every reader. */
export async function attachmentFileFor(user: Subject, id: string, client: Db = db) {
  const f = await client.articleAttachment.findUnique({
    where: { id },
    include: { article: { select: { version: { select: { status: true } } } } },
  });
  if (!f) throw new NotFoundError();
  const allowed =
    f.article.version.status === 'DRAFT' ? can(user, 'handbook.edit') : can(user, 'handbook.read');
  if (!allowed) throw new ForbiddenError();
  return f;
}
