/**
 * The 党员名册 as a workbook: the import template (with an explanation sheet), reading any sheet's header and
 * rows for the column-mapping step, turning one row's cells into a person's fields, and the roster export.
 * Sheets are written in Chinese, as the company's own files are. Pure: no database.
 */
import ExcelJS from 'exceljs';
import { cellText } from '../excel/cells';
import { A4_LANDSCAPE, sheetWithHeader, type Column } from '../excel/sheet';
import { EDUCATIONS, PARTY_POSTS, PARTY_STATUSES, type PartyPost, type PartyStatus } from './rules';
import { loadXlsx } from '../excel/read';

export const MAX_PEOPLE_ROWS = 20_000;
export const PEOPLE_IMPORT_MAX_BYTES = 15 * 1024 * 1024;

export const STATUS_LABELS: Record<PartyStatus, string> = {
  APPLICANT: '入党申请人',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PROBATIONARY: '预备党员',
  FULL: '正式党员',
  MASSES: '群众',
};
export const POST_LABELS: Record<PartyPost, string> = {
  SECRETARY: '书记',
  DEPUTY_SECRETARY: '副书记',
  ORGANIZATION: '组织委员',
  PROPAGANDA: '宣传委员',
  DISCIPLINE: '纪检委员',
  YOUTH: '青年委员',
  COMMITTEE_MEMBER: '支部委员',
  GROUP_LEADER: '党小组长',
};

/** What a column of the sheet can mean; `names` are the headers other systems use for it (normalized). */
export const IMPORT_FIELDS = [
  {
    key: 'employeeNo',
    header: '工号',
    required: true,
    names: ['工号', '员工编号', '人员编号', '职工号', '员工号'],
  },
  { key: 'name', header: '姓名', required: true, names: ['姓名', '党员姓名', '人员姓名'] },
  { key: 'gender', header: '性别', required: false, names: ['性别'] },
  { key: 'birthDate', header: '出生日期', required: false, names: ['出生日期', '出生年月', '出生年月日'] },
  {
    key: 'phone',
    header: '手机号码',
    required: false,
    names: ['手机号码', '手机号', '联系电话', '联系方式', '手机'],
  },
  { key: 'education', header: '学历', required: false, names: ['学历', '文化程度', '最高学历'] },
  {
    key: 'status',
    header: '党内身份',
    required: true,
    names: ['党内身份', '人员类别', '党员类别', '政治面貌', '党籍状态', '类别'],
  },
  {
    key: 'appliedOn',
    header: '申请入党日期',
    required: false,
    names: ['申请入党日期', '递交入党申请书日期', '申请入党时间'],
  },
  {
    key: 'activistOn',
    header: '确定积极分子日期',
    required: false,
    names: ['确定积极分子日期', '确定为入党积极分子日期', '列为入党积极分子日期', '确定入党积极分子时间'],
  },
  {
    key: 'candidateOn',
    header: '确定发展对象日期',
    required: false,
    names: ['确定发展对象日期', '列为发展对象日期', '确定为发展对象日期', '确定发展对象时间'],
  },
  {
    key: 'admittedOn',
    header: '接收预备党员日期',
    required: false,
    names: ['接收预备党员日期', '入党日期', '入党时间', '接收为预备党员日期'],
  },
  { key: 'fullOn', header: '转正日期', required: false, names: ['转正日期', '转为正式党员日期', '转正时间'] },
  { key: 'introducers', header: '入党介绍人', required: false, names: ['入党介绍人', '介绍人'] },
  { key: 'contacts', header: '培养联系人', required: false, names: ['培养联系人', '联系人'] },
  {
    key: 'org',
    header: '组织关系所在党组织',
    required: true,
    names: ['组织关系所在党组织', '所在党支部', '所在党组织', '党组织名称', '所在支部', '党支部'],
  },
  { key: 'partyGroup', header: '党小组', required: false, names: ['党小组', '所在党小组'] },
  { key: 'posts', header: '党内职务', required: false, names: ['党内职务', '党内职务名称'] },
  {
    key: 'workOrg',
    header: '实际工作单位',
    required: false,
    names: ['实际工作单位', '工作单位', '所在项目', '工作项目'],
  },
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];
/** For each field, the 1-based column of the sheet that holds it (absent: not in the file). */
export type Mapping = Partial<Record<ImportField, number>>;

const normalize = (h: string) => h.replace(/[\s*＊:：（）()]|必填|选填/g, '');

/** The mapping guessed from the headers: each field takes the first column whose header is one of its names. */
export function guessMapping(headers: readonly string[]): Mapping {
  const out: Mapping = {};
  const taken = new Set<number>();
  for (const f of IMPORT_FIELDS) {
    const names: readonly string[] = f.names;
    const i = headers.findIndex((h, idx) => idx > 0 && !taken.has(idx) && names.includes(normalize(h)));
    if (i > 0) {
      out[f.key] = i;
      taken.add(i);
    }
  }
  return out;
}

export type SheetRead =
  | { ok: true; headers: string[]; rows: { row: number; cells: string[] }[] }
  | { ok: false; error: 'unreadable' | 'empty' | 'tooManyRows' };

/** The first sheet's header (index 0 empty, like exceljs) and its non-empty rows as text. */
export async function readSheet(buffer: Buffer, maxRows = MAX_PEOPLE_ROWS): Promise<SheetRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadXlsx(wb, buffer);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, error: 'unreadable' };
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v));
  const width = headers.length;
  const rows: { row: number; cells: string[] }[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells: string[] = [''];
    for (let c = 1; c < Math.max(width, r.cellCount + 1); c += 1) cells.push(cellText(r.getCell(c).value));
    if (cells.every((v) => v === '')) return;
    if (rows.length >= maxRows) tooMany = true;
    else rows.push({ row: rowNumber, cells });
  });
  if (tooMany) return { ok: false, error: 'tooManyRows' };
  if (headers.every((h) => !h) || rows.length === 0) return { ok: false, error: 'empty' };
  return { ok: true, headers, rows };
}

/** 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 → '2026-03-05'; anything else is kept as typed. */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  // 2026-02-30 is not a day: leave it for the validator to refuse.
  return check.getUTCMonth() + 1 === mo && check.getUTCDate() === d ? iso : t;
}

const STATUS_BY_LABEL = new Map<string, PartyStatus>([
  ...PARTY_STATUSES.map((s) => [STATUS_LABELS[s], s] as const),
  ...PARTY_STATUSES.map((s) => [s, s] as const),
  ['积极分子', 'ACTIVIST'],
  ['申请人', 'APPLICANT'],
  ['中共党员', 'FULL'],
  ['中共预备党员', 'PROBATIONARY'],
]);
const POST_BY_LABEL = new Map<string, PartyPost>([
  ...PARTY_POSTS.map((p) => [POST_LABELS[p], p] as const),
  ['支部书记', 'SECRETARY'],
  ['支部副书记', 'DEPUTY_SECRETARY'],
  ['组长', 'GROUP_LEADER'],
  ['委员', 'COMMITTEE_MEMBER'],
]);

/** A cell of 党内身份 as the enum; an unknown text is returned as it is, for the validator to name. */
export const statusOf = (text: string) => STATUS_BY_LABEL.get(text.trim()) ?? text.trim();
export const genderOf = (text: string) =>
  ({ 男: 'MALE', 女: 'FEMALE', 男性: 'MALE', 女性: 'FEMALE' })[text.trim()] ?? text.trim();
/** 书记、组织委员 → ['SECRETARY', 'ORGANIZATION']; unknown posts are kept as typed, for the validator. */
export const postsOf = (text: string) =>
  text
    .split(/[、,，;；/\s]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => POST_BY_LABEL.get(p) ?? p);

/** The template: the columns in the order above, two example rows, and a sheet that explains each column. */
export async function peopleTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const columns: Column[] = IMPORT_FIELDS.map((f) => ({
    key: f.key,
    header: f.required ? `${f.header}*` : f.header,
    width: Math.max(12, f.header.length * 2 + 4),
  }));
  const ws = sheetWithHeader(wb, '党员名册', columns);
  ws.addRow({
    employeeNo: 'HY20001',
    name: '张建华',
    gender: '男',
    birthDate: '1986-04-12',
    phone: '13812345678',
    education: '大学本科',
    status: '正式党员',
    appliedOn: '2008-03-10',
    activistOn: '2008-09-15',
    candidateOn: '2009-10-20',
    admittedOn: '2010-04-26',
    fullOn: '2011-04-28',
    org: '华岳宏构建设集团有限公司党委 / 滨江新城综合管廊项目党支部',
    partyGroup: '第一党小组',
    posts: '组织委员',
  });
  ws.addRow({
    employeeNo: 'HY20002',
    name: '李婷',
    gender: '女',
    birthDate: '1998-11-02',
    status: '入党积极分子',
    appliedOn: '2025-05-06',
    activistOn: '2025-09-18',
    contacts: '张建华、王磊',
    org: '华岳宏构建设集团有限公司党委 / 滨江新城综合管廊项目党支部',
    workOrg: '华岳宏构建设集团有限公司党委 / 滨江新城综合管廊项目党支部',
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 20 },
    { header: '说明', key: 'text', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  const notes: Record<ImportField, string> = {
    employeeNo:
      '必填。员工工号，全公司唯一；已存在的工号会更新该人员，不会重复建人。只能含字母、数字、-、_。',
    name: '必填。',
    gender: '男 / 女。',
    birthDate: '日期，如 1990-05-01；也可写 1990/5/1、1990年5月1日。',
    phone: '手机号码。列表和导出中仅本支部负责人和党委可见完整号码。',
    education: `如：${EDUCATIONS.join('、')}。`,
    status: `必填。${PARTY_STATUSES.map((s) => STATUS_LABELS[s]).join(' / ')}。`,
    appliedOn: '递交入党申请书的日期。须年满18周岁。',
    activistOn: '支部确定为入党积极分子的日期，不早于申请入党日期。',
    candidateOn: '确定为发展对象的日期，不早于确定积极分子日期。',
    admittedOn: '支部党员大会讨论接收为预备党员的日期（入党日期）。预备党员必填。',
    fullOn: '转为正式党员的日期，不早于接收预备党员日期。',
    introducers: '入党介绍人姓名，多人用顿号分隔。',
    contacts: '培养联系人姓名（一至两名正式党员），多人用顿号分隔。',
    org: '必填。组织关系所在的党组织：写全称路径（用“ / ”分隔），或在全公司唯一的名称。',
    partyGroup: '所在党小组的名称，须是上列党组织下的党小组。',
    posts: `${PARTY_POSTS.map((p) => POST_LABELS[p]).join('、')}；多个用顿号分隔。`,
    workOrg:
      '实际工作的单位（项目）。组织关系在公司机关、人在项目上工作的流动党员填项目党支部；与组织关系单位相同可不填。',
  };
  for (const f of IMPORT_FIELDS) help.addRow({ col: f.header, text: notes[f.key] });
  help.addRow({});
  help.addRow({
    col: '导入规则',
    text: `整表校验，全部通过才导入，任何一行有错则一行不导并逐行说明原因。每个文件最多 ${MAX_PEOPLE_ROWS.toLocaleString('en-US')} 行。从其他系统导出的表格列名不同也可导入：上传后逐列选择对应字段。`,
  });
  help.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type RosterRow = {
  employeeNo: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string;
  education: string;
  status: string;
  admittedOn: string;
  fullOn: string;
  org: string;
  partyGroup: string;
  posts: string;
  workOrg: string;
};

/** 党员花名册: one row a person, A4 landscape; phone numbers arrive already masked where the reader may not see them. */
export async function rosterWorkbook(rows: RosterRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const columns: Column[] = [
    { key: 'seq', header: '序号', width: 6 },
    { key: 'employeeNo', header: '工号', width: 12 },
    { key: 'name', header: '姓名', width: 10 },
    { key: 'gender', header: '性别', width: 6 },
    { key: 'birthDate', header: '出生日期', width: 12 },
    { key: 'education', header: '学历', width: 10 },
    { key: 'status', header: '党内身份', width: 12 },
    { key: 'admittedOn', header: '入党日期', width: 12 },
    { key: 'fullOn', header: '转正日期', width: 12 },
    { key: 'org', header: '组织关系所在党组织', width: 28 },
    { key: 'partyGroup', header: '党小组', width: 12 },
    { key: 'posts', header: '党内职务', width: 14 },
    { key: 'workOrg', header: '实际工作单位', width: 28 },
    { key: 'phone', header: '手机号码', width: 14 },
  ];
  const ws = sheetWithHeader(wb, title.slice(0, 31), columns);
  ws.pageSetup = { ...A4_LANDSCAPE, printTitlesRow: '1:1' };
  rows.forEach((r, i) => ws.addRow({ seq: i + 1, ...r }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The one-time passwords of the accounts an import created: handed to the importer once, never stored. */
export async function accountsWorkbook(
  accounts: { employeeNo: string; name: string; username: string; password: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(wb, '初始密码', [
    { key: 'employeeNo', header: '工号', width: 12 },
    { key: 'name', header: '姓名', width: 10 },
    { key: 'username', header: '登录账号', width: 14 },
    { key: 'password', header: '一次性密码（首次登录须修改）', width: 30 },
  ]);
  for (const a of accounts) ws.addRow(a);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
