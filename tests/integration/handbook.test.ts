import { beforeEach, describe, expect, it } from 'vitest';
import { updateArticle } from '../../lib/handbook/mutations/articles';
import { createDraft, publishVersion } from '../../lib/handbook/mutations/versions';
import { searchArticles } from '../../lib/handbook/queries';
import { ZUpdateArticle } from '../../lib/handbook/schema';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeUser } from '../fixtures/factories';
import { testDb } from '../fixtures/db';

const db = testDb();

// The handbook belongs to the company root (the oldest root organization).
async function people() {
  const root =
    (await db.organization.findFirst({ where: { parentId: null }, orderBy: { createdAt: 'asc' } })) ??
    (await makeOrg(db, null, 'COMMITTEE', '测试公司党委'));
  const rootRef = {
    id: root.id,
    name: root.name,
    path: root.path,
    depth: root.depth,
    type: 'COMMITTEE' as const,
  };
  const branch = await makeOrg(db, rootRef, 'BRANCH');
  return {
    committee: await makeUser(db, 'COMMITTEE', rootRef),
    secretary: await makeUser(db, 'SECRETARY', branch),
  };
}

let hb: TestHandbook;
let who: Awaited<ReturnType<typeof people>>;
beforeEach(async () => {
  hb = await makePublishedHandbook(db);
  who = await people();
});

const edit = (id: string, lockVersion: number, what: string) =>
  ZUpdateArticle.parse({
    id,
    lockVersion,
    title: '党费收缴、使用和管理',
    what,
    who: '支部书记',
    how: '按月收缴',
    when: '每月',
    standard: '足额',
    orgTypes: ['BRANCH'],
    tags: ['党费'],
  });

describe('handbook versions', () => {
  it('a draft copies the published version with the same keys; publishing supersedes the old one', async () => {
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const copied = await db.article.findMany({ where: { versionId: draft.id }, orderBy: { number: 'asc' } });
    expect(copied.map((a) => a.key)).toEqual(hb.articles.map((a) => a.key));
    expect(await db.prescribedAction.count({ where: { versionId: draft.id } })).toBe(1);
    expect(
      await db.criterionArticle.count({
        where: { criterion: { category: { standard: { versionId: draft.id } } } },
      }),
    ).toBe(2);

    await updateArticle(db, who.committee.ctx, edit(copied[1]!.id, 0, '按月收缴党费，每月10日前完成。'));
    await publishVersion(db, who.committee.ctx, { versionId: draft.id, changeSummary: '明确党费收缴时限' });
    const versions = await db.handbookVersion.findMany({ where: { id: { in: [hb.version.id, draft.id] } } });
    expect(Object.fromEntries(versions.map((v) => [v.label, v.status]))).toEqual({
      '2025版': 'SUPERSEDED',
      '2026版': 'PUBLISHED',
    });
    // The old version stays readable and unchanged.
    expect((await db.article.findUniqueOrThrow({ where: { id: hb.articles[1]!.id } })).what).toBe(
      '按月收缴党费，党费收缴台账逐月登记，党费按规定使用。',
    );
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: 'handbook.publish' } })).toBe(1);
  });

  it('published and superseded versions are frozen: no edit path reaches them', async () => {
    await expect(updateArticle(db, who.committee.ctx, edit(hb.articles[1]!.id, 0, '偷改'))).rejects.toThrow(
      'handbook.errors.frozen',
    );
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    await publishVersion(db, who.committee.ctx, { versionId: draft.id });
    await expect(publishVersion(db, who.committee.ctx, { versionId: draft.id })).rejects.toThrow(
      'handbook.errors.frozen',
    );
    await expect(updateArticle(db, who.committee.ctx, edit(hb.articles[1]!.id, 0, '偷改'))).rejects.toThrow(
      'handbook.errors.frozen',
    );
  });

  it('refuses publishing while an article lacks an answer, naming it', async () => {
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const a = await db.article.findFirstOrThrow({ where: { versionId: draft.id, number: 3 } });
    await db.article.update({ where: { id: a.id }, data: { who: '  ' } });
    await expect(publishVersion(db, who.committee.ctx, { versionId: draft.id })).rejects.toMatchObject({
      key: 'handbook.errors.incomplete',
      params: { count: 1, numbers: '3' },
    });
    expect((await db.handbookVersion.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');
  });

  it('refuses a standard that does not sum to 100, with the exact difference', async () => {
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    await db.scoringCriterion.updateMany({
      where: { category: { standard: { versionId: draft.id } }, code: 'C1.2' },
      data: { maxPoints: 37.5 },
    });
    await expect(publishVersion(db, who.committee.ctx, { versionId: draft.id })).rejects.toMatchObject({
      key: 'handbook.errors.sumMismatch',
      params: { sum: 97.5, total: 100, difference: -2.5 },
    });
  });

  it('two editors of the same draft article: the second is told, not silently overwritten', async () => {
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const a = await db.article.findFirstOrThrow({ where: { versionId: draft.id, number: 2 } });
    const other = await makeUser(
      db,
      'COMMITTEE',
      (await db.organization.findUniqueOrThrow({
        where: { id: who.committee.subject.grants[0]!.orgId },
      })) as never,
    );
    await updateArticle(db, who.committee.ctx, edit(a.id, 0, '甲的修改'));
    await expect(updateArticle(db, other.ctx, edit(a.id, 0, '乙的修改'))).rejects.toThrow(
      'handbook.errors.conflict',
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).what).toBe('甲的修改');
  });

  it('only the committee edits: a secretary is refused and nothing changes', async () => {
    await expect(createDraft(db, who.secretary.ctx, { label: '2026版' })).rejects.toThrow('errors.forbidden');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const a = await db.article.findFirstOrThrow({ where: { versionId: draft.id, number: 2 } });
    await expect(updateArticle(db, who.secretary.ctx, edit(a.id, 0, '越权'))).rejects.toThrow(
      'errors.forbidden',
    );
    await expect(publishVersion(db, who.secretary.ctx, { versionId: draft.id })).rejects.toThrow(
      'errors.forbidden',
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).lockVersion).toBe(0);
  });

  it('one draft at a time', async () => {
    await createDraft(db, who.committee.ctx, { label: '2026版' });
    await expect(createDraft(db, who.committee.ctx, { label: '2027版' })).rejects.toThrow(
      'handbook.errors.draftExists',
    );
  });
});

describe('Chinese search', () => {
  it('党费 finds the 党费 article first, then the one that mentions it', async () => {
    const { hits } = await searchArticles(hb.version.id, '党费');
    expect(hits.map((h) => h.number)).toEqual([2, 3]);
    expect(hits[0]!.snippet).toContain('党费');
  });
  it('三会一课 finds its article; nonsense finds nothing', async () => {
    expect((await searchArticles(hb.version.id, '三会一课')).hits.map((h) => h.number)).toEqual([1]);
    expect((await searchArticles(hb.version.id, '量子计算')).hits).toEqual([]);
    expect((await searchArticles(hb.version.id, '   ')).hits).toEqual([]);
  });
});

describe('templates on draft articles', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
  it('uploads to a draft article, refuses bad types, big files and frozen versions', async () => {
    const { addAttachment, MAX_ATTACHMENT_BYTES } = await import('../../lib/handbook/mutations/attachments');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const a = await db.article.findFirstOrThrow({ where: { versionId: draft.id, number: 3 } });
    const row = await addAttachment(db, who.committee.ctx, {
      articleId: a.id,
      kind: 'TEMPLATE',
      title: '花名册',
      fileName: '花名册.pdf',
      bytes: pdf,
    });
    expect(row).toMatchObject({ mimeType: 'application/pdf', size: pdf.length });
    const upload = (fileName: string, bytes: Buffer, articleId = a.id) => ({
      articleId,
      kind: 'TEMPLATE' as const,
      title: 'x',
      fileName,
      bytes,
    });
    await expect(
      addAttachment(db, who.committee.ctx, upload('x.html', Buffer.from('<script>'))),
    ).rejects.toThrow('handbook.errors.fileType');
    await expect(
      addAttachment(db, who.committee.ctx, upload('x.pdf', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1))),
    ).rejects.toThrow('handbook.errors.fileTooLarge');
    await expect(addAttachment(db, who.secretary.ctx, upload('x.pdf', pdf))).rejects.toThrow(
      'errors.forbidden',
    );
    // The published version's articles are frozen.
    await expect(
      addAttachment(db, who.committee.ctx, upload('x.pdf', pdf, hb.articles[0]!.id)),
    ).rejects.toThrow('handbook.errors.frozen');
    expect(await db.articleAttachment.count({ where: { articleId: a.id } })).toBe(1);
  });
});

describe('prescribed actions and the scoring standard of the draft', () => {
  it('adds, edits and deletes an action; codes are unique; event actions are due after their event', async () => {
    const { createAction, updateAction, deleteAction } =
      await import('../../lib/handbook/mutations/prescribed-actions');
    const { ZCreateAction } = await import('../../lib/handbook/schema');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const a = await db.article.findFirstOrThrow({ where: { versionId: draft.id, number: 1 } });
    const input = ZCreateAction.parse({
      articleId: a.id,
      code: 'A-01-9',
      title: '每月通报',
      frequency: 'MONTH',
      dueKind: 'WORKDAY_OF_PERIOD',
      dueN: 5,
      responsibleRole: 'SECRETARY',
      orgTypes: ['BRANCH'],
    });
    const { id } = await createAction(db, who.committee.ctx, input);
    await expect(createAction(db, who.committee.ctx, input)).rejects.toThrow('handbook.errors.codeTaken');
    expect(ZCreateAction.safeParse({ ...input, frequency: 'EVENT' }).error?.issues[0]?.message).toBe(
      'handbook.errors.dueKindMismatch',
    );
    await updateAction(db, who.committee.ctx, {
      ...input,
      id,
      title: '每月通报一次',
      articleId: undefined,
    } as never);
    expect((await db.prescribedAction.findUniqueOrThrow({ where: { id } })).dueRule).toEqual({
      kind: 'WORKDAY_OF_PERIOD',
      n: 5,
    });
    await expect(deleteAction(db, who.secretary.ctx, { id })).rejects.toThrow('errors.forbidden');
    await deleteAction(db, who.committee.ctx, { id });
    expect(await db.prescribedAction.count({ where: { id } })).toBe(0);
    const published = await db.prescribedAction.findFirstOrThrow({ where: { versionId: hb.version.id } });
    await expect(deleteAction(db, who.committee.ctx, { id: published.id })).rejects.toThrow(
      'handbook.errors.frozen',
    );
  });

  it('criteria cite existing articles; the total shows up at publishing', async () => {
    const { createCriterion, updateCriterion } = await import('../../lib/handbook/mutations/standard');
    const { ZCreateCriterion, ZUpdateCriterion } = await import('../../lib/handbook/schema');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const cat = await db.scoringCategory.findFirstOrThrow({ where: { standard: { versionId: draft.id } } });
    const bad = ZCreateCriterion.parse({
      categoryId: cat.id,
      code: 'C1.3',
      title: '花名册准确',
      maxPoints: 5,
      unitDeduction: 1,
      deductionRule: '每错一人扣1分',
      articleNumbers: '3, 99',
    });
    await expect(createCriterion(db, who.committee.ctx, bad)).rejects.toMatchObject({
      key: 'handbook.errors.unknownArticles',
      params: { numbers: '99' },
    });
    const { id } = await createCriterion(db, who.committee.ctx, { ...bad, articleNumbers: '3' });
    expect(await db.criterionArticle.count({ where: { criterionId: id } })).toBe(1);
    await expect(publishVersion(db, who.committee.ctx, { versionId: draft.id })).rejects.toMatchObject({
      key: 'handbook.errors.sumMismatch',
      params: { difference: 5 },
    });
    const c12 = await db.scoringCriterion.findFirstOrThrow({ where: { categoryId: cat.id, code: 'C1.2' } });
    await updateCriterion(
      db,
      who.committee.ctx,
      ZUpdateCriterion.parse({
        id: c12.id,
        code: 'C1.2',
        title: c12.title,
        maxPoints: 35,
        unitDeduction: 5,
        cap: 20,
        deductionRule: c12.deductionRule,
        articleNumbers: '2',
      }),
    );
    expect((await publishVersion(db, who.committee.ctx, { versionId: draft.id })).status).toBe('PUBLISHED');
  });

  it('the bonus cap is the committee’s on a draft, kept by an import, frozen once published', async () => {
    const { setBonusCap } = await import('../../lib/handbook/mutations/standard');
    const { bookData } = await import('../../lib/handbook/export');
    const { buildWorkbook } = await import('../../lib/handbook/excel');
    const { importIntoDraft } = await import('../../lib/handbook/mutations/import');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    await expect(setBonusCap(db, who.secretary.ctx, { versionId: draft.id, bonusCap: 5 })).rejects.toThrow(
      'errors.forbidden',
    );
    await setBonusCap(db, who.committee.ctx, { versionId: draft.id, bonusCap: 5 });
    await importIntoDraft(db, who.committee.ctx, await buildWorkbook(await bookData(db, hb.version.id)));
    expect((await db.scoringStandard.findUniqueOrThrow({ where: { versionId: draft.id } })).bonusCap).toBe(5);
    await expect(
      setBonusCap(db, who.committee.ctx, { versionId: hb.version.id, bonusCap: 3 }),
    ).rejects.toThrow('handbook.errors.frozen');
  });
});

describe('Excel import of a draft (all or nothing) and export', () => {
  it('exports a version, and imports it into the draft keeping keys and templates', async () => {
    const { bookData } = await import('../../lib/handbook/export');
    const { buildWorkbook } = await import('../../lib/handbook/excel');
    const { importIntoDraft } = await import('../../lib/handbook/mutations/import');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const data = await bookData(db, hb.version.id);
    data.articles[2]!.title = '党员花名册（修订）';
    data.articles.push({ ...data.articles[2]!, number: 4, title: '新增条文', tags: [] });
    const r = await importIntoDraft(db, who.committee.ctx, await buildWorkbook(data));
    expect(r).toEqual({ ok: true, articles: 4, actions: 1, criteria: 2 });
    const after = await db.article.findMany({ where: { versionId: draft.id }, orderBy: { number: 'asc' } });
    expect(after.map((a) => a.title)).toEqual([
      '三会一课制度',
      '党费收缴、使用和管理',
      '党员花名册（修订）',
      '新增条文',
    ]);
    expect(after.slice(0, 3).map((a) => a.key)).toEqual(hb.articles.map((a) => a.key));
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: 'handbook.import' } })).toBe(1);
  });

  it('a workbook with bad rows imports nothing and names every sheet, row and column', async () => {
    const { bookData } = await import('../../lib/handbook/export');
    const { buildWorkbook } = await import('../../lib/handbook/excel');
    const { importIntoDraft } = await import('../../lib/handbook/mutations/import');
    const draft = await createDraft(db, who.committee.ctx, { label: '2026版' });
    const data = await bookData(db, hb.version.id);
    data.articles[1]!.number = 1; // duplicate number
    data.articles[2]!.orgTypes = ['俱乐部' as never];
    data.actions[0]!.articleNumber = 9; // no such article
    data.criteria[0]!.maxPoints = 100.25;
    const before = await db.article.findMany({ where: { versionId: draft.id }, select: { id: true } });
    const r = await importIntoDraft(db, who.committee.ctx, await buildWorkbook(data));
    expect(r.ok).toBe(false);
    const where = (
      r as { errors: { sheet: string; row: number; column: string; message: string }[] }
    ).errors.map((e) => `${e.sheet}:${e.row}:${e.column}:${e.message.split('|')[0]}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '条文:3:条文编号:handbookImport.errors.duplicate',
        '条文:4:适用组织:validation.required',
        '规定动作:2:条文编号:handbookImport.errors.noSuchArticle',
        '考核标准:2:分值:handbookImport.errors.points',
      ]),
    );
    expect(await db.article.findMany({ where: { versionId: draft.id }, select: { id: true } })).toEqual(
      before,
    );
  });
});

describe('grade bands', () => {
  it('the committee sets them, in descending order; others are refused', async () => {
    const { gradeBands, setGradeBands } = await import('../../lib/handbook/mutations/grades');
    const { ZGradeBands } = await import('../../lib/handbook/schema');
    expect(ZGradeBands.safeParse({ excellent: 80, good: 85, pass: 60 }).error?.issues[0]?.message).toBe(
      'handbook.errors.bandsOrder',
    );
    await expect(setGradeBands(db, who.secretary.ctx, { excellent: 95, good: 85, pass: 70 })).rejects.toThrow(
      'errors.forbidden',
    );
    await setGradeBands(db, who.committee.ctx, { excellent: 95, good: 85, pass: 70 });
    expect(await gradeBands(db)).toEqual([
      { code: 'EXCELLENT', minScore: 95 },
      { code: 'GOOD', minScore: 85 },
      { code: 'PASS', minScore: 70 },
      { code: 'FAIL', minScore: 0 },
    ]);
    await setGradeBands(db, who.committee.ctx, { excellent: 90, good: 80, pass: 60 });
  });
});

describe('the standard a period is judged by', () => {
  it('is the version in force on the period’s last day: an older quarter keeps its own after a new one takes effect', async () => {
    const { standardIdForPeriod } = await import('../../lib/handbook/in-force');
    class Rollback extends Error {}
    // In one transaction rolled back at the end, so no other file sees these versions or the published one set aside.
    await db
      .$transaction(async (tx) => {
        await tx.handbookVersion.updateMany({
          where: { status: 'PUBLISHED' },
          data: { status: 'SUPERSEDED' },
        });
        const version = async (label: string, status: 'PUBLISHED' | 'SUPERSEDED', effective: string) =>
          (
            await tx.handbookVersion.create({
              data: {
                label,
                status,
                effectiveDate: new Date(`${effective}T00:00:00Z`),
                standard: { create: { title: `${label}考核标准` } },
              },
              select: { standard: { select: { id: true } } },
            })
          ).standard!.id;
        const s2024 = await version('在用测试2024版', 'SUPERSEDED', '2024-03-01');
        const s2025 = await version('在用测试2025版', 'SUPERSEDED', '2025-06-01');
        const s2026 = await version('在用测试2026版', 'PUBLISHED', '2026-01-01');
        expect(await standardIdForPeriod('2026-Q1', tx)).toBe(s2026);
        expect(await standardIdForPeriod('2026', tx)).toBe(s2026);
        expect(await standardIdForPeriod('2025-Q4', tx)).toBe(s2025);
        expect(await standardIdForPeriod('2025', tx)).toBe(s2025);
        expect(await standardIdForPeriod('2024-Q2', tx)).toBe(s2024);
        // Before any version took effect: the published one (nothing else to judge by).
        expect(await standardIdForPeriod('2023-Q1', tx)).toBe(s2026);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });
});
