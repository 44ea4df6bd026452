/**
 * 核标 demo: a key-unit audit plan for each of the four past quarters (scored, with deductions, notes
 * and findings), a spot check drawn now with its seed stored (re-runnable from the plan page), and the
 * year-end inspection under way. 城西安置房 (the branch that faked its ledgers) self-scores far above
 * its audit. Runs once (marker setting); the plans go through the same createPlan as the page.
 */
import { appendTrace } from '../lib/audit-log';
import type { Db } from '../lib/db/client';
import { companyActor } from './seed-context';
import type { ScoringScope } from '../lib/handbook/scoring';
import { createPlan } from '../lib/audits/mutations/plans';
import { drawSample } from '../lib/audits/mutations/samples';
import { ZDrawSample } from '../lib/audits/schema';
import { addDays, cstDay, periodFromKey, periodOf } from '../lib/calendar';
import { previousQuarter } from '../lib/self-check/rules';
import { Prisma } from '../lib/generated/prisma/client';
import { suggestionsFor } from '../lib/ledger/pre-audit';
import { computedReason, fitCount, fits, FINDINGS, NOTES_BY_METHOD, reasonFor } from './audit-data';
import { prng } from './seed-random';
import { seedCount, seedDeduction, seedTotals } from './seed-scores';

const MARKER = 'demo.audits';

export async function seedAudits(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const committee = await companyActor(db, 'committee', 'COMMITTEE');
  const auditor = await db.user.findUnique({ where: { username: 'auditor' }, select: { id: true } });
  if (!committee || !auditor) return;
  const { root, ctx } = committee;
  // A second member of the audit team: a 党群工作部 member who also holds the auditor role.
  const second = await db.user.findFirst({
    where: { org: { name: '党群工作部' }, username: { startsWith: 'm' } },
    select: { id: true },
    orderBy: { username: 'asc' },
  });
  if (second)
    await db.roleAssignment.createMany({
      data: [{ userId: second.id, role: 'AUDITOR', orgId: root.id }],
      skipDuplicates: true,
    });
  const team = [auditor.id, ...(second ? [second.id] : [])];
  // Each audit's own standard (createPlan takes the one in force in the period: 2025's for a 2025 quarter).
  const criteriaByStandard = new Map<string, Awaited<ReturnType<typeof db.scoringCriterion.findMany>>>();
  const criteriaOf = async (standardId: string) => {
    if (!criteriaByStandard.has(standardId))
      criteriaByStandard.set(
        standardId,
        await db.scoringCriterion.findMany({
          where: { category: { standardId } },
          orderBy: { sortOrder: 'asc' },
        }),
      );
    return criteriaByStandard.get(standardId)!;
  };
  const rand = prng(20261120);
  const faker = await db.organization.findFirst({
    where: { name: '城西安置房项目党支部' },
    select: { id: true },
  });

  const score = async (
    auditId: string,
    orgId: string,
    day: string,
    finish: boolean,
    share = 1,
    scope: ScoringScope = 'QUARTER',
  ) => {
    const heavy = orgId === faker?.id;
    const audit = await db.audit.findUniqueOrThrow({
      where: { id: auditId },
      select: { standardId: true, plan: { select: { periodKey: true } }, org: { select: { name: true } } },
    });
    const criteria = await criteriaOf(audit.standardId);
    // A computed criterion is scored as the unit's records give it on the day (what the page suggests), so a
    // deduction never contradicts the meetings, dues and transfers the unit recorded.
    const computed = await suggestionsFor(db, {
      standardId: audit.standardId,
      orgId,
      periodKey: audit.plan.periodKey,
      scope,
      today: day,
    });
    // What the team found on site, each consistent with the unit and with its criterion's score below.
    const picks = FINDINGS.filter((f) => fits(f, audit.org.name, computed, criteria))
      .filter(() => rand() < (heavy ? 0.5 : 0.2))
      .slice(0, 3);
    // A graded criterion with a problem found on it scores the worst level those problems show, for their reason.
    const found = (code: string) =>
      picks
        .filter((f) => f.kind === 'PROBLEM' && f.criterion === code && f.level)
        .sort((a, b) => b.level! - a.level!)[0];
    const rows = criteria
      .filter(() => rand() < share)
      .filter((c) => scope === 'YEAR' || !c.annualOnly)
      .map((c) => {
        const suggestion = c.kind === 'COMPUTED' ? (computed.get(c.id) ?? { count: 0, refs: [] }) : null;
        const entered = seedCount(c, rand, heavy ? 0.6 : 0.22, heavy ? 3 : 2);
        const problem = suggestion ? undefined : found(c.code);
        const count = suggestion
          ? suggestion.count
          : (problem?.level ?? fitCount(c.code, entered, c.kind, audit.plan.periodKey));
        const deduction = seedDeduction(c, count, scope);
        return {
          auditId,
          criterionId: c.id,
          count,
          deduction,
          reason: !deduction
            ? ''
            : suggestion
              ? computedReason(c.code, count)
              : (problem?.text ?? reasonFor(c.code, count)),
          taskIds: [],
          ...(suggestion
            ? { suggested: suggestion.count, suggestedRefs: suggestion.refs as Prisma.InputJsonArray }
            : {}),
          updatedById: auditor.id,
        };
      });
    await db.auditScore.createMany({ data: rows });
    const methods = Object.keys(NOTES_BY_METHOD) as (keyof typeof NOTES_BY_METHOD)[];
    await db.auditNote.createMany({
      data: methods
        .slice(0, 2 + Math.floor(rand() * 3))
        .map((m) => ({ auditId, method: m, text: NOTES_BY_METHOD[m], updatedById: auditor.id })),
    });
    await db.finding.createMany({
      data: picks.map((f, i) => ({
        auditId,
        kind: f.kind,
        text: f.text,
        criterionId: (criteria.find((c) => c.code === f.criterion) ?? criteria[(i * 7) % criteria.length]!)
          .id,
        clientKey: `seed-${auditId}-${i}`,
        createdById: auditor.id,
      })),
    });
    const started = new Date(`${day}T09:00:00+08:00`);
    const totals = seedTotals(criteria, (id) => rows.find((r) => r.criterionId === id)?.count ?? 0, scope);
    await db.audit.update({
      where: { id: auditId },
      data: {
        status: finish ? 'SCORED' : 'IN_PROGRESS',
        startedAt: started,
        auditDate: started,
        ...(finish ? { ...totals, scoredAt: new Date(`${day}T17:00:00+08:00`) } : {}),
      },
    });
  };

  // Key-unit audits of the four quarters before this one, scored a week before each quarter's end.
  const q0 = periodOf('QUARTER', cstDay(now)).key;
  const quarters = [previousQuarter(q0)];
  while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]!));
  for (const q of quarters) {
    const plan = await createPlan(
      db,
      ctx,
      {
        title: `${q.replace('-Q', '年第')}季度重点单位考核`,
        kind: 'KEY_QUARTERLY',
        periodKey: q,
        memberIds: team,
        leaderId: auditor.id,
      },
      now,
    );
    const day = addDays(periodFromKey(q)!.end, -7);
    const created = new Date(`${addDays(day, -14)}T09:00:00+08:00`);
    await db.auditPlan.update({
      where: { id: plan.id },
      data: { createdAt: created, closedAt: new Date(`${addDays(day, 20)}T09:00:00+08:00`) },
    });
    await db.audit.updateMany({ where: { planId: plan.id }, data: { createdAt: created } });
    for (const a of await db.audit.findMany({ where: { planId: plan.id } }))
      await score(a.id, a.orgId, day, true);
  }

  // A spot check drawn now (seed stored), leaving out units audited in the last three months.
  const spot = await createPlan(
    db,
    ctx,
    {
      title: `${q0.replace('-Q', '年第')}季度不定期抽查`,
      kind: 'SPOT_CHECK',
      periodKey: q0,
      memberIds: team,
      leaderId: auditor.id,
      draw: {
        subtreeOrgId: root.id,
        types: ['BRANCH'],
        excludeMonths: 3,
        size: 3,
        weighted: true,
        seed: `demo-${q0}`,
      },
    },
    now,
  );
  const [firstSpot] = await db.audit.findMany({ where: { planId: spot.id }, orderBy: { createdAt: 'asc' } });
  if (firstSpot) await score(firstSpot.id, firstSpot.orgId, addDays(cstDay(now), -2), true);

  // The year-end inspection, under way: a few units partly scored.
  const year = await createPlan(
    db,
    ctx,
    {
      title: `${q0.slice(0, 4)}年度基层党建标准化集中检查`,
      kind: 'YEAR_END',
      periodKey: q0.slice(0, 4),
      memberIds: team,
      leaderId: auditor.id,
    },
    new Date(now.getTime() + 1000),
  );
  const started = await db.audit.findMany({
    where: { planId: year.id, org: { name: { notIn: ['滨江新城综合管廊项目党支部'] } } },
    take: 3,
  });
  for (const a of started) await score(a.id, a.orgId, addDays(cstDay(now), -1), false, 0.4, 'YEAR');

  // The year-end inspection's working paper: three 支委会 records in each unit, drawn by the second member, for the
  // leader (the demo auditor) to review and sign off.
  if (second) {
    const secondUser = await db.user.findUniqueOrThrow({ where: { id: second.id }, select: { name: true } });
    await drawSample(
      db,
      {
        user: { id: second.id, grants: [{ role: 'AUDITOR', orgId: root.id, orgPath: root.path }] },
        actor: { id: second.id, name: secondUser.name },
      },
      ZDrawSample.parse({
        planId: year.id,
        recordKind: 'COMMITTEE',
        perUnit: 3,
        seed: `demo-${q0.slice(0, 4)}-committee`,
        reviewerId: auditor.id,
      }),
      new Date(now.getTime() + 2000),
    );
  }

  await db.setting.create({ data: { key: MARKER, value: { at: now.toISOString() } } });
  await db.$transaction((tx) =>
    appendTrace(
      tx,
      { id: null, name: 'system' },
      {
        action: 'seed.audits',
        entityType: 'System',
        after: { quarters, spotCheck: spot.id, yearEnd: year.id },
      },
    ),
  );
}
