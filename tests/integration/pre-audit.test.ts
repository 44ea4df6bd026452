import { beforeAll, describe, expect, it } from 'vitest';
import { finishAudit, saveScore } from '../../lib/audits/mutations/scoring';
import { auditDetailFor } from '../../lib/audits/queries/audits';
import { cstDay, periodFromKey, periodOf } from '../../lib/calendar';
import { suggestionsFor, suggestionsForUnits } from '../../lib/ledger/pre-audit';
import { issueFeedback } from '../../lib/feedback/mutations/issue';
import { createMeeting, saveMeeting } from '../../lib/meetings/mutations';
import { ZSaveMeeting } from '../../lib/meetings/schema';
import { openSheet } from '../../lib/self-check/mutations/open';
import { saveSheet } from '../../lib/self-check/mutations/save';
import { reopenSheet, submitSheet } from '../../lib/self-check/mutations/submit';
import { sheetOverviewFor } from '../../lib/self-check/queries';
import { previousQuarter } from '../../lib/self-check/rules';
import { makePlan } from '../fixtures/audits';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makePublishedHandbook } from '../fixtures/handbook';
import { makePerson, refusal } from '../fixtures/people';

const db = testDb();
const today = cstDay(new Date());
// The quarter before this one: over, so every month of it counts.
const quarter = previousQuarter(periodOf('QUARTER', today).key);
const q = periodFromKey(quarter)!;
const month = (n: number) =>
  `${q.start.slice(0, 5)}${String(Number(q.start.slice(5, 7)) + n).padStart(2, '0')}-10`;
let tree: Tree;
let committee: TestUser;
let secretary: TestUser;
let auditor: TestUser;
let computed: string;
let standardId: string;
const committeeMembers: string[] = [];

beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  secretary = await makeUser(db, 'SECRETARY', tree.a);
  auditor = await makeUser(db, 'AUDITOR', tree.root);
  const hb = await makePublishedHandbook(db, uniq('版'));
  // The fixture's first criterion becomes computed: one missing monthly 支委会 = one occurrence (2 points).
  await db.scoringCriterion.update({
    where: { id: hb.criteria[0]!.id },
    data: {
      kind: 'COMPUTED',
      ruleKey: 'meetingsShort',
      ruleParams: { kind: 'COMMITTEE', per: 'MONTH', min: 1 },
    },
  });
  computed = hb.criteria[0]!.id;
  standardId = (await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } })).id;
  for (const [i, post] of ['SECRETARY', 'ORGANIZATION', 'PROPAGANDA'].entries())
    committeeMembers.push(
      (await makePerson(db, committee.ctx, tree.a.id, { name: `委员${i}`, posts: [post] })).id,
    );
  // 支委会 in the quarter's first and third months; none in the second.
  for (const day of [month(0), month(2)]) {
    const { id } = await createMeeting(db, secretary.ctx, {
      orgId: tree.a.id,
      kind: 'COMMITTEE',
      heldOn: day,
    });
    const m = await db.meeting.findUniqueOrThrow({ where: { id } });
    await saveMeeting(
      db,
      secretary.ctx,
      ZSaveMeeting.parse({
        id,
        lockVersion: m.lockVersion,
        heldOn: day,
        place: '项目部会议室',
        hostId: committeeMembers[0],
        topic: '研究部署本月党建工作',
        agenda: '',
        minutes: '',
        isElection: false,
        studyHours: 0,
        attendees: committeeMembers.map((personId) => ({ personId, status: 'PRESENT' })),
        resolutions: [],
        backfillReason: '按签到表补录',
      }),
      { submit: true },
    );
  }
});

async function makeAudit() {
  const plan = await makePlan(db, {
    periodKey: quarter,
    orgPath: tree.root.path,
    createdById: committee.id,
    team: [auditor.id],
    units: [tree.a.id],
    standardId,
    status: 'IN_PROGRESS',
  });
  return plan.audits[0]!;
}

describe('the computed pre-audit', () => {
  it('suggests the count the records give, with the missing month behind it', async () => {
    const audit = await makeAudit();
    const d = await auditDetailFor(auditor.subject, audit.id, db);
    const missing = periodOf('MONTH', month(1)).key;
    expect(d.suggestions[computed]).toEqual({
      count: 1,
      deduction: 2,
      refs: [{ type: 'period', id: missing, label: `${missing}: 0/1` }],
    });
  });

  it('many units at once (the year-end pre-audit) give what each unit gives alone', async () => {
    const o = { standardId, periodKey: quarter, scope: 'QUARTER' as const, today };
    const both = await suggestionsForUnits(db, { ...o, orgIds: [tree.a.id, tree.b.id] });
    expect([...both.keys()].sort()).toEqual([tree.a.id, tree.b.id].sort());
    expect(both.get(tree.a.id)).toEqual(await suggestionsFor(db, { ...o, orgId: tree.a.id }));
    expect(both.get(tree.b.id)).toEqual(await suggestionsFor(db, { ...o, orgId: tree.b.id }));
    // B recorded no 支委会 at all: three missing months.
    expect(both.get(tree.b.id)!.get(computed)!.count).toBe(3);
    expect(both.get(tree.a.id)!.get(computed)!.count).toBe(1);
  });

  it('a confirmation stores the suggestion; an override needs a reason, is traced and reaches the feedback sheet', async () => {
    const audit = await makeAudit();
    const base = { auditId: audit.id, criterionId: computed, taskIds: [] as string[] };
    await saveScore(db, auditor.ctx, { ...base, count: 1, reason: '' });
    expect(await db.auditScore.findFirstOrThrow({ where: { auditId: audit.id } })).toMatchObject({
      count: 1,
      suggested: 1,
      deduction: 2,
    });
    expect(await refusal(saveScore(db, auditor.ctx, { ...base, count: 0, reason: '' }))).toBe(
      'audits.errors.overrideReason',
    );
    await saveScore(db, auditor.ctx, {
      ...base,
      count: 0,
      reason: '八月支委会因汛期抢险顺延，有会议通知和照片',
    });
    const trace = await db.auditEvent.findFirstOrThrow({
      where: { entityId: audit.id, action: 'audits.score' },
      orderBy: { id: 'desc' },
    });
    expect(trace.after).toMatchObject({ count: 0, suggested: 1, overridden: true });
    const other = (
      await db.scoringCriterion.findMany({
        where: {
          categoryId: (await db.scoringCriterion.findUniqueOrThrow({ where: { id: computed } })).categoryId,
        },
      })
    ).find((c) => c.id !== computed)!;
    await saveScore(db, auditor.ctx, {
      auditId: audit.id,
      criterionId: other.id,
      count: 0,
      reason: '',
      taskIds: [],
    });
    await finishAudit(db, auditor.ctx, audit.id);
    await issueFeedback(db, auditor.ctx, {
      auditId: audit.id,
      summary: '总体规范',
      deadline: '2099-01-31',
      items: [],
      coordination: [],
    } as never);
    const sheet = await db.feedbackSheet.findUniqueOrThrow({ where: { auditId: audit.id } });
    expect(sheet.deductions).toEqual([
      expect.objectContaining({
        count: 0,
        suggested: 1,
        reason: '八月支委会因汛期抢险顺延，有会议通知和照片',
      }),
    ]);
  });

  it('fills the self-check; claiming fewer than the records needs a reason and is flagged to the committee', async () => {
    const { id } = await openSheet(db, secretary.ctx, { orgId: tree.a.id, periodKey: quarter });
    const sheet = await db.selfCheckSheet.findUniqueOrThrow({ where: { id }, include: { items: true } });
    const item = sheet.items.find((i) => i.criterionId === computed)!;
    expect(item).toMatchObject({ count: 1, suggested: 1, deduction: 2 });
    const save = (reason: string) =>
      saveSheet(db, secretary.ctx, {
        sheetId: id,
        lockVersion: sheet.lockVersion,
        items: [{ criterionId: computed, count: 0, reason, taskIds: [] }],
      });
    expect(await refusal(save(''))).toBe('selfCheck.errors.belowRecords');
    await save('八月支委会已开，记录本未录入系统');
    const overview = await sheetOverviewFor(committee.subject, quarter, db);
    expect(overview.rows.find((r) => r.id === tree.a.id)?.belowRecords).toBe(1);
    expect(overview.rows.find((r) => r.id === tree.b.id)?.belowRecords).toBe(0);

    // Submitted and reopened: the new revision still knows what the records showed.
    const other = sheet.items.find((i) => i.criterionId !== computed)!;
    const { lockVersion } = await db.selfCheckSheet.findUniqueOrThrow({ where: { id } });
    await saveSheet(db, secretary.ctx, {
      sheetId: id,
      lockVersion,
      items: [{ criterionId: other.criterionId, count: 0, reason: '', taskIds: [] }],
    });
    const fresh = await db.selfCheckSheet.findUniqueOrThrow({ where: { id } });
    await submitSheet(db, secretary.ctx, { sheetId: id, lockVersion: fresh.lockVersion });
    await reopenSheet(db, committee.ctx, { sheetId: id, reason: '支委会次数与台账不符，请核实' });
    const revision = await db.selfCheckSheet.findFirstOrThrow({
      where: { orgId: tree.a.id, periodKey: quarter, supersededAt: null },
      include: { items: true },
    });
    expect(revision.revision).toBe(2);
    expect(revision.items.find((i) => i.criterionId === computed)).toMatchObject({ count: 0, suggested: 1 });
  });

  it('a computed count above the cap is confirmed as it is and scored up to the cap', async () => {
    await db.scoringCriterion.update({ where: { id: computed }, data: { cap: 1 } });
    try {
      const audit = await makeAudit();
      await saveScore(db, auditor.ctx, {
        auditId: audit.id,
        criterionId: computed,
        count: 1,
        reason: '',
        taskIds: [],
      });
      expect(await db.auditScore.findFirstOrThrow({ where: { auditId: audit.id } })).toMatchObject({
        count: 1,
        suggested: 1,
        deduction: 1,
      });
    } finally {
      await db.scoringCriterion.update({ where: { id: computed }, data: { cap: null } });
    }
  });
});
