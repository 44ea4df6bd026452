// The annual results as .xlsx for the payroll department: every number with its inputs and the weights.
import ExcelJS from 'exceljs';
import { A4_LANDSCAPE } from '../excel/sheet';
import type { latestResultsFor } from './queries';

type Latest = NonNullable<Awaited<ReturnType<typeof latestResultsFor>>>;
const GROUPS: Record<string, string> = { BRANCH: '党支部', GENERAL_BRANCH: '党总支' };
const GRADES: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };

export async function annualWorkbook(l: Latest): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = wb.addWorksheet(`${l.computation.year}年度考核兑现`, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: A4_LANDSCAPE,
  });
  const w = l.computation.weights as Record<string, number>;
  ws.addRow([
    `${l.computation.year}年度基层党组织考核兑现结果（权重：考核 ${w.audit}%、工作提醒 ${w.reminders}%、整改 ${w.rectification}%、考试 ${w.exam}%；计算时间 ${l.computation.computedAt.toISOString()}）`,
  ]);
  ws.addRow([
    '单位',
    '类别',
    '考核得分',
    '工作提醒',
    '整改按期',
    '考试',
    '年度得分',
    '等次',
    '类别内排名',
  ]).font = { bold: true };
  for (const r of l.results) {
    const i = r.inputs as Record<string, number | null>;
    ws.addRow([
      r.org.name,
      GROUPS[r.peerGroup] ?? r.peerGroup,
      i.audit,
      i.reminders,
      i.rectification,
      i.exam,
      r.score,
      GRADES[r.grade] ?? r.grade,
      r.rank,
    ]);
  }
  ws.columns.forEach((c, n) => {
    c.width = n === 0 ? 30 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
