import { beforeAll, describe, expect, it } from 'vitest';
import { twoAppInstances } from '../fixtures/db';
import { completeTask } from '../../lib/reminders/mutations/complete';
import { generateForPeriod } from '../../lib/reminders/mutations/generate';
import { chaseMissingSheets } from '../../lib/self-check/mutations/chase';
import { openSheet } from '../../lib/self-check/mutations/open';
import { mySheetsFor, sheetDetailFor } from '../../lib/self-check/queries';
import { saveSheet } from '../../lib/self-check/mutations/save';
import { reopenSheet, submitSheet } from '../../lib/self-check/mutations/submit';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeTree, makeUsers, type TestUser, type Tree } from '../fixtures/factories';
import { sheetOverviewFor, sheetOverviewPage, OVERVIEW_PAGE } from '../../lib/self-check/queries';

const [a, b] = twoAppInstances();
let hb: TestHandbook;
let tree: Tree;
let users: Record<'committee' | 'secA' | 'clerkA' | 'clerkA2' | 'clerkB' | 'secB', TestUser>;
const now = new Date('2026-11-25T04:00:00Z');

beforeAll(async () => {
  hb = await makePublishedHandbook(a, `自查测试${Date.now() % 10000}`);
  tree = await makeTree(a);
  users = await makeUsers(a, tree, {
    committee: ['COMMITTEE', 'root'],
    secA: ['SECRETARY', 'a'],
    clerkA: ['CLERK', 'a'],
    clerkA2: ['CLERK', 'a', b],
    clerkB: ['CLERK', 'b'],
    secB: ['SECRETARY', 'b'],
  });
});

const item = (criterionId: string, count: number | null, reason = '', taskIds: string[] = []) => ({
  criterionId,
  count,
  reason,
  taskIds,
});

describe('self-check sheets', () => {
  let sheetId: string;
  it('opens one sheet per unit and quarter from the published standard, twice at once → one sheet', async () => {
    const [x, y] = await Promise.all([
      openSheet(a, users.clerkA.ctx, { orgId: tree.a.id, periodKey: '2026-Q3' }, now),
      openSheet(b, users.clerkA2.ctx, { orgId: tree.a.id, periodKey: '2026-Q3' }, now),
    ]);
    expect(x.id).toBe(y.id);
    sheetId = x.id;
    const sheet = await a.selfCheckSheet.findUniqueOrThrow({
      where: { id: sheetId },
      include: { items: true },
    });
    expect(sheet.items).toHaveLength(2);
    expect(sheet.items.every((i) => i.count === null)).toBe(true);
    await expect(
      openSheet(a, users.clerkA.ctx, { orgId: tree.a.id, periodKey: '2027-Q1' }, now),
    ).rejects.toThrow('selfCheck.errors.futureQuarter');
    await expect(
      openSheet(a, users.clerkB.ctx, { orgId: tree.a.id, periodKey: '2026-Q3' }, now),
    ).rejects.toThrow('errors.forbidden');
    await expect(
      openSheet(a, users.clerkA.ctx, { orgId: tree.a1.id, periodKey: '2026-Q3' }, now),
    ).rejects.toThrow('selfCheck.errors.notABranch');
  });

  it('a clerk saves deductions with reasons and linked tasks; the total uses the scoring rules; a stale save is refused', async () => {
    await generateForPeriod(a, 'MONTH', '2026-08-10');
    const task = await a.reminderTask.findFirstOrThrow({
      where: { orgId: tree.a.id, periodKey: '2026-M08' },
    });
    await completeTask(
      a,
      users.clerkA.ctx,
      { taskId: task.id, activityDate: '2026-08-06' },
      [],
      new Date('2026-08-07T02:00:00Z'),
    );
    const [c1, c2] = hb.criteria;
    const r = await saveSheet(a, users.clerkA.ctx, {
      sheetId,
      lockVersion: 0,
      items: [item(c1!.id, 3, '七月少开一次支委会等'), item(c2!.id, 6, '', [task.id])],
    });
    // C1.1: 60 − 3×2 = 54; C1.2: 6×5 = 30 capped at 20 → 20. Total 74.
    expect(r).toMatchObject({ lockVersion: 1, total: 74 });
    const items = await a.selfCheckItem.findMany({ where: { sheetId } });
    expect(items.find((i) => i.criterionId === c2!.id)).toMatchObject({ deduction: 20, taskIds: [task.id] });
    // The second clerk still holds version 0: refused, nothing overwritten.
    await expect(
      saveSheet(b, users.clerkA2.ctx, { sheetId, lockVersion: 0, items: [item(c1!.id, 0)] }),
    ).rejects.toThrow('selfCheck.errors.stale');
    expect((await a.selfCheckItem.findFirstOrThrow({ where: { sheetId, criterionId: c1!.id } })).count).toBe(
      3,
    );
    // Tasks of another unit cannot be linked.
    const bTask = await a.reminderTask.findFirstOrThrow({ where: { orgId: tree.b.id } });
    await expect(
      saveSheet(a, users.clerkA.ctx, { sheetId, lockVersion: 1, items: [item(c1!.id, 3, '', [bTask.id])] }),
    ).rejects.toThrow('selfCheck.errors.badTask');
    await expect(
      saveSheet(a, users.clerkB.ctx, { sheetId, lockVersion: 1, items: [item(c1!.id, 0)] }),
    ).rejects.toThrow('errors.forbidden');
  });

  it('only the secretary submits; an incomplete sheet is refused; a submitted one is frozen and cannot be submitted twice', async () => {
    const other = await openSheet(a, users.secA.ctx, { orgId: tree.a.id, periodKey: '2026-Q2' }, now);
    await saveSheet(a, users.secA.ctx, {
      sheetId: other.id,
      lockVersion: 0,
      items: [item(hb.criteria[0]!.id, 1)],
    });
    await expect(submitSheet(a, users.secA.ctx, { sheetId: other.id, lockVersion: 1 })).rejects.toThrow(
      'selfCheck.errors.incomplete',
    );
    await expect(submitSheet(a, users.clerkA.ctx, { sheetId, lockVersion: 1 })).rejects.toThrow(
      'errors.forbidden',
    );
    const r = await submitSheet(a, users.secA.ctx, { sheetId, lockVersion: 1 }, now);
    expect(r.total).toBe(74);
    await expect(submitSheet(a, users.secA.ctx, { sheetId, lockVersion: 2 })).rejects.toThrow(
      'selfCheck.errors.alreadySubmitted',
    );
    await expect(
      saveSheet(a, users.clerkA.ctx, { sheetId, lockVersion: 2, items: [item(hb.criteria[0]!.id, 0)] }),
    ).rejects.toThrow('selfCheck.errors.frozen');
    expect(await a.selfCheckSheet.findUniqueOrThrow({ where: { id: sheetId } })).toMatchObject({
      status: 'SUBMITTED',
      total: 74,
      submittedById: users.secA.id,
    });
  });

  it('the committee sees who has submitted, chases the others, and reopens a sheet as a new revision keeping the old', async () => {
    const o = await sheetOverviewFor(users.committee.subject, '2026-Q3', a);
    expect(o.rows.find((r) => r.id === tree.a.id)!.sheet).toMatchObject({ status: 'SUBMITTED', total: 74 });
    expect(o.rows.find((r) => r.id === tree.b.id)!.sheet).toBeNull();
    await expect(sheetOverviewFor(users.secA.subject, '2026-Q3', a)).rejects.toThrow('errors.forbidden');
    // The page shows one page of the same rows, its counts over all of them; a page past the end is the last.
    const last = await sheetOverviewPage(users.committee.subject, '2026-Q3', 10_000, a);
    expect(last.pages).toBe(Math.max(1, Math.ceil(o.rows.length / OVERVIEW_PAGE)));
    expect(last.page).toBe(last.pages);
    expect(last.rows).toEqual(o.rows.slice((last.pages - 1) * OVERVIEW_PAGE));
    expect([last.total, last.submitted]).toEqual([o.total, o.submitted]);
    await expect(sheetOverviewPage(users.secA.subject, '2026-Q3', 1, a)).rejects.toThrow('errors.forbidden');
    const chase = await chaseMissingSheets(a, users.committee.ctx, { periodKey: '2026-Q3' }, now);
    expect(chase.units).toBeGreaterThan(0);
    expect(await a.notification.count({ where: { userId: users.secB.id, kind: 'SELF_CHECK' } })).toBe(1);
    expect(await a.notification.count({ where: { userId: users.secA.id, kind: 'SELF_CHECK' } })).toBe(0);

    await expect(reopenSheet(a, users.secA.ctx, { sheetId, reason: '自己想改' })).rejects.toThrow(
      'errors.forbidden',
    );
    const re = await reopenSheet(
      a,
      users.committee.ctx,
      { sheetId, reason: '党费扣分依据不足，请补充说明' },
      now,
    );
    const old = await a.selfCheckSheet.findUniqueOrThrow({ where: { id: sheetId } });
    expect(old.status).toBe('SUBMITTED');
    expect(old.supersededAt).not.toBeNull();
    const next = await a.selfCheckSheet.findUniqueOrThrow({ where: { id: re.id }, include: { items: true } });
    expect(next).toMatchObject({
      revision: 2,
      status: 'DRAFT',
      reopenReason: '党费扣分依据不足，请补充说明',
    });
    expect(next.items.map((i) => i.count).sort()).toEqual([3, 6]);
    await expect(reopenSheet(a, users.committee.ctx, { sheetId, reason: '再开一次' })).rejects.toThrow(
      'selfCheck.errors.notReopenable',
    );
    const detail = await sheetDetailFor(users.clerkA.subject, re.id, a);
    expect(detail.revisions.map((r) => r.revision)).toEqual([1, 2]);
    await expect(sheetDetailFor(users.clerkB.subject, re.id, a)).rejects.toThrow('errors.forbidden');
    expect(
      (await mySheetsFor(users.clerkA.subject, now, a)).orgs
        .find((x) => x.id === tree.a.id)!
        .sheets.find((s) => s.periodKey === '2026-Q3')!.id,
    ).toBe(re.id);
  });
});
