/**
 * The question bank as an Excel sheet (exceljs): the template, the export and the parsing of an
 * upload. Pure: articles are named by their number in the published handbook and resolved to their
 * stable keys by the import (bank-import.ts). Options run A–H like the bank itself, so an export of
 * any question parses back whole.
 */
import ExcelJS from 'exceljs';
import { msg } from '../i18n/message';
import { readColumns } from '../excel/read';
import { addHelpSheet, sheetWithHeader } from '../excel/sheet';
import { questionProblem, QUESTION_TYPES, type QuestionType } from './rules';
import { ZQuestion, type TQuestion } from './schema';

export const MAX_BANK_ROWS = 1000;
export const OPTION_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

const COLUMNS = [
  { key: 'type', header: '题型', width: 8 },
  { key: 'stem', header: '题干', width: 48 },
  ...OPTION_IDS.map((id) => ({ key: `option${id}`, header: `选项${id}`, width: 16 })),
  { key: 'answer', header: '答案', width: 16 },
  { key: 'points', header: '分值', width: 8 },
  { key: 'difficulty', header: '难度', width: 8 },
  { key: 'articles', header: '条款编号', width: 12 },
  { key: 'tags', header: '标签', width: 16 },
  { key: 'key', header: '题目编号', width: 38 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];
const REQUIRED: Key[] = ['type', 'stem', 'answer', 'articles'];
const header = (k: string) => COLUMNS.find((c) => c.key === k)?.header ?? '';

export const TYPE_LABELS: Record<QuestionType, string> = {
  SINGLE: '单选',
  MULTIPLE: '多选',
  JUDGE: '判断',
  BLANK: '填空',
  SHORT: '简答',
};
const TYPE_BY_LABEL = new Map<string, QuestionType>(
  QUESTION_TYPES.flatMap((t) => [
    [TYPE_LABELS[t], t],
    [`${TYPE_LABELS[t]}题`, t],
  ]),
);
// Excel turns a typed TRUE/FALSE into a boolean cell, read back as "true"/"false".
const JUDGE_WORDS = new Map<string, boolean>([
  ['对', true],
  ['正确', true],
  ['√', true],
  ['true', true],
  ['错', false],
  ['错误', false],
  ['×', false],
  ['false', false],
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type BankRow = Omit<TQuestion, 'articleKeys'> & { key: string | null; articleNumbers: number[] };

export type ParsedBankRow = { row: number; stem: string; data?: BankRow; errors: string[] };

function answerText(type: QuestionType, answer: unknown[]): string {
  if (type === 'JUDGE') return answer.length ? (answer[0] === true ? '对' : '错') : '';
  return answer.map(String).join(type === 'BLANK' ? '|' : '');
}

function addRow(ws: ExcelJS.Worksheet, q: BankRow) {
  ws.addRow({
    type: TYPE_LABELS[q.type],
    stem: q.stem,
    ...Object.fromEntries(q.options.map((o) => [`option${o.id}`, o.text])),
    answer: answerText(q.type, q.answer),
    points: q.points,
    difficulty: q.difficulty,
    articles: q.articleNumbers.join('、'),
    tags: q.tags.join('、'),
    key: q.key ?? '',
  });
}

/** Header, two example rows on `exampleArticle` (a number of the published handbook) and a sheet explaining the columns. */
export async function bankTemplate(exampleArticle = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = sheetWithHeader(wb, '题库', COLUMNS);
  addRow(ws, {
    type: 'MULTIPLE',
    stem: '“三会一课”中的“三会”包括哪些？',
    key: null,
    articleNumbers: [exampleArticle],
    tags: ['三会一课'],
    points: 2,
    difficulty: 1,
    options: [
      { id: 'A', text: '支部党员大会' },
      { id: 'B', text: '职工代表大会' },
      { id: 'C', text: '支部委员会' },
      { id: 'D', text: '党小组会' },
    ],
    answer: ['A', 'C', 'D'],
  });
  addRow(ws, {
    type: 'BLANK',
    stem: '党支部委员会每届任期为____年。',
    key: null,
    articleNumbers: [exampleArticle],
    tags: [],
    points: 2,
    difficulty: 2,
    options: [],
    answer: ['3', '三'],
  });
  const types = `"${QUESTION_TYPES.map((t) => TYPE_LABELS[t]).join(',')}"`;
  for (let r = 2; r <= MAX_BANK_ROWS + 1; r += 1) {
    ws.getCell(r, 1).dataValidation = { type: 'list', allowBlank: false, formulae: [types] };
    ws.getCell(r, COLUMNS.findIndex((c) => c.key === 'difficulty') + 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"1,2,3"'],
    };
  }
  addHelpSheet(wb, { column: 14, text: 96 }, [
    ['题型', '必填：单选、多选、判断、填空、简答。'],
    [
      '题干',
      '必填，4–1000 个字符，不能含 < >。同一题型下题干相同（忽略首尾空格、连续空格和全半角差异）的题目不能重复。',
    ],
    ['选项A–选项H', '单选、多选题从选项A起连续填写，至少两个；其他题型不填。'],
    [
      '答案',
      '单选填一个字母，如“B”；多选填全部正确选项的字母，如“AC”；判断填“对”或“错”；填空填所有可接受的答案，用“|”或“；”分隔；简答填参考答案（可空，由阅卷人评分）。',
    ],
    ['分值', '可选，默认 2，大于 0、不超过 50。'],
    ['难度', '可选，1（易）、2（中，默认）或 3（难）。'],
    ['条款编号', '必填：现行手册的条款编号，如“12”；多个用“、”或“,”分隔。'],
    ['标签', '可选，多个用“、”分隔，每个不超过 20 个字。'],
    [
      '题目编号',
      '新题留空。导出的题库带有题目编号：改动后原样导入即修改该题（已被考试用过的题目生成新版本，历次考试仍按原题），未改动的行不变。',
    ],
    ['导入规则', `整表导入：任一行有错则一行都不导入，并逐行列出错误。每次最多 ${MAX_BANK_ROWS} 行。`],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportBank(rows: BankRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = sheetWithHeader(wb, '题库', COLUMNS);
  rows.forEach((q) => addRow(ws, q));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet; every row gets its problems (message keys) or its parsed question. */
export async function parseBank(
  buffer: Buffer | ArrayBuffer,
): Promise<{ rows: ParsedBankRow[]; fileError?: string }> {
  const sheet = await readColumns(buffer, COLUMNS, REQUIRED);
  if (!sheet) return { rows: [], fileError: msg('bank.import.errors.unreadable') };
  if (sheet.missing.length)
    return {
      rows: [],
      fileError: msg('bank.import.errors.missingColumns', { columns: sheet.missing.map(header).join('、') }),
    };
  const rows: ParsedBankRow[] = sheet.rows.map((r) => parseRow(r.row, r.get));
  if (rows.length === 0) return { rows, fileError: msg('bank.import.errors.empty') };
  if (rows.length > MAX_BANK_ROWS)
    return { rows: [], fileError: msg('bank.import.errors.tooManyRows', { max: MAX_BANK_ROWS }) };
  return { rows };
}

function parseAnswer(type: QuestionType, raw: string, errors: string[]): (string | boolean)[] {
  switch (type) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const letters = raw
        .normalize('NFKC')
        .toUpperCase()
        .replace(/[\s,，、;；]/g, '');
      if (!/^[A-H]*$/.test(letters)) errors.push(msg('bank.import.errors.badChoice', { value: raw }));
      return [...new Set(letters.replace(/[^A-H]/g, ''))].sort();
    }
    case 'JUDGE': {
      if (!raw) return [];
      const v = JUDGE_WORDS.get(raw.normalize('NFKC').toLowerCase());
      if (v === undefined) errors.push(msg('bank.import.errors.badJudge', { value: raw }));
      return v === undefined ? [] : [v];
    }
    case 'BLANK':
      return raw
        .split(/[|｜;；]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'SHORT':
      return raw ? [raw] : [];
  }
}

function parseRow(row: number, get: (k: Key) => string): ParsedBankRow {
  const errors: string[] = [];
  const stem = get('stem');
  const typeLabel = get('type').normalize('NFKC');
  const type = TYPE_BY_LABEL.get(typeLabel);
  if (!type) errors.push(msg('bank.import.errors.badType', { value: typeLabel || '—' }));

  const cells = OPTION_IDS.map((id) => get(`option${id}`));
  const last = cells.findLastIndex(Boolean);
  const options = cells.slice(0, last + 1).map((text, i) => ({ id: OPTION_IDS[i]!, text }));
  const choice = type === 'SINGLE' || type === 'MULTIPLE';
  if (type && !choice && options.length) errors.push(msg('bank.import.errors.optionsNotAllowed'));
  const before = errors.length;
  const answer = type ? parseAnswer(type, get('answer'), errors) : [];
  const answerRead = errors.length === before;

  const articleTokens = get('articles')
    .split(/[、,，;；\s]+/)
    .filter(Boolean);
  const articleNumbers = articleTokens.map((s) =>
    Number(/^第?(\d{1,4})条?$/.exec(s.normalize('NFKC'))?.[1] ?? NaN),
  );
  articleTokens.forEach((s, i) => {
    if (Number.isNaN(articleNumbers[i])) errors.push(msg('bank.import.errors.badArticle', { value: s }));
  });
  if (articleTokens.length === 0) errors.push(msg('exams.errors.articles'));

  const key = get('key').normalize('NFKC').toLowerCase();
  if (key && !UUID.test(key)) errors.push(msg('bank.import.errors.badKey', { value: key }));

  const num = (k: Key, fallback: number) => (get(k) ? Number(get(k).normalize('NFKC')) : fallback);
  const parsed = ZQuestion.omit({ articleKeys: true }).safeParse({
    type: type ?? 'SHORT',
    stem,
    options: choice ? options : [],
    answer,
    points: num('points', 2),
    difficulty: num('difficulty', 2),
    tags: get('tags')
      .split(/[、,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, i] = issue.path;
      const column = field === 'options' ? `选项${OPTION_IDS[Number(i)] ?? ''}` : header(String(field));
      // Schema rules without a message of their own (a number's range) get the generic one.
      const problem = /^[a-zA-Z]+(\.\w+)+(\||$)/.test(issue.message)
        ? issue.message
        : msg('validation.invalid');
      errors.push(msg('bank.import.errors.field', { column, problem }));
    }
  } else if (type && answerRead) {
    // A gap among the options shows here as an empty option.
    const p = questionProblem(parsed.data);
    if (p) errors.push(p);
  }
  const data =
    parsed.success && errors.length === 0
      ? { ...parsed.data, key: key || null, articleNumbers: [...new Set(articleNumbers)] }
      : undefined;
  return { row, stem, data, errors };
}
