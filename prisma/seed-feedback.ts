/**
 * 优标 demo: feedback sheets for the scored key-unit audits (acknowledged and not), rectification
 * items in every state, two coordination tasks (one answered), through the same operations as the
 * pages. 滨江新城's latest audit is left scored but without feedback, so the loop can be walked from
 * the start. Runs once (marker setting).
 */
import type { Db } from '../lib/db/client';
import { companyActor } from './seed-context';
import { acknowledgeSheet } from '../lib/feedback/mutations/acknowledge';
import { answerCoordination } from '../lib/feedback/mutations/coordination';
import { issueFeedback } from '../lib/feedback/mutations/issue';
import { savePlan, submitItem, verifyItem } from '../lib/feedback/mutations/rectification';
import { addDays, cstDay } from '../lib/calendar';
import { FIRST_BRANCH_NAME } from './seed-data';

const MARKER = 'demo.feedback';
const SUGGESTIONS = [
  '立即组织补课并完善记录，建立会后24小时内归档制度',
  '对照手册逐项自查，明确专人负责，月底前补齐台账',
  '支委会专题研究整改措施，整改情况向党员公示',
];
const PLANS = [
  '书记牵头，组织委员负责，12月底前补齐记录并建立归档台账。',
  '已明确专人负责台账管理，每周五检查一次。',
];

export async function seedFeedback(db: Db) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const auditor = await companyActor(db, 'auditor', 'AUDITOR');
  if (!auditor) return;
  const leader = auditor.ctx;
  const audits = await db.audit.findMany({
    where: { status: 'SCORED', plan: { kind: 'KEY_QUARTERLY' } },
    include: {
      org: { select: { id: true, name: true, path: true, secretaryId: true } },
      plan: { select: { periodKey: true } },
      findings: true,
    },
    orderBy: [{ plan: { periodKey: 'asc' } }, { org: { path: 'asc' } }],
  });
  const latest = audits.at(-1)?.plan.periodKey;
  const depts = await db.organization.findMany({
    where: { type: 'DEPARTMENT', name: { in: ['人力资源部', '党群工作部'] } },
    select: { id: true, name: true },
  });
  let coordination = 0;
  let k = 0;
  for (const [n, a] of audits.entries()) {
    if (a.plan.periodKey === latest && a.org.name === FIRST_BRANCH_NAME) {
      // Left for the loop: exactly these two problems to issue.
      await db.finding.deleteMany({ where: { auditId: a.id, kind: 'PROBLEM' } });
      const texts = ['“三会一课”台账中10月党课记录缺失', '党员活动室制度上墙内容仍为2025版'];
      await db.finding.createMany({
        data: texts.map((text, i) => ({
          auditId: a.id,
          kind: 'PROBLEM' as const,
          text,
          clientKey: `seed-loop-${a.id}-${i}`,
          createdById: auditor.id,
        })),
      });
      continue;
    }
    const issuedAt = new Date(a.scoredAt!.getTime() + 2 * 86_400_000);
    const problems = a.findings.filter((f) => f.kind === 'PROBLEM');
    const items = (
      problems.length
        ? problems
        : [{ id: undefined, text: '台账归档不及时，部分记录事后补记', criterionId: null }]
    ).map((f, i) => ({
      findingId: f.id,
      criterionId: f.criterionId ?? undefined,
      problem: f.text,
      suggestion: SUGGESTIONS[(n + i) % SUGGESTIONS.length]!,
    }));
    const difficulty = a.findings.find((f) => f.kind === 'DIFFICULTY');
    const coord =
      difficulty && coordination < 2 && depts[coordination]
        ? [{ findingId: difficulty.id, departmentId: depts[coordination]!.id, text: difficulty.text }]
        : [];
    coordination += coord.length;
    const sheet = await issueFeedback(
      db,
      leader,
      {
        auditId: a.id,
        summary: `${a.org.name}基层党建标准化工作总体有序推进，组织生活基本规范，但在台账记录的及时性和真实性方面仍有不足。`,
        deadline: addDays(cstDay(issuedAt), 30),
        items,
        coordination: coord,
      },
      issuedAt,
    );
    if (!a.org.secretaryId) continue;
    const unit = {
      user: { id: a.org.secretaryId, grants: [{ role: 'SECRETARY', orgId: a.org.id, orgPath: a.org.path }] },
      actor: { id: a.org.secretaryId, name: null },
    };
    const recent = a.plan.periodKey === latest;
    if (!recent || n % 2 === 0)
      await acknowledgeSheet(db, unit, sheet.id, new Date(issuedAt.getTime() + 86_400_000));
    const rects = await db.rectificationItem.findMany({
      where: { auditId: a.id },
      orderBy: { createdAt: 'asc' },
    });
    for (const [i, r] of rects.entries()) {
      // Older quarters: closed on time. The latest: one of each state (open and overdue, submitted, returned).
      const state = recent ? (['OPEN', 'SUBMITTED', 'RETURNED'] as const)[k++ % 3]! : 'ACCEPTED';
      if (state === 'OPEN') continue;
      await savePlan(db, unit, r.id, PLANS[i % PLANS.length]!);
      await submitItem(db, unit, r.id, new Date(issuedAt.getTime() + 10 * 86_400_000));
      if (state === 'ACCEPTED')
        await verifyItem(
          db,
          leader,
          { itemId: r.id, accept: true },
          new Date(issuedAt.getTime() + 15 * 86_400_000),
        );
      if (state === 'RETURNED')
        await verifyItem(
          db,
          leader,
          { itemId: r.id, accept: false, reason: '整改佐证只有文字说明，请补充会议记录照片' },
          new Date(issuedAt.getTime() + 14 * 86_400_000),
        );
    }
  }
  const first = await db.coordinationTask.findFirst({
    orderBy: { createdAt: 'asc' },
    include: { department: { select: { id: true, path: true } } },
  });
  if (first) {
    const committee = await companyActor(db, 'committee', 'COMMITTEE');
    if (committee)
      await answerCoordination(
        db,
        committee.ctx,
        first.id,
        '已列入明年一季度招聘计划，先从机关抽调一名党务干部支援。',
      );
  }
  await db.setting.create({ data: { key: MARKER, value: { sheets: audits.length - 1 } } });
}
