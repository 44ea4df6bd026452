/**
 * The deduction Pareto's rollup (issue 17): "DeductionRollup" is kept by statement triggers on "AuditScore", and the
 * Pareto read from it equals the one computed from the scores, after inserts, updates (to zero too), deletes and
 * upserts, for the whole tree, a branch, one year and a range. Real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { paretoFor, paretoRaw } from '../../lib/insights/queries';
import { makePlan } from '../fixtures/audits';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makePublishedHandbook } from '../fixtures/handbook';

const db = testDb();
let tree: Tree;
let committee: TestUser;
let criteria: string[];
let audits: { id: string; orgId: string }[];

/** A small deterministic generator, so a failure can be run again with the same scores. */
function lcg(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  const hb = await makePublishedHandbook(db, uniq('版'));
  const standard = await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
  const c1 = await db.scoringCriterion.findUniqueOrThrow({ where: { id: hb.criteria[0]!.id } });
  const extra = await Promise.all(
    [1, 2, 3, 4].map((n) =>
      db.scoringCriterion.create({
        data: {
          categoryId: c1.categoryId,
          key: randomUUID(),
          code: `R${n}`,
          title: `台账检查项${n}`,
          maxPoints: 10,
          unitDeduction: 1,
          deductionRule: '每缺一次扣1分',
        },
      }),
    ),
  );
  criteria = [...hb.criteria.map((c) => c.id), ...extra.map((c) => c.id)];
  audits = [];
  // Three quarters over two years and a year-end inspection, each over the two branches and the party group.
  for (const periodKey of ['2025-Q3', '2025-Q4', '2026-Q1', '2026']) {
    const plan = await makePlan(db, {
      periodKey,
      orgPath: tree.root.path,
      createdById: committee.id,
      units: [tree.a.id, tree.b.id, tree.a1.id],
      standardId: standard.id,
      status: 'SCORED',
      scoredAt: new Date(),
    });
    audits.push(...plan.audits.map((a) => ({ id: a.id, orgId: a.orgId })));
  }
});

/** Both Paretos, in one order (ties at equal points may be listed either way). */
async function both(f: { orgId?: string; from: number; to: number }) {
  const sort = (rows: { criterionId: string; points: number; units: number }[]) =>
    rows
      .map((r) => ({ criterionId: r.criterionId, points: r.points, units: r.units }))
      .sort((x, y) => x.criterionId.localeCompare(y.criterionId));
  return {
    rollup: sort(await paretoFor(committee.subject, f)),
    raw: sort(await paretoRaw(committee.subject, f)),
  };
}

async function expectAgreement() {
  for (const f of [
    { from: 2025, to: 2026 },
    { from: 2026, to: 2026 },
    { orgId: tree.a.id, from: 2025, to: 2026 },
    { orgId: tree.b.id, from: 2025, to: 2025 },
  ]) {
    const { rollup, raw } = await both(f);
    expect(rollup, JSON.stringify(f)).toEqual(raw);
  }
  // And the table itself: one row per criterion, unit and year that lost points, with the exact sum.
  const diff = await db.$queryRaw<{ n: number }[]>`
    WITH raw AS (
      SELECT s."criterionId", a."orgId", substr(p."periodKey", 1, 4)::int AS year, sum(s.deduction) AS points, count(*)::int AS scores
      FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId"
      JOIN "Organization" o ON o.id = a."orgId"
      WHERE s.deduction > 0 AND o.path LIKE ${`${tree.root.path}%`} GROUP BY 1, 2, 3),
    kept AS (
      SELECT r.* FROM "DeductionRollup" r JOIN "Organization" o ON o.id = r."orgId" WHERE o.path LIKE ${`${tree.root.path}%`})
    SELECT count(*)::int AS n FROM (
      (SELECT "criterionId", "orgId", year, round(points::numeric, 6), scores FROM raw
        EXCEPT SELECT "criterionId", "orgId", year, round(points::numeric, 6), scores FROM kept)
      UNION ALL
      (SELECT "criterionId", "orgId", year, round(points::numeric, 6), scores FROM kept
        EXCEPT SELECT "criterionId", "orgId", year, round(points::numeric, 6), scores FROM raw)) d`;
  expect(diff[0]!.n).toBe(0);
}

describe('the deduction rollup', () => {
  it('equals the scores after a bulk insert, updates, deletes and upserts', async () => {
    const rand = lcg(20261201);
    const rows = audits.flatMap((a) =>
      criteria.map((criterionId) => {
        const count = Math.floor(rand() * 4); // 0–3: a quarter of the scores lose nothing
        return {
          auditId: a.id,
          criterionId,
          count,
          deduction: count * 1.5,
          updatedById: committee.id,
        };
      }),
    );
    await db.auditScore.createMany({ data: rows });
    const kept = await db.deductionRollup.count({
      where: { orgId: { in: [tree.a.id, tree.b.id, tree.a1.id] } },
    });
    expect(kept).toBeGreaterThan(0);
    await expectAgreement();
    const { rollup } = await both({ from: 2025, to: 2026 });
    expect(rollup.length).toBe(criteria.length);
    expect(rollup.some((r) => r.units === 3)).toBe(true);

    // A re-score lowers one criterion to nothing everywhere in 2026; another doubles in branch A.
    await db.auditScore.updateMany({
      where: { criterionId: criteria[0], auditId: { in: audits.map((a) => a.id) } },
      data: { count: 0, deduction: 0 },
    });
    await db.$executeRaw`UPDATE "AuditScore" SET deduction = deduction * 2, count = count * 2
      WHERE "criterionId" = ${criteria[1]}::uuid AND "auditId" IN (SELECT id FROM "Audit" WHERE "orgId" = ${tree.a.id}::uuid)`;
    await expectAgreement();
    expect((await both({ from: 2025, to: 2026 })).rollup.map((r) => r.criterionId)).not.toContain(
      criteria[0],
    );

    // Scores removed (a criterion found not applicable), and one saved again as the scoring action saves (upsert).
    await db.auditScore.deleteMany({ where: { criterionId: criteria[2], auditId: audits[0]!.id } });
    await db.auditScore.upsert({
      where: { auditId_criterionId: { auditId: audits[1]!.id, criterionId: criteria[3]! } },
      create: {
        auditId: audits[1]!.id,
        criterionId: criteria[3]!,
        count: 3,
        deduction: 4.5,
        updatedById: committee.id,
      },
      update: { count: 3, deduction: 4.5 },
    });
    await expectAgreement();

    // A score rolled back with its transaction leaves the rollup as it was.
    const before = await db.deductionRollup.findMany({ where: { orgId: audits[2]!.orgId } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.auditScore.updateMany({
          where: { auditId: audits[2]!.id },
          data: { deduction: 9, count: 6 },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.deductionRollup.findMany({ where: { orgId: audits[2]!.orgId } })).toEqual(before);
    await expectAgreement();
  });

  it('a quarter is read from the scores, and a person without insights.read is refused either way', async () => {
    const q = await paretoFor(committee.subject, { from: 2025, to: 2025, quarter: '2025-Q3' });
    const r = await paretoRaw(committee.subject, { from: 2025, to: 2025, quarter: '2025-Q3' });
    expect(q).toEqual(r);
    const secretary = await makeUser(db, 'SECRETARY', tree.a);
    await expect(paretoFor(secretary.subject, { from: 2025, to: 2026 })).rejects.toThrow();
  });

  it('a criterion of two handbook versions is one line, under the newer version’s name, its points and units added', async () => {
    // An earlier version's standard carrying the first criterion under the same key, scored in a 2024 audit of B.
    const c = await db.scoringCriterion.findUniqueOrThrow({ where: { id: criteria[4]! } });
    const old = await db.handbookVersion.create({
      data: {
        label: uniq('旧版'),
        status: 'SUPERSEDED',
        effectiveDate: new Date('2024-01-01T00:00:00Z'),
        standard: { create: { title: '旧版考核标准' } },
      },
      select: { standard: { select: { id: true } } },
    });
    const category = await db.scoringCategory.create({
      data: { standardId: old.standard!.id, code: 'R', title: '旧版台账' },
    });
    const earlier = await db.scoringCriterion.create({
      data: {
        categoryId: category.id,
        key: c.key,
        code: 'R1-旧',
        title: '旧版台账检查项',
        maxPoints: 10,
        unitDeduction: 1,
        deductionRule: '每缺一次扣1分',
      },
    });
    const plan = await makePlan(db, {
      periodKey: '2024-Q4',
      orgPath: tree.root.path,
      createdById: committee.id,
      units: [tree.b.id],
      standardId: old.standard!.id,
      status: 'SCORED',
      scoredAt: new Date(),
    });
    await db.auditScore.create({
      data: {
        auditId: plan.audits[0]!.id,
        criterionId: earlier.id,
        count: 7,
        deduction: 7,
        updatedById: committee.id,
      },
    });
    // What the two criteria lost in this tree, counted here from the scores themselves.
    const lost = await db.auditScore.findMany({
      where: {
        criterionId: { in: [c.id, earlier.id] },
        deduction: { gt: 0 },
        audit: { org: { path: { startsWith: tree.root.path } } },
      },
      select: { deduction: true, audit: { select: { orgId: true } } },
    });
    const { rollup, raw } = await both({ from: 2024, to: 2026 });
    expect(rollup).toEqual(raw);
    expect(rollup.map((r) => r.criterionId)).not.toContain(earlier.id);
    const line = rollup.find((r) => r.criterionId === c.id)!;
    expect(line.points).toBeCloseTo(
      lost.reduce((n, x) => n + x.deduction, 0),
      1,
    );
    expect(line.units).toBe(new Set(lost.map((x) => x.audit.orgId)).size);
    const named = (await paretoFor(committee.subject, { from: 2024, to: 2026 })).find(
      (r) => r.criterionId === c.id,
    );
    expect(named).toMatchObject({ code: c.code, title: c.title });
  });
});
