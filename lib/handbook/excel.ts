/**
 * The handbook as an Excel workbook (exceljs): three sheets — 条文, 规定动作, 考核标准 — for the
 * template, the export of a version and the import of a draft. Parsing is pure; every error names
 * its sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { cellText, headerTexts } from '../excel/cells';
import { TYPE_LABELS } from '../excel/labels';
import { msg } from '../i18n/message';
import type { OrgType } from '../orgs/rules';
import type { ArticleContent } from './rules';
import { paramsFromText, paramsToText, parseRule } from '../ledger/rules';
import {
  DUE_KINDS,
  FREQUENCIES,
  kindProblems,
  levelsFromText,
  levelsToText,
  RESPONSIBLE_ROLES,
} from './schema';
import { CRITERION_KINDS, type CriterionKind, type Level } from './scoring';
import { loadXlsx } from '../excel/read';

export const SHEETS = { articles: '条文', actions: '规定动作', criteria: '考核标准' } as const;
const ARTICLE_COLS = [
  '条文编号',
  '部分编号',
  '部分名称',
  '标题',
  '做什么',
  '谁来做',
  '怎么做',
  '何时做',
  '做到什么程度',
  '适用组织',
  '标签',
] as const;
const ACTION_COLS = [
  '编号',
  '条文编号',
  '名称',
  '频次',
  '时限类型',
  '天数N',
  '责任人',
  '留痕要求',
  '适用组织',
] as const;
/** Written on export, optional on import (older sheets reach every unit of the types). */
const ACTION_EXTRA_COLS = ['仅限在建项目'] as const;
const YES = ['是', 'Y', 'y', 'true', '1'];
const CRITERION_COLS = [
  '类别编号',
  '类别名称',
  '编号',
  '考核内容',
  '分值',
  '每次扣分',
  '扣分上限',
  '扣分规则',
  '依据条文',
] as const;
/** Written on export, optional on import (older sheets are all 扣分 criteria). */
const CRITERION_KIND_COLS = [
  '计分方式',
  '等级或加分档',
  '否决等级',
  '仅年度考核',
  '计算规则',
  '规则参数',
] as const;
const KIND_LABEL: Record<CriterionKind, string> = {
  DEDUCTION: '扣分',
  GRADE: '等级',
  BONUS: '加分',
  VETO: '否决',
  COMPUTED: '计算',
};
const BAND_LABEL: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };

const ORG_LABEL = TYPE_LABELS;
const FREQ_LABEL: Record<(typeof FREQUENCIES)[number], string> = {
  DAY: '每天',
  WEEK: '每周',
  MONTH: '每月',
  QUARTER: '每季度',
  HALF_YEAR: '每半年',
  YEAR: '每年',
  EVENT: '按事项',
};
const DUE_LABEL: Record<(typeof DUE_KINDS)[number], string> = {
  WORKDAY_OF_PERIOD: '周期内第N个工作日前',
  DAYS_BEFORE_PERIOD_END: '周期结束前N天',
  DAYS_AFTER_PERIOD_END: '周期结束后N天内',
  DAYS_AFTER_EVENT: '事项发生后N天内',
};
const ROLE_LABEL: Record<(typeof RESPONSIBLE_ROLES)[number], string> = {
  SECRETARY: '支部书记',
  CLERK: '党务工作者',
  COMMITTEE: '党委',
  MEMBER: '党员',
};
const invert = <K extends string>(m: Record<K, string>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, K>;
const ORG_BY = { ...invert(ORG_LABEL), 团委: 'YOUTH_LEAGUE' as OrgType };
const FREQ_BY = invert(FREQ_LABEL);
const DUE_BY = invert(DUE_LABEL);
const ROLE_BY = invert(ROLE_LABEL);

export type BookData = {
  articles: (ArticleContent<OrgType> & { number: number; partNumber: number; partTitle: string })[];
  actions: {
    code: string;
    articleNumber: number;
    title: string;
    frequency: (typeof FREQUENCIES)[number];
    dueKind: (typeof DUE_KINDS)[number];
    dueN: number;
    responsibleRole: (typeof RESPONSIBLE_ROLES)[number];
    evidence: string;
    orgTypes: OrgType[];
    projectOnly: boolean;
  }[];
  criteria: {
    categoryCode: string;
    categoryTitle: string;
    code: string;
    title: string;
    maxPoints: number;
    unitDeduction: number;
    cap: number | null;
    deductionRule: string;
    articleNumbers: number[];
    kind: CriterionKind;
    levels: Level[] | null;
    vetoBand: string | null;
    annualOnly: boolean;
    ruleKey: string | null;
    ruleParams: Record<string, unknown> | null;
  }[];
};

function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...cols]).font = { bold: true };
  rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c, i) => {
    c.width = ['做什么', '怎么做', '做到什么程度', '考核内容', '扣分规则'].includes(cols[i]!) ? 40 : 14;
  });
}

export async function buildWorkbook(data: BookData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  sheet(
    wb,
    SHEETS.articles,
    ARTICLE_COLS,
    data.articles.map((a) => [
      a.number,
      a.partNumber,
      a.partTitle,
      a.title,
      a.what,
      a.who,
      a.how,
      a.when,
      a.standard,
      a.orgTypes.map((o) => ORG_LABEL[o]).join('、'),
      a.tags.join('、'),
    ]),
  );
  sheet(
    wb,
    SHEETS.actions,
    [...ACTION_COLS, ...ACTION_EXTRA_COLS],
    data.actions.map((x) => [
      x.code,
      x.articleNumber,
      x.title,
      FREQ_LABEL[x.frequency],
      DUE_LABEL[x.dueKind],
      x.dueN,
      ROLE_LABEL[x.responsibleRole],
      x.evidence,
      x.orgTypes.map((o) => ORG_LABEL[o]).join('、'),
      x.projectOnly ? '是' : '',
    ]),
  );
  sheet(
    wb,
    SHEETS.criteria,
    [...CRITERION_COLS, ...CRITERION_KIND_COLS],
    data.criteria.map((k) => [
      k.categoryCode,
      k.categoryTitle,
      k.code,
      k.title,
      k.maxPoints,
      k.unitDeduction,
      k.cap ?? '',
      k.deductionRule,
      k.articleNumbers.join('、'),
      KIND_LABEL[k.kind],
      levelsToText(k.levels),
      k.vetoBand ? (BAND_LABEL[k.vetoBand] ?? k.vetoBand) : '',
      k.annualOnly ? '是' : '',
      k.ruleKey ?? '',
      paramsToText(k.ruleParams),
    ]),
  );
  const help = wb.addWorksheet('说明');
  [
    [
      '条文',
      '每行一条；条文编号从1起连续；同一部分编号的部分名称须一致；五问（做什么…做到什么程度）都必须填写才能发布。',
    ],
    ['适用组织', `用“、”分隔：${Object.values(ORG_LABEL).join('、')}。`],
    [
      '规定动作',
      `频次：${Object.values(FREQ_LABEL).join('、')}；时限类型：${Object.values(DUE_LABEL).join('、')}（按事项的动作只能用“事项发生后N天内”）；责任人：${Object.values(ROLE_LABEL).join('、')}。`,
    ],
    ['考核标准', '分值合计须为100分才能发布；依据条文填条文编号，用“、”分隔。'],
    [
      '导入规则',
      '导入会用本工作簿替换当前草稿的全部条文、规定动作和考核标准；任一行有错则不导入，并列出每个出错的工作表、行和列。',
    ],
  ].forEach((r) => help.addRow(r));
  help.getColumn(1).width = 12;
  help.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type SheetError = { sheet: string; row: number; column: string; message: string };

function rowsOf(wb: ExcelJS.Workbook, name: string, cols: readonly string[], errors: SheetError[]) {
  const ws = wb.getWorksheet(name);
  if (!ws) {
    errors.push({ sheet: name, row: 0, column: '', message: msg('handbookImport.errors.missingSheet') });
    return [];
  }
  const header = headerTexts(ws);
  const missing = cols.filter((c) => !header.includes(c));
  if (missing.length) {
    errors.push({
      sheet: name,
      row: 1,
      column: missing.join('、'),
      message: msg('handbookImport.errors.missingColumns'),
    });
    return [];
  }
  const out: { row: number; get: (c: string) => string }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    // Columns added later (the criterion's kind) may be absent from older sheets: read as empty.
    const get = (c: string) => (header.includes(c) ? cellText(r.getCell(header.indexOf(c)).value) : '');
    if (cols.every((c) => get(c) === '')) return;
    out.push({ row: n, get });
  });
  return out;
}

/** Parses the three sheets into BookData, or returns every problem found. */
export async function parseWorkbook(buffer: Buffer): Promise<{ data?: BookData; errors: SheetError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadXlsx(wb, buffer);
  } catch {
    return { errors: [{ sheet: '', row: 0, column: '', message: msg('handbookImport.errors.unreadable') }] };
  }
  const errors: SheetError[] = [];
  const err = (sheet: string, row: number, column: string, m: string) =>
    errors.push({ sheet, row, column, message: m });
  const text = (sheet: string, row: number, column: string, v: string, max: number, required = true) => {
    if (required && !v) err(sheet, row, column, msg('validation.required'));
    else if (v.length > max) err(sheet, row, column, msg('validation.tooLong', { max }));
    else if (/<\s*\/?\s*script/i.test(v)) err(sheet, row, column, msg('validation.noMarkup'));
    return v;
  };
  const int = (sheet: string, row: number, column: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!v || !Number.isInteger(n) || n < min || n > max) {
      err(sheet, row, column, msg('handbookImport.errors.integer', { min, max }));
      return NaN;
    }
    return n;
  };
  const num = (sheet: string, row: number, column: string, v: string, required: boolean) => {
    if (!v && !required) return null;
    const n = Number(v);
    if (!v || !Number.isFinite(n) || n < 0 || n > 100 || Math.round(n * 10) !== n * 10) {
      err(sheet, row, column, msg('handbookImport.errors.points'));
      return NaN;
    }
    return n;
  };
  const list = <T>(
    sheet: string,
    row: number,
    column: string,
    v: string,
    by: Record<string, T>,
    required: boolean,
  ) => {
    const items = v.split(/[、,，\s]+/).filter(Boolean);
    if (required && items.length === 0) err(sheet, row, column, msg('validation.required'));
    const bad = items.filter((x) => !(x in by));
    if (bad.length)
      err(sheet, row, column, msg('handbookImport.errors.unknownValue', { value: bad.join('、') }));
    return items.filter((x) => x in by).map((x) => by[x]!);
  };
  const one = <T>(sheet: string, row: number, column: string, v: string, by: Record<string, T>) => {
    if (!(v in by)) {
      err(sheet, row, column, msg('handbookImport.errors.unknownValue', { value: v || '—' }));
      return undefined;
    }
    return by[v];
  };

  const A = SHEETS.articles;
  const articles: BookData['articles'] = rowsOf(wb, A, ARTICLE_COLS, errors).map(
    ({ row, get }) =>
      ({
        number: int(A, row, '条文编号', get('条文编号'), 1, 999),
        partNumber: int(A, row, '部分编号', get('部分编号'), 1, 20),
        partTitle: text(A, row, '部分名称', get('部分名称'), 100),
        title: text(A, row, '标题', get('标题'), 100),
        what: text(A, row, '做什么', get('做什么'), 4000, false),
        who: text(A, row, '谁来做', get('谁来做'), 2000, false),
        how: text(A, row, '怎么做', get('怎么做'), 6000, false),
        when: text(A, row, '何时做', get('何时做'), 2000, false),
        standard: text(A, row, '做到什么程度', get('做到什么程度'), 4000, false),
        orgTypes: list(A, row, '适用组织', get('适用组织'), ORG_BY, true) as OrgType[],
        tags: get('标签')
          .split(/[、,，\s]+/)
          .filter(Boolean)
          .slice(0, 10),
        row,
      }) as BookData['articles'][number] & { row: number },
  );
  const numbers = new Map<number, number>();
  const partTitles = new Map<number, string>();
  let expected = 1;
  for (const a of [...articles].sort((x, y) => x.number - y.number) as (BookData['articles'][number] & {
    row: number;
  })[]) {
    if (numbers.has(a.number))
      err(
        A,
        a.row,
        '条文编号',
        msg('handbookImport.errors.duplicate', { value: a.number, other: numbers.get(a.number)! }),
      );
    else if (a.number !== expected)
      err(A, a.row, '条文编号', msg('handbookImport.errors.notContinuous', { expected }));
    numbers.set(a.number, a.row);
    expected = a.number + 1;
    const t = partTitles.get(a.partNumber);
    if (t !== undefined && t !== a.partTitle)
      err(A, a.row, '部分名称', msg('handbookImport.errors.partTitle', { part: a.partNumber, title: t }));
    partTitles.set(a.partNumber, a.partTitle);
  }
  if (articles.length === 0 && !errors.length) err(A, 0, '', msg('handbookImport.errors.empty'));

  const X = SHEETS.actions;
  const codes = new Map<string, number>();
  const actions: BookData['actions'] = rowsOf(wb, X, ACTION_COLS, errors).map(({ row, get }) => {
    const code = text(X, row, '编号', get('编号'), 20);
    if (code && !/^[A-Za-z0-9.\-]+$/.test(code)) err(X, row, '编号', msg('handbook.errors.codeFormat'));
    if (codes.has(code))
      err(X, row, '编号', msg('handbookImport.errors.duplicate', { value: code, other: codes.get(code)! }));
    codes.set(code, row);
    const articleNumber = int(X, row, '条文编号', get('条文编号'), 1, 999);
    if (Number.isInteger(articleNumber) && !numbers.has(articleNumber))
      err(X, row, '条文编号', msg('handbookImport.errors.noSuchArticle', { number: articleNumber }));
    const frequency = one(X, row, '频次', get('频次'), FREQ_BY);
    const dueKind = one(X, row, '时限类型', get('时限类型'), DUE_BY);
    if (frequency && dueKind && (frequency === 'EVENT') !== (dueKind === 'DAYS_AFTER_EVENT'))
      err(X, row, '时限类型', msg('handbook.errors.dueKindMismatch'));
    return {
      code,
      articleNumber,
      title: text(X, row, '名称', get('名称'), 120),
      frequency: frequency!,
      dueKind: dueKind!,
      dueN: int(X, row, '天数N', get('天数N'), 0, 366),
      responsibleRole: one(X, row, '责任人', get('责任人'), ROLE_BY)!,
      evidence: text(X, row, '留痕要求', get('留痕要求'), 300, false),
      orgTypes: list(X, row, '适用组织', get('适用组织'), ORG_BY, true) as OrgType[],
      projectOnly: YES.includes(get('仅限在建项目').trim()),
    };
  });

  const K = SHEETS.criteria;
  const kcodes = new Map<string, number>();
  const criteria: BookData['criteria'] = rowsOf(wb, K, CRITERION_COLS, errors).map(({ row, get }) => {
    const code = text(K, row, '编号', get('编号'), 20);
    if (kcodes.has(code))
      err(K, row, '编号', msg('handbookImport.errors.duplicate', { value: code, other: kcodes.get(code)! }));
    kcodes.set(code, row);
    const cited = get('依据条文')
      .split(/[、,，\s]+/)
      .filter(Boolean)
      .map(Number);
    const unknown = cited.filter((n) => !numbers.has(n));
    if (unknown.length)
      err(K, row, '依据条文', msg('handbookImport.errors.noSuchArticle', { number: unknown.join('、') }));
    return {
      categoryCode: text(K, row, '类别编号', get('类别编号'), 20),
      categoryTitle: text(K, row, '类别名称', get('类别名称'), 100),
      code,
      title: text(K, row, '考核内容', get('考核内容'), 200),
      maxPoints: num(K, row, '分值', get('分值'), true)!,
      unitDeduction: num(K, row, '每次扣分', get('每次扣分'), true)!,
      cap: num(K, row, '扣分上限', get('扣分上限'), false),
      deductionRule: text(K, row, '扣分规则', get('扣分规则'), 200),
      articleNumbers: cited,
      ...criterionKind(get, num(K, row, '分值', get('分值'), true) ?? 0, (column, m) =>
        err(K, row, column, m),
      ),
    };
  });
  return errors.length
    ? { errors }
    : {
        data: {
          articles: articles.map(({ row: _r, ...a }: BookData['articles'][number] & { row?: number }) => a),
          actions,
          criteria,
        },
        errors,
      };
}

const KIND_BY_LABEL = new Map<string, CriterionKind>(
  CRITERION_KINDS.flatMap((k) => [
    [KIND_LABEL[k], k],
    [k, k],
  ]),
);
const BAND_BY_LABEL = new Map(
  Object.entries(BAND_LABEL).flatMap(([code, label]) => [
    [label, code],
    [code, code],
  ]),
);
const KIND_COLUMN: Record<string, string> = {
  levels: '等级或加分档',
  vetoBand: '否决等级',
  ruleKey: '计算规则',
  ruleParams: '规则参数',
  maxPoints: '分值',
};

/** The kind columns of a criterion row, checked by the same rules as the editor (lib/handbook/schema.ts). */
function criterionKind(
  get: (c: string) => string,
  maxPoints: number,
  err: (column: string, message: string) => void,
) {
  const kindText = get('计分方式').trim();
  const kind = kindText ? KIND_BY_LABEL.get(kindText) : 'DEDUCTION';
  if (!kind) {
    err('计分方式', msg('handbookImport.errors.badKind', { value: kindText }));
    return {
      kind: 'DEDUCTION' as const,
      levels: null,
      vetoBand: null,
      annualOnly: false,
      ruleKey: null,
      ruleParams: null,
    };
  }
  const bandText = get('否决等级').trim();
  const fields = {
    kind,
    maxPoints,
    levels: get('等级或加分档'),
    vetoBand: bandText ? (BAND_BY_LABEL.get(bandText) ?? bandText) : undefined,
    ruleKey: get('计算规则').trim() || undefined,
    ruleParams: get('规则参数'),
  };
  for (const p of kindProblems(fields)) err(KIND_COLUMN[p.field] ?? '计分方式', msg(p.key));
  const rule = kind === 'COMPUTED' ? parseRule(fields.ruleKey, paramsFromText(fields.ruleParams)) : null;
  return {
    kind,
    levels: kind === 'GRADE' || kind === 'BONUS' ? levelsFromText(fields.levels) : null,
    vetoBand: kind === 'VETO' ? (fields.vetoBand ?? null) : null,
    annualOnly: YES.includes(get('仅年度考核').trim()),
    ruleKey: rule?.ok ? rule.key : null,
    ruleParams: rule?.ok ? rule.params : null,
  };
}
