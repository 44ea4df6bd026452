import { describe, expect, it } from 'vitest';
import { workbook } from '../../tests/fixtures/workbook';
import { buildTemplate, exportTree, parseSheet } from './excel';

const sheet = (
  rows: Record<string, unknown>[],
  headers = ['组织名称', '简称', '类型', '上级组织', '排序', '状态', '项目名称', '计划开工', '计划完工'],
) =>
  workbook(
    '组织架构',
    headers,
    rows.map((r) => headers.map((h) => r[h] as string | number | null)),
  );

describe('organization sheets', () => {
  it('parses the template back: two valid rows', async () => {
    const { rows, fileError } = await parseSheet(await buildTemplate('某公司党委'));
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => [r.name, r.parentRef, r.data?.type, r.errors])).toEqual([
      ['示例项目党支部', '某公司党委', 'BRANCH', []],
      ['第一党小组', '某公司党委 / 示例项目党支部', 'PARTY_GROUP', []],
    ]);
    expect(rows[0]!.data).toMatchObject({
      status: 'PREPARING',
      projectPlannedStart: '2026-12-01',
      sortOrder: 100,
    });
  });

  it('round-trips an export', async () => {
    const buf = await exportTree([
      {
        name: '第三党小组',
        shortName: null,
        type: 'PARTY_GROUP',
        parentPath: '党委 / 一支部',
        sortOrder: 3,
        status: 'ACTIVE',
        projectName: null,
        projectCode: null,
        projectLocation: null,
        projectPlannedStart: null,
        projectPlannedEnd: null,
        projectActualStart: new Date('2026-01-02T00:00:00Z'),
        projectActualEnd: null,
      },
    ]);
    const { rows } = await parseSheet(buf);
    expect(rows[0]).toMatchObject({ name: '第三党小组', parentRef: '党委 / 一支部', errors: [] });
    expect(rows[0]!.data).toMatchObject({ type: 'PARTY_GROUP', projectActualStart: '2026-01-02' });
  });

  it('reports each bad row with its row number', async () => {
    const { rows } = await parseSheet(
      await sheet([
        { 组织名称: '好支部', 类型: '党支部', 上级组织: '党委' },
        { 组织名称: '', 类型: '党支部', 上级组织: '党委' },
        { 组织名称: '坏类型', 类型: '俱乐部', 上级组织: '党委' },
        { 组织名称: '<b>标记</b>', 类型: '党小组', 上级组织: '党委' },
        { 组织名称: '日期', 类型: '党支部', 上级组织: '党委', 计划开工: '2026-13-45' },
        { 组织名称: '无上级', 类型: '党支部' },
        { 组织名称: '撤销的', 类型: '党支部', 上级组织: '党委', 状态: '已撤销' },
      ]),
    );
    const byRow = Object.fromEntries(rows.map((r) => [r.row, r.errors.map((e) => e.split('|')[0])]));
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual(['orgImport.errors.field']);
    expect(byRow[4]).toEqual(['orgImport.errors.badType']);
    expect(byRow[5]).toEqual(['orgImport.errors.field']);
    expect(byRow[6]).toEqual(['orgImport.errors.field']);
    expect(byRow[7]).toEqual(['orgImport.errors.missingParent']);
    expect(byRow[8]).toEqual(['orgImport.errors.archivedRow']);
  });

  it('refuses a sheet without the required columns, and a file that is not a workbook', async () => {
    expect((await parseSheet(await sheet([{ 名称: 'x' }], ['名称']))).fileError).toMatch(
      /^orgImport.errors.missingColumns/,
    );
    expect((await parseSheet(Buffer.from('PK\u0003\u0004 not really a zip'))).fileError).toBe(
      'orgImport.errors.unreadable',
    );
  });
});
