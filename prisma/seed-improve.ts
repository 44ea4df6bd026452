/**
 * The rest of the 优标 demo: last quarter's common-problem analysis turned into this quarter's key
 * learning content (published, exam focus), three revision proposals (accepted into the 2026 version,
 * rejected, pending) and the annual results of the demo years. Runs once (marker setting).
 */
import { computeAnnual } from '../lib/annual/mutations';
import { DEFAULT_WEIGHTS } from '../lib/annual/rules';
import type { Db } from '../lib/db/client';
import { companyActor } from './seed-context';
import { createLearningFocus } from '../lib/learning/mutations/focus';
import { cstDay, periodOf } from '../lib/calendar';
import { previousQuarter } from '../lib/self-check/rules';
import { FIRST_BRANCH_NAME, SECOND_BRANCH_NAME } from './seed-data';

const MARKER = 'demo.improve';

export async function seedImprove(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const committee = await companyActor(db, 'committee', 'COMMITTEE');
  const secretary = await db.user.findUnique({ where: { username: 'secretary' }, select: { id: true } });
  const secretary2 = await db.user.findUnique({ where: { username: 'secretary2' }, select: { id: true } });
  if (!committee || !secretary || !secretary2) return;
  const { ctx } = committee;

  // Key learning for this quarter from last quarter's deductions, the five articles that cost most.
  const q0 = periodOf('QUARTER', cstDay(now)).key;
  const source = previousQuarter(q0);
  const top = await db.$queryRaw<{ articleId: string }[]>`
    SELECT ca."articleId"::text AS "articleId", sum(s.deduction) AS points
    FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "CriterionArticle" ca ON ca."criterionId" = s."criterionId"
    JOIN "Article" ar ON ar.id = ca."articleId" JOIN "HandbookVersion" v ON v.id = ar."versionId" AND v.status = 'PUBLISHED'
    WHERE p."periodKey" = ${source} AND s.deduction > 0 GROUP BY 1 ORDER BY points DESC LIMIT 5`;
  if (top.length) {
    await createLearningFocus(db, ctx, {
      periodKey: q0,
      sourceQuarter: source,
      title: `${q0.replace('-Q', '年第')}季度重点学习内容`,
      body: `根据${source.replace('-Q', '年第')}季度考核发现的共性问题，下列条款扣分最多、涉及单位最多。请各支部本季度组织党员重点学习，对照检查整改；本季度考试以这些条款为重点。`,
      articleIds: top.map((t) => t.articleId),
      examFocus: true,
      publish: true,
    });
  }

  // Revision proposals: one accepted into the 2026 version (a 2025 article whose text the 2026 one took), one rejected, one pending.
  const pairs = await db.$queryRaw<{ oldId: string; newId: string; key: string; when: string }[]>`
    SELECT o.id::text AS "oldId", n.id::text AS "newId", n.key::text AS key, n."when"
    FROM "Article" n JOIN "HandbookVersion" nv ON nv.id = n."versionId" AND nv.status = 'PUBLISHED'
    JOIN "Article" o ON o.key = n.key JOIN "HandbookVersion" ov ON ov.id = o."versionId" AND ov.status = 'SUPERSEDED'
    WHERE o."when" <> n."when" ORDER BY n.number LIMIT 1`;
  const first = await db.organization.findFirst({ where: { name: FIRST_BRANCH_NAME }, select: { id: true } });
  const second = await db.organization.findFirst({
    where: { name: SECOND_BRANCH_NAME },
    select: { id: true },
  });
  const published = await db.article.findMany({
    where: { version: { status: 'PUBLISHED' } },
    orderBy: { number: 'asc' },
    select: { id: true, key: true },
    take: 20,
  });
  // The 党员责任区 good practice belongs to Art 22 (党员责任区划分).
  const zone =
    (await db.article.findFirst({
      where: { version: { status: 'PUBLISHED' }, number: 22 },
      select: { id: true, key: true },
    })) ?? published[5]!;
  if (pairs[0] && published.length > 12) {
    const decided = new Date('2025-12-20T02:00:00Z');
    await db.revisionProposal.createMany({
      data: [
        {
          articleKey: pairs[0].key,
          articleId: pairs[0].oldId,
          field: 'when',
          proposedText: pairs[0].when,
          reason: '原时间要求与上级最新部署不一致，且未写明完成时限，建议按新表述执行。',
          kind: 'SECRETARY',
          orgId: first?.id ?? null,
          proposerId: secretary.id,
          status: 'ACCEPTED',
          decidedById: committee.id,
          decidedAt: decided,
          decisionNote: '已写入2026版',
          appliedToId: pairs[0].newId,
          createdAt: new Date('2025-11-10T02:00:00Z'),
        },
        {
          articleKey: published[11]!.key,
          articleId: published[11]!.id,
          field: 'standard',
          proposedText: '流动党员党费可半年集中交纳一次。',
          reason: '项目党员流动性大，按月交纳难以落实。',
          kind: 'SECRETARY',
          orgId: second?.id ?? null,
          proposerId: secretary2.id,
          status: 'REJECTED',
          decidedById: committee.id,
          decidedAt: new Date(now.getTime() - 20 * 86_400_000),
          decisionNote:
            '党费一般按月交纳；经支部同意可按季度交纳，因故未交的补交一般不超过6个月。流动党员可通过线上方式交纳。',
          createdAt: new Date(now.getTime() - 40 * 86_400_000),
        },
        {
          articleKey: zone.key,
          articleId: zone.id,
          field: 'example',
          proposedText: '把“党员责任区”划到每个作业面，安全隐患随手拍、随手报，每月评比一次“红旗责任区”。',
          reason: '考核中发现的好做法，建议作为范例推广。',
          kind: 'GOOD_PRACTICE',
          orgId: first?.id ?? null,
          proposerId: committee.id,
          createdAt: new Date(now.getTime() - 5 * 86_400_000),
        },
      ],
    });
  }

  // Annual results of the demo years, with the default weights.
  const year = Number(q0.slice(0, 4));
  for (const y of [year - 1, year]) await computeAnnual(db, ctx, { year: y, weights: DEFAULT_WEIGHTS });
  await db.setting.create({ data: { key: MARKER, value: { at: now.toISOString() } } });
}
