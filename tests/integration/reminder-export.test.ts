import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reminderWorkbook } from '../../lib/reminders/export';
import { generateCurrent } from '../../lib/reminders/mutations/generate';
import { reminderTableFor } from '../../lib/reminders/queries';
import { makePublishedHandbook } from '../fixtures/handbook';
import { makeTree, makeUser, type Tree } from '../fixtures/factories';
import { testDb } from '../fixtures/db';

const db = testDb();
let tree: Tree;
const now = new Date('2026-11-25T04:00:00Z');
beforeAll(async () => {
  await makePublishedHandbook(db, `导出测试${Date.now() % 10000}`);
  tree = await makeTree(db);
  await generateCurrent(db, now);
});

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

describe('the reminder table as .xlsx', () => {
  it('has a sheet per frequency with the paper form’s header and the branch’s own rows only', async () => {
    const secA = await makeUser(db, 'SECRETARY', tree.a);
    const table = await reminderTableFor(secA.subject, now);
    const wb = await read(await reminderWorkbook(table.tasks, table.today));
    const month = wb.getWorksheet('月工作提醒表')!;
    expect(month.getCell(1, 1).value).toBe('党建（月）工作提醒表（2026-11-25）');
    expect(month.getRow(2).values).toContain('应完成日期');
    const names = new Set<string>();
    month.eachRow((row, n) => {
      if (n > 2) names.add(String(row.getCell(2).value));
    });
    expect([...names]).toEqual([tree.a.name]);
    expect(String(month.getRow(3).getCell(4).value)).toMatch(/^第\d+条 /);
    const task = table.tasks.find((t) => t.action.frequency === 'MONTH')!;
    const row = month.getRows(3, month.rowCount - 2)!.find((r) => r.getCell(3).value === task.action.title)!;
    expect(row.getCell(4).value).toBe(`第${task.action.article.number}条 ${task.action.article.title}`);
    expect(row.getCell(6).value).toBe(task.dueDate.toISOString().slice(0, 10));
    expect(month.pageSetup.orientation).toBe('landscape');

    const secB = await makeUser(db, 'SECRETARY', tree.b);
    const tb = await reminderTableFor(secB.subject, now);
    const wbB = await read(await reminderWorkbook(tb.tasks, tb.today));
    const rowsB: string[] = [];
    wbB.worksheets.forEach((ws) =>
      ws.eachRow((row, n) => {
        if (n > 2) rowsB.push(String(row.getCell(2).value));
      }),
    );
    expect(rowsB.length).toBeGreaterThan(0);
    expect(rowsB).not.toContain(tree.a.name);
  });
});
