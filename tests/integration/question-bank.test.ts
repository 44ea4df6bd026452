import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bankTemplate, exportBank, parseBank, type BankRow } from '../../lib/exams/bank-excel';
import { createQuestion } from '../../lib/exams/mutations/bank';
import { exportCurrentBank, importQuestions, questionContent } from '../../lib/exams/mutations/bank-import';
import { companyRootFor, makeOrg, makeUser, type TestUser } from '../fixtures/factories';
import { question } from '../fixtures/exams';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { BANK_HEAD, workbook } from '../fixtures/workbook';
import { testDb } from '../fixtures/db';

const db = testDb();

// Stems carry this run's mark, so rows of other test files never collide with (or count as) ours.
const mark = `（${randomUUID().slice(0, 6)}）`;
type Cell = string | number | null;
const row = (
  type: string,
  stem: string,
  options: Cell[],
  answer: string,
  articles: string,
  extra: { tags?: string; key?: string } = {},
): Cell[] => [
  type,
  `${stem}${mark}`,
  options[0] ?? null,
  options[1] ?? null,
  options[2] ?? null,
  answer,
  2,
  2,
  articles,
  extra.tags ?? null,
  extra.key ?? null,
];
const sheet = (rows: Cell[][]) => workbook('题库', BANK_HEAD, rows);
const errorsOf = (r: Awaited<ReturnType<typeof importQuestions>>) =>
  r.ok ? {} : Object.fromEntries(r.rows.map((x) => [x.row, x.messages.map((m) => m.split('|')[0])]));
const ours = () => db.question.findMany({ where: { stem: { endsWith: mark } }, orderBy: { stem: 'asc' } });
const counts = async () => ({ questions: await db.question.count(), traces: await db.auditEvent.count() });

let hb: TestHandbook;
let u: Record<'committee' | 'secretary' | 'member', TestUser>;
// makePublishedHandbook numbers its three articles 1–3 (the it.each table is built before beforeAll runs).
const [n1, n2, n3] = ['1', '2', '3'];

beforeAll(async () => {
  const rootRef = await companyRootFor(db);
  const branch = await makeOrg(db, rootRef, 'BRANCH');
  u = {
    committee: await makeUser(db, 'COMMITTEE', rootRef),
    secretary: await makeUser(db, 'SECRETARY', branch),
    member: await makeUser(db, 'MEMBER', branch),
  };
  hb = await makePublishedHandbook(db, `题库测试${mark}`);
});

describe('question bank import (all or nothing)', () => {
  it('the template parses back into valid rows', async () => {
    const { rows, fileError } = await parseBank(await bankTemplate(hb.articles[0]!.number));
    expect(fileError).toBeUndefined();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.errors.length === 0 && r.data)).toBe(true);
  });

  it('a good file creates every row, articles resolved by number, one trace per question', async () => {
    const r = await importQuestions(
      db,
      u.committee.ctx,
      await sheet([
        row('单选', '支部党员大会一般每季度召开几次', ['1次', '2次', '3次'], 'A', n1, { tags: '三会一课' }),
        row(
          '多选',
          '党费收缴台账应记录哪些内容',
          ['交纳基数', '交纳金额', '个人爱好'],
          'AB',
          `${n2}、${n3}`,
          { tags: '党费、台账' },
        ),
        row('判断', '党费可以由他人代缴而无需本人知情', [], '错', n2),
        row('填空', '党支部委员会每届任期为几年', [], '3|三', n1),
        row('简答', '简述支部委员会会议的基本程序', [], '确定议题、通知、召开、记录', n1),
      ]),
    );
    expect(r).toEqual({ ok: true, created: 5, updated: 0, unchanged: 0 });
    const qs = await ours();
    expect(qs).toHaveLength(5);
    const multi = qs.find((q) => q.type === 'MULTIPLE')!;
    expect(multi).toMatchObject({
      answer: ['A', 'B'],
      articleKeys: [hb.articles[1]!.key, hb.articles[2]!.key],
      tags: ['党费', '台账'],
      version: 1,
      current: true,
    });
    expect(qs.find((q) => q.type === 'JUDGE')!.answer).toEqual([false]);
    const traces = await db.auditEvent.findMany({
      where: { action: 'exams.question.create', entityId: { in: qs.map((q) => q.id) } },
    });
    expect(traces).toHaveLength(5);
    expect(
      traces.every((t) => (t.after as { via?: string }).via === 'import' && t.actorId === u.committee.id),
    ).toBe(true);
  });

  it.each([
    [
      'no correct option',
      row('单选', '没有正确选项的单选题', ['甲', '乙'], '', n1),
      'exams.errors.noCorrect',
    ],
    [
      'an article number the handbook lacks',
      row('判断', '条款编号不存在的判断题', [], '对', '999'),
      'bank.import.errors.unknownArticle',
    ],
    [
      'the same stem as row 2, spaced and full-width differently',
      ['判断', `  党员应当按期交纳党费ＡＢ   必须${mark} `, null, null, null, '对', 2, 2, n1, null, null],
      'bank.import.errors.duplicateInFile',
    ],
    [
      'a question already in the bank',
      row('判断', '党费可以由他人代缴而无需本人知情', [], '对', n1),
      'bank.import.errors.duplicateInBank',
    ],
    [
      'a key the bank does not hold',
      row('判断', '题目编号不存在的判断题', [], '对', n1, { key: randomUUID() }),
      'bank.import.errors.unknownKey',
    ],
  ])('one bad row (%s) imports nothing and names row 3', async (_, bad, key) => {
    const before = await counts();
    const r = await importQuestions(
      db,
      u.committee.ctx,
      await sheet([row('判断', '党员应当按期交纳党费AB 必须', [], '对', n1), bad]),
    );
    expect(errorsOf(r)).toEqual({ 3: [key] });
    expect(r).toMatchObject({ ok: false, total: 2 });
    expect(await counts()).toEqual(before);
  });

  it('a member or a secretary is refused outright, for import and for a new question', async () => {
    const before = await counts();
    const file = await sheet([row('判断', '越权导入的判断题', [], '对', n1)]);
    for (const who of [u.member, u.secretary]) {
      await expect(importQuestions(db, who.ctx, file)).rejects.toThrow('errors.forbidden');
      await expect(
        createQuestion(db, who.ctx, question(`越权新增的判断题${mark}`, [hb.articles[0]!.key])),
      ).rejects.toThrow('errors.forbidden');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('question bank export', () => {
  it('round-trips: the export parses back into the same questions, with their keys', async () => {
    const { rows, fileError } = await parseBank(await exportCurrentBank(db));
    expect(fileError).toBeUndefined();
    const keyOf = new Map(hb.articles.map((a) => [a.number, a.key]));
    const parsed = rows.filter((r) => r.stem.endsWith(mark)).map((r) => r.data!);
    const asStored = parsed.map(({ articleNumbers, ...q }) => ({
      ...q,
      articleKeys: articleNumbers.map((n) => keyOf.get(n)),
    }));
    const qs = await ours();
    expect(asStored.sort((a, b) => a.stem.localeCompare(b.stem))).toEqual(
      qs.map((q) => ({ key: q.key, ...questionContent(q) })).sort((a, b) => a.stem.localeCompare(b.stem)),
    );
  });

  it('re-imported with one question changed: that one is updated (a new version if an exam used it), the rest unchanged', async () => {
    const qs = await ours();
    const used = qs.find((q) => q.type === 'SINGLE')!;
    const exam = await db.exam.create({
      data: {
        title: '题库测试',
        rules: {},
        opensAt: new Date(),
        closesAt: new Date(Date.now() + 3_600_000),
        durationMin: 10,
        passMark: 60,
        orgIds: [],
        roles: [],
        orgPath: '/',
        createdById: u.committee.id,
      },
    });
    await db.examAttempt.create({
      data: {
        examId: exam.id,
        userId: u.member.id,
        seed: 'bank',
        questionIds: [used.id],
        deadline: new Date(Date.now() + 600_000),
        maxScore: 2,
      },
    });
    const { rows } = await parseBank(await exportCurrentBank(db));
    const mine: BankRow[] = rows.filter((r) => r.stem.endsWith(mark)).map((r) => r.data!);
    const edited = mine.map((q) =>
      q.key === used.key ? { ...q, stem: `${q.stem.replace(mark, '')}（修订）${mark}`, points: 3 } : q,
    );

    const r = await importQuestions(db, u.committee.ctx, await exportBank(edited));
    expect(r).toEqual({ ok: true, created: 0, updated: 1, unchanged: 4 });
    expect(await db.question.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({
      current: false,
      stem: used.stem,
      version: 1,
    });
    const next = await db.question.findFirstOrThrow({ where: { key: used.key, current: true } });
    expect(next).toMatchObject({ version: 2, points: 3 });
    expect(next.stem).toContain('（修订）');
    expect(await db.auditEvent.count({ where: { action: 'exams.question.edit', entityId: next.id } })).toBe(
      1,
    );
    expect(await db.question.count({ where: { stem: { endsWith: mark }, current: true } })).toBe(5);
  });
});
