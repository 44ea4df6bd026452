/**
 * The 党建(日、周、月、季、半年、年)工作提醒表 as an .xlsx, one sheet per frequency, laid out like the
 * paper form branches used to receive: A4 landscape, the header repeated on every printed page.
 * The sheet is a Chinese document (like the handbook's ledgers), so its labels are written here.
 */
import ExcelJS from 'exceljs';
import { A4_LANDSCAPE } from '../excel/sheet';
import type { TaskState } from './queries';
import { ymd } from '../calendar';

export type ExportTask = {
  periodKey: string;
  dueDate: Date;
  state: TaskState;
  activityDate: Date | null;
  note: string | null;
  onTime: boolean | null;
  org: { name: string };
  action: { title: string; frequency: string; evidence: string; article: { number: number; title: string } };
};

export const FREQUENCY_SHEETS: Record<string, string> = {
  DAY: '日',
  WEEK: '周',
  MONTH: '月',
  QUARTER: '季',
  HALF_YEAR: '半年',
  YEAR: '年',
};
const STATE_LABELS: Record<TaskState, string> = {
  done: '已完成',
  overdue: '已逾期',
  dueSoon: '即将到期',
  open: '待办',
};
const HEADER = [
  '序号',
  '单位',
  '工作事项',
  '依据条款',
  '周期',
  '应完成日期',
  '佐证材料要求',
  '完成情况',
  '实际开展日期',
  '说明',
];
const WIDTHS = [6, 22, 26, 28, 11, 12, 26, 12, 12, 30];
const thin = { style: 'thin' as const };

export async function reminderWorkbook(tasks: ExportTask[], today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  for (const [frequency, label] of Object.entries(FREQUENCY_SHEETS)) {
    const rows = tasks.filter((t) => t.action.frequency === frequency);
    if (!rows.length) continue;
    const ws = wb.addWorksheet(`${label}工作提醒表`, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '1:2' },
    });
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.mergeCells(1, 1, 1, HEADER.length);
    const title = ws.getCell(1, 1);
    title.value = `党建（${label}）工作提醒表（${today}）`;
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    const head = ws.addRow(HEADER);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE1E1' } };
    rows.forEach((t, i) =>
      ws.addRow([
        i + 1,
        t.org.name,
        t.action.title,
        `第${t.action.article.number}条 ${t.action.article.title}`,
        t.periodKey,
        ymd(t.dueDate),
        t.action.evidence,
        STATE_LABELS[t.state] + (t.state === 'done' && t.onTime === false ? '（逾期完成）' : ''),
        ymd(t.activityDate),
        t.note ?? '',
      ]),
    );
    ws.eachRow((row, n) => {
      if (n < 2) return;
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = { top: thin, left: thin, bottom: thin, right: thin };
        c.alignment = { vertical: 'top', wrapText: true };
      });
    });
  }
  if (!wb.worksheets.length) wb.addWorksheet('工作提醒表').addRow(['当前没有提醒事项。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
