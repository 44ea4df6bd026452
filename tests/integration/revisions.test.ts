import { beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../lib/handbook/mutations/versions';
import { createLearningFocus, examFocusKeys } from '../../lib/learning/mutations/focus';
import { decide, propose } from '../../lib/revisions/mutations';
import { impactReportFor } from '../../lib/revisions/queries';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeUser, companyRootFor, type TestUser } from '../fixtures/factories';
import { testDb } from '../fixtures/db';

const db = testDb();
let hb: TestHandbook;
let who: Record<'committee' | 'secretary', TestUser>;
let branch: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  const rootRef = await companyRootFor(db);
  branch = await makeOrg(db, rootRef, 'BRANCH');
  who = {
    committee: await makeUser(db, 'COMMITTEE', rootRef),
    secretary: await makeUser(db, 'SECRETARY', branch),
  };
  hb = await makePublishedHandbook(db, `修订测试${Date.now() % 10000}`);
});

describe('revisions of the standard', () => {
  it('a secretary proposes; without a draft nothing is applied (a published version is never edited)', async () => {
    const p = await propose(db, who.secretary.ctx, {
      articleId: hb.articles[0]!.id,
      field: 'when',
      proposedText: '每季度至少召开一次，施工高峰期可顺延一个月',
      reason: '施工高峰期难以按月落实',
    });
    await expect(decide(db, who.secretary.ctx, { proposalId: p.id, decision: 'ACCEPT' })).rejects.toThrow(
      'errors.forbidden',
    );
    await expect(decide(db, who.committee.ctx, { proposalId: p.id, decision: 'ACCEPT' })).rejects.toThrow(
      'revisions.errors.noDraft',
    );
    const published = await db.article.findUniqueOrThrow({ where: { id: hb.articles[0]!.id } });
    expect(published.when).not.toContain('顺延');
    expect((await db.revisionProposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('PENDING');
  });

  it('accepting applies it to the draft citing the proposal; rejecting and merging are recorded; the impact report lists what the change touches', async () => {
    const draft = await createDraft(db, who.committee.ctx, { label: '修订稿' });
    const [pending] = await db.revisionProposal.findMany({
      where: { articleKey: hb.articles[0]!.key, status: 'PENDING' },
    });
    const other = await propose(db, who.secretary.ctx, {
      articleId: hb.articles[0]!.id,
      field: 'when',
      proposedText: '同上',
      reason: '同一问题',
    });
    const bad = await propose(db, who.secretary.ctx, {
      articleId: hb.articles[1]!.id,
      field: 'standard',
      proposedText: '取消党费收缴',
      reason: '不合理',
    });
    await decide(db, who.committee.ctx, { proposalId: pending!.id, decision: 'ACCEPT' });
    const applied = await db.article.findFirstOrThrow({
      where: { versionId: draft.id, key: hb.articles[0]!.key },
    });
    expect(applied.when).toBe('每季度至少召开一次，施工高峰期可顺延一个月');
    expect((await db.handbookVersion.findUniqueOrThrow({ where: { id: draft.id } })).changeSummary).toContain(
      pending!.id.slice(0, 8),
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: hb.articles[0]!.id } })).when).not.toContain(
      '顺延',
    );
    await expect(
      decide(db, who.committee.ctx, { proposalId: pending!.id, decision: 'REJECT', note: '再议' }),
    ).rejects.toThrow('revisions.errors.decided');
    await decide(db, who.committee.ctx, { proposalId: bad.id, decision: 'REJECT', note: '与党章规定不符' });
    const third = await propose(db, who.secretary.ctx, {
      articleId: hb.articles[0]!.id,
      field: 'how',
      proposedText: '补充线上会议方式',
      reason: '分散工区',
    });
    await decide(db, who.committee.ctx, { proposalId: other.id, decision: 'MERGE', mergeIntoId: third.id });
    expect(await db.revisionProposal.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: 'MERGED',
      mergedIntoId: third.id,
    });

    const report = (await impactReportFor(who.committee.subject))!;
    const row = report.rows.find((r) => r.number === hb.articles[0]!.number)!;
    expect(row.fields).toEqual(['when']);
    expect(row.actions).toHaveLength(
      await db.prescribedAction.count({ where: { articleId: hb.articles[0]!.id } }),
    );
    expect(row.criteria).toEqual(['C1.1 三会一课按时召开']);
    expect(report.rows.some((r) => r.number === hb.articles[1]!.number)).toBe(false);
    await expect(impactReportFor(who.secretary.subject)).rejects.toThrow('errors.forbidden');
    await db.$executeRaw`DELETE FROM "HandbookVersion" WHERE id = ${draft.id}::uuid`;
  });
});

describe('learning focus from common problems', () => {
  it('stores the articles by key, marks the exam focus and publishes it to the company with receipts', async () => {
    const r = await createLearningFocus(db, who.committee.ctx, {
      periodKey: '2027-Q1',
      sourceQuarter: '2026-Q4',
      title: '2027年一季度重点学习内容',
      body: '围绕“三会一课”和党费收缴。',
      articleIds: [hb.articles[0]!.id],
      examFocus: true,
      publish: true,
    });
    expect(r.announcementId).not.toBeNull();
    expect(await examFocusKeys(db, '2027-Q1')).toEqual([hb.articles[0]!.key]);
    expect(
      await db.announcementRecipient.count({ where: { announcementId: r.announcementId! } }),
    ).toBeGreaterThan(0);
    await expect(
      createLearningFocus(db, who.secretary.ctx, {
        periodKey: '2027-Q1',
        title: '越权',
        body: '越权',
        articleIds: [hb.articles[0]!.id],
        examFocus: false,
        publish: false,
      }),
    ).rejects.toThrow('errors.forbidden');
  });
});
