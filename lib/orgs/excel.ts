/**
 * The organization tree as an Excel sheet (exceljs): the template, the export and the parsing of an
 * upload. Parents are named by their full path of names from the root, joined with " / ".
 */
import ExcelJS from 'exceljs';
import { cellText, headerTexts } from '../excel/cells';
import { STATUS_LABELS, TYPE_LABELS } from '../excel/labels';
import { addHelpSheet, sheetWithHeader } from '../excel/sheet';
import { msg } from '../i18n/message';
import { ZImportRow } from './schema';
import { PROJECT_DAYS, PROJECT_TEXTS, projectFields, type OrgType } from './rules';

export { PATH_SEPARATOR } from '../excel/labels';
import { PATH_SEPARATOR } from '../excel/labels';
import { loadXlsx } from '../excel/read';
import { ymd } from '../calendar';
export const MAX_IMPORT_ROWS = 2000;

export const COLUMNS = [
  { key: 'name', header: '组织名称', width: 32 },
  { key: 'shortName', header: '简称', width: 16 },
  { key: 'type', header: '类型', width: 12 },
  { key: 'parent', header: '上级组织', width: 48 },
  { key: 'sortOrder', header: '排序', width: 8 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'projectName', header: '项目名称', width: 28 },
  { key: 'projectCode', header: '项目编号', width: 14 },
  { key: 'projectLocation', header: '项目地点', width: 20 },
  { key: 'projectPlannedStart', header: '计划开工', width: 12 },
  { key: 'projectPlannedEnd', header: '计划完工', width: 12 },
  { key: 'projectActualStart', header: '实际开工', width: 12 },
  { key: 'projectActualEnd', header: '实际完工', width: 12 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

const TYPE_BY_LABEL: Record<string, OrgType> = {
  ...Object.fromEntries(Object.entries(TYPE_LABELS).map(([k, v]) => [v, k as OrgType])),
  团委: 'YOUTH_LEAGUE',
  '团支部/团委': 'YOUTH_LEAGUE',
};
const STATUS_BY_LABEL: Record<string, string> = {
  正常: 'ACTIVE',
  筹建: 'PREPARING',
  已撤销: 'ARCHIVED',
  已归档: 'ARCHIVED',
};

export type ExportRow = {
  name: string;
  shortName: string | null;
  type: OrgType;
  parentPath: string;
  sortOrder: number;
  status: keyof typeof STATUS_LABELS;
  projectName: string | null;
  projectCode: string | null;
  projectLocation: string | null;
  projectPlannedStart: Date | null;
  projectPlannedEnd: Date | null;
  projectActualStart: Date | null;
  projectActualEnd: Date | null;
};

function addDropdowns(ws: ExcelJS.Worksheet, rows: number) {
  const types = `"${Object.values(TYPE_LABELS).join(',')}"`;
  for (let r = 2; r <= rows + 1; r += 1) {
    ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: false, formulae: [types] };
    ws.getCell(`F${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"正常,筹建"'] };
  }
}

export async function buildTemplate(exampleParent: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = sheetWithHeader(wb, '组织架构', COLUMNS);
  ws.addRow({
    name: '示例项目党支部',
    shortName: '示例项目',
    type: '党支部',
    parent: exampleParent,
    sortOrder: 100,
    status: '筹建',
    projectName: '示例工程',
    projectCode: 'XX-2026-001',
    projectLocation: '江州市',
    projectPlannedStart: '2026-12-01',
    projectPlannedEnd: '2028-06-30',
  });
  ws.addRow({
    name: '第一党小组',
    type: '党小组',
    parent: `${exampleParent}${PATH_SEPARATOR}示例项目党支部`,
    sortOrder: 1,
    status: '正常',
  });
  addDropdowns(ws, 500);
  addHelpSheet(wb, { column: 16, text: 90 }, [
    ['组织名称', '必填，最多 100 个字符，不能含 < >。同一上级组织下不能重名。'],
    ['简称', '可选，最多 40 个字符。'],
    [
      '类型',
      `必填：${Object.values(TYPE_LABELS).join('、')}（也接受“团委”）。党小组设在党支部下；党支部设在党委或党总支下；党总支、职能部门设在党委下。`,
    ],
    [
      '上级组织',
      `必填：从公司党委起的完整名称路径，用“${PATH_SEPARATOR.trim()}”分隔，例如“${exampleParent}${PATH_SEPARATOR}某项目党支部”。名称唯一时也可只写名称。可以是本表中前后任意一行新建的组织。`,
    ],
    ['排序', '可选，0–9999 的整数，越小越靠前。'],
    ['状态', '可选：正常（默认）或 筹建。已撤销的组织不能导入。'],
    ['项目信息', '项目党支部填写所在工程项目；日期格式 2026-12-01。'],
    [
      '导入规则',
      `整表导入：任一行有错则一行都不导入，并逐行列出错误。只新建组织，不修改已有组织（已存在的会报错）。每次最多 ${MAX_IMPORT_ROWS} 行。`,
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportTree(rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = sheetWithHeader(wb, '组织架构', COLUMNS);
  for (const r of rows) {
    ws.addRow({
      name: r.name,
      shortName: r.shortName ?? '',
      type: TYPE_LABELS[r.type],
      parent: r.parentPath,
      sortOrder: r.sortOrder,
      status: STATUS_LABELS[r.status],
      ...projectFields(r, (v) => v ?? '', ymd),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ParsedRow = {
  row: number;
  name: string;
  parentRef: string;
  data?: ReturnType<typeof ZImportRow.parse>;
  errors: string[];
};

/** Reads the first sheet; every row gets its field errors (message keys) or its parsed data. */
export async function parseSheet(
  buffer: Buffer | ArrayBuffer,
): Promise<{ rows: ParsedRow[]; fileError?: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadXlsx(wb, buffer);
  } catch {
    return { rows: [], fileError: msg('orgImport.errors.unreadable') };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], fileError: msg('orgImport.errors.unreadable') };
  const header = headerTexts(ws);
  const index = new Map<Key, number>();
  for (const c of COLUMNS) {
    const i = header.findIndex((h) => h === c.header);
    if (i > 0) index.set(c.key, i);
  }
  const missing = (['name', 'type', 'parent'] as const).filter((k) => !index.has(k));
  if (missing.length) {
    return {
      rows: [],
      fileError: msg('orgImport.errors.missingColumns', {
        columns: missing.map((k) => COLUMNS.find((c) => c.key === k)!.header).join('、'),
      }),
    };
  }
  const rows: ParsedRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (k: Key) => (index.has(k) ? cellText(r.getCell(index.get(k)!).value) : '');
    const values = COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === '')) return;
    rows.push(parseRow(rowNumber, get));
  });
  if (rows.length === 0) return { rows, fileError: msg('orgImport.errors.empty') };
  if (rows.length > MAX_IMPORT_ROWS)
    return { rows: [], fileError: msg('orgImport.errors.tooManyRows', { max: MAX_IMPORT_ROWS }) };
  return { rows };
}

function parseRow(row: number, get: (k: Key) => string): ParsedRow {
  const errors: string[] = [];
  const typeLabel = get('type');
  const type = TYPE_BY_LABEL[typeLabel] ?? (typeLabel in TYPE_LABELS ? typeLabel : undefined);
  if (!type) errors.push(msg('orgImport.errors.badType', { value: typeLabel || '—' }));
  const statusLabel = get('status');
  const status = statusLabel ? STATUS_BY_LABEL[statusLabel] : 'ACTIVE';
  if (!status) errors.push(msg('orgImport.errors.badStatus', { value: statusLabel }));
  else if (status === 'ARCHIVED') errors.push(msg('orgImport.errors.archivedRow'));
  const parentRef = get('parent')
    .split(/\s*\/\s*/)
    .filter(Boolean)
    .join(PATH_SEPARATOR);
  if (!parentRef) errors.push(msg('orgImport.errors.missingParent'));
  const parsed = ZImportRow.safeParse({
    name: get('name'),
    shortName: get('shortName'),
    type: type ?? 'BRANCH',
    sortOrder: get('sortOrder') || 0,
    status: status === 'PREPARING' ? 'PREPARING' : 'ACTIVE',
    ...Object.fromEntries([...PROJECT_TEXTS, ...PROJECT_DAYS].map((k) => [k, get(k)])),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const col = COLUMNS.find((c) => c.key === issue.path[0])?.header ?? '';
      errors.push(msg('orgImport.errors.field', { column: col, problem: issue.message }));
    }
  }
  return {
    row,
    name: get('name'),
    parentRef,
    data: parsed.success && errors.length === 0 ? parsed.data : undefined,
    errors,
  };
}
