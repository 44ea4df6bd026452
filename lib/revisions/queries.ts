import 'server-only';
import { db } from '../db';
import { type Subject, can } from '../policy';
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';

export async function proposalListFor(user: Subject, client: Db = db) {
  const all = can(user, 'revision.approve');
  if (!all && !can(user, 'revision.propose')) throw new ForbiddenError();
  const rows = await client.revisionProposal.findMany({
    where: all ? {} : { proposerId: user.id },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
  });
  const [articles, orgs, people] = await Promise.all([
    client.article.findMany({
      where: { id: { in: rows.map((r) => r.articleId) } },
      select: { id: true, number: true, title: true },
    }),
    client.organization.findMany({
      where: { id: { in: rows.map((r) => r.orgId).filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
    client.user.findMany({
      where: { id: { in: rows.map((r) => r.proposerId) } },
      select: { id: true, name: true },
    }),
  ]);
  const findings = all
    ? await client.finding.findMany({
        where: {
          kind: { in: ['IMPRACTICAL_STANDARD', 'GOOD_PRACTICE'] },
          id: { notIn: rows.map((r) => r.findingId).filter((x): x is string => !!x) },
        },
        include: { audit: { select: { org: { select: { name: true } } } } },
        orderBy: { createdAt: 'desc' },
        take: 30,
      })
    : [];
  return {
    rows: rows.map((r) => ({
      ...r,
      article: articles.find((a) => a.id === r.articleId),
      unit: orgs.find((o) => o.id === r.orgId)?.name ?? null,
      proposer: people.find((p) => p.id === r.proposerId)?.name ?? '',
    })),
    findings,
    canDecide: all,
  };
}

/**
 * What publishing the draft touches: for each article whose text differs from the version in force,
 * its prescribed actions and their open reminder tasks, the scoring criteria citing it and the audits
 * under way on the standard in force, its templates and examples. (Exam questions arrive with the
 * learning issue; the report counts them once they exist.)
 */
// An article's text as the impact report compares it, draft against the version in force.
const ARTICLE_TEXT = {
  key: true,
  number: true,
  title: true,
  what: true,
  who: true,
  how: true,
  when: true,
  standard: true,
} as const;

export async function impactReportFor(user: Subject, client: Db = db) {
  if (!can(user, 'handbook.edit')) throw new ForbiddenError();
  const [draft, published] = await Promise.all([
    client.handbookVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true } }),
    client.handbookVersion.findFirst({
      where: { status: 'PUBLISHED' },
      select: { id: true, standard: { select: { id: true } } },
    }),
  ]);
  if (!draft || !published) return null;
  const fields = ['title', 'what', 'who', 'how', 'when', 'standard'] as const;
  const [d, p] = await Promise.all([
    client.article.findMany({
      where: { versionId: draft.id },
      select: ARTICLE_TEXT,
    }),
    client.article.findMany({
      where: { versionId: published.id },
      select: {
        ...ARTICLE_TEXT,
        id: true,
        actions: { select: { key: true, code: true, title: true } },
        criteria: { select: { criterion: { select: { code: true, title: true } } } },
        _count: { select: { attachments: true } },
      },
    }),
  ]);
  const before = new Map(p.map((a) => [a.key, a]));
  const changed = d.filter((a) => {
    const b = before.get(a.key);
    return !b || fields.some((f) => b[f] !== a[f]);
  });
  const auditsUnderWay = published.standard
    ? await client.audit.count({
        where: { standardId: published.standard.id, status: { in: ['PLANNED', 'IN_PROGRESS'] } },
      })
    : 0;
  const rows = await Promise.all(
    changed.map(async (a) => {
      const b = before.get(a.key);
      const openTasks = b?.actions.length
        ? await client.reminderTask.count({
            where: { actionKey: { in: b.actions.map((x) => x.key) }, status: 'OPEN' },
          })
        : 0;
      return {
        number: a.number,
        title: a.title,
        isNew: !b,
        fields: b ? fields.filter((f) => b[f] !== a[f]) : [...fields],
        actions: b?.actions.map((x) => `${x.code} ${x.title}`) ?? [],
        openTasks,
        criteria: b?.criteria.map((c) => `${c.criterion.code} ${c.criterion.title}`) ?? [],
        auditsUnderWay: b?.criteria.length ? auditsUnderWay : 0,
        attachments: b?._count.attachments ?? 0,
        examQuestions: 0,
      };
    }),
  );
  return { rows };
}
