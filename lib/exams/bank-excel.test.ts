import { describe, expect, it } from 'vitest';
import { BANK_HEAD, workbook } from '../../tests/fixtures/workbook';
import { bankTemplate, exportBank, parseBank, type BankRow } from './bank-excel';

const sheet = (rows: (string | number | boolean | null)[][], head: readonly string[] = BANK_HEAD) =>
  workbook('题库', head, rows);
const keysOf = (errors: string[]) => errors.map((e) => e.split('|')[0]);

describe('question bank sheets', () => {
  it('parses the template back: two valid rows on the example article', async () => {
    const { rows, fileError } = await parseBank(await bankTemplate(7));
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => [r.row, r.errors, r.data?.type, r.data?.answer, r.data?.articleNumbers])).toEqual([
      [2, [], 'MULTIPLE', ['A', 'C', 'D'], [7]],
      [3, [], 'BLANK', ['3', '三'], [7]],
    ]);
  });

  it('round-trips an export of every type, options up to H included', async () => {
    const key = '6f1c1f2e-8a51-4a59-9d7e-2b0c7d4f3a10';
    const questions: BankRow[] = [
      {
        key,
        type: 'SINGLE',
        stem: '单选题干',
        options: 'ABCDEFGH'.split('').map((id) => ({ id, text: `选项${id}` })),
        answer: ['H'],
        points: 1.5,
        difficulty: 3,
        articleNumbers: [2, 5],
        tags: ['党费', '台账'],
      },
      {
        key: null,
        type: 'MULTIPLE',
        stem: '多选题干',
        options: [
          { id: 'A', text: '甲' },
          { id: 'B', text: '乙' },
          { id: 'C', text: '丙' },
        ],
        answer: ['A', 'C'],
        points: 2,
        difficulty: 2,
        articleNumbers: [1],
        tags: [],
      },
      {
        key: null,
        type: 'JUDGE',
        stem: '判断题干',
        options: [],
        answer: [false],
        points: 1,
        difficulty: 1,
        articleNumbers: [1],
        tags: [],
      },
      {
        key: null,
        type: 'BLANK',
        stem: '填空题干',
        options: [],
        answer: ['三', '3'],
        points: 2,
        difficulty: 2,
        articleNumbers: [1],
        tags: [],
      },
      {
        key: null,
        type: 'SHORT',
        stem: '简答题干',
        options: [],
        answer: ['参考答案：一、二、三'],
        points: 6,
        difficulty: 2,
        articleNumbers: [3],
        tags: [],
      },
    ];
    const { rows } = await parseBank(await exportBank(questions));
    expect(rows.map((r) => r.errors)).toEqual(questions.map(() => []));
    expect(rows.map((r) => r.data)).toEqual(questions);
  });

  it('reads the answer forms people type', async () => {
    const { rows } = await parseBank(
      await sheet([
        ['单选题', '全角字母作答的单选', '甲', '乙', null, 'ｂ', null, null, '第3条', null, null],
        ['多选', '逗号分隔的多选题', '甲', '乙', '丙', 'c, a', null, null, '1、2,3', '甲、乙', null],
        ['判断', '布尔单元格的判断题', null, null, null, true, null, null, '1', null, null],
        ['填空', '分号分隔的填空题', null, null, null, '三；3 | 叁', null, null, '1', null, null],
      ]),
    );
    expect(rows.map((r) => [r.errors, r.data?.answer])).toEqual([
      [[], ['B']],
      [[], ['A', 'C']],
      [[], [true]],
      [[], ['三', '3', '叁']],
    ]);
    expect(rows[0]!.data).toMatchObject({ type: 'SINGLE', points: 2, difficulty: 2, articleNumbers: [3] });
    expect(rows[1]!.data).toMatchObject({ articleNumbers: [1, 2, 3], tags: ['甲', '乙'] });
  });

  it('reports each bad row with its row number', async () => {
    const { rows } = await parseBank(
      await sheet([
        ['单选', '没有正确选项的单选题', '甲', '乙', null, null, 2, 1, '1', null, null],
        ['问答', '题型不对的题目', null, null, null, '答', 2, 1, '1', null, null],
        ['单选', '选项中间空了一个', '甲', null, '丙', 'A', 2, 1, '1', null, null],
        ['判断', '判断题答案写成了是', null, null, null, '也许', 2, 1, '1', null, null],
        ['填空', '填空题不该有选项', '甲', null, null, '答', 2, 1, '1', null, null],
        ['单选', '条款编号写错了的题', '甲', '乙', null, 'A', 2, 1, '一点二', null, null],
        ['单选', '分值过大的单选题', '甲', '乙', null, 'A', 80, 1, '1', null, null],
        ['单选', '<b>带标记</b>的题干', '甲', '乙', null, 'A', 2, 1, '1', null, null],
        ['单选', '两个答案的单选题', '甲', '乙', null, 'AB', 2, 1, '1', null, null],
        ['单选', '没有条款的单选题', '甲', '乙', null, 'A', 2, 1, null, null, null],
        ['单选', '题目编号不对的单选题', '甲', '乙', null, 'A', 2, 1, '1', null, 'abc'],
      ]),
    );
    expect(Object.fromEntries(rows.map((r) => [r.row, keysOf(r.errors)]))).toEqual({
      2: ['exams.errors.noCorrect'],
      3: ['bank.import.errors.badType'],
      4: ['exams.errors.options'],
      5: ['bank.import.errors.badJudge'],
      6: ['bank.import.errors.optionsNotAllowed'],
      7: ['bank.import.errors.badArticle'],
      8: ['bank.import.errors.field'],
      9: ['bank.import.errors.field'],
      10: ['exams.errors.singleOne'],
      11: ['exams.errors.articles'],
      12: ['bank.import.errors.badKey'],
    });
    expect(rows.every((r) => r.data === undefined)).toBe(true);
    expect(rows[6]!.errors[0]).toBe(
      'bank.import.errors.field|{"column":"分值","problem":"validation.invalid"}',
    );
    expect(rows[7]!.errors[0]).toBe(
      'bank.import.errors.field|{"column":"题干","problem":"validation.noMarkup"}',
    );
  });

  it('refuses a sheet without the required columns, and a file that is not a workbook', async () => {
    expect((await parseBank(await sheet([['x']], ['题干']))).fileError).toBe(
      'bank.import.errors.missingColumns|{"columns":"题型、答案、条款编号"}',
    );
    expect((await parseBank(await sheet([]))).fileError).toBe('bank.import.errors.empty');
    expect((await parseBank(Buffer.from('PK\u0003\u0004 not really a zip'))).fileError).toBe(
      'bank.import.errors.unreadable',
    );
  });
});
