import { beforeAll, describe, expect, it } from 'vitest';
import { twoAppInstances } from '../fixtures/db';
import { completeTask } from '../../lib/reminders/mutations/complete';
import { generateCurrent, generateForPeriod, generatePeriodIn } from '../../lib/reminders/mutations/generate';
import { reminderGlanceFor, reminderSummaryFor, reminderTableFor } from '../../lib/reminders/queries';
import { makeAction, makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeTree, makeUser, type Tree } from '../fixtures/factories';

const [a, b] = twoAppInstances();

let tree: Tree;
let actionKey: string;
let hb: TestHandbook;
beforeAll(async () => {
  hb = await makePublishedHandbook(a, `提醒测试${Date.now() % 10000}`);
  actionKey = (await a.prescribedAction.findFirstOrThrow({ where: { versionId: hb.version.id } })).key;
  tree = await makeTree(a);
});

// Test files share the run's database (one at a time): the traces written since this file started are its own.
const started = new Date();
const generationTraces = (periodKey: string) =>
  a.auditEvent.findMany({
    where: {
      action: 'reminders.generate',
      at: { gte: started },
      after: { path: ['periodKey'], equals: periodKey },
    },
  });

const tasksOf = (orgId: string, periodKey?: string) =>
  a.reminderTask.findMany({ where: { orgId, actionKey, ...(periodKey ? { periodKey } : {}) } });

describe('reminder generation', () => {
  it('creates one task per action, active unit and period, with its due date', async () => {
    const r = await generateForPeriod(a, 'MONTH', '2026-10-15');
    expect(r).toMatchObject({ periodKey: '2026-M10', actions: 1 });
    const [task] = await tasksOf(tree.a.id, '2026-M10');
    // 党费 due by the 10th working day of October 2026 (10/1–10/7 national holiday, 10/10 a make-up Saturday):
    // without a calendar loaded it is the 10th weekday, 10/14.
    expect(task!.dueDate.toISOString().slice(0, 10)).toBe('2026-10-14');
    expect(await tasksOf(tree.a1.id, '2026-M10')).toHaveLength(0); // a party group is not a branch
  });

  it('a project-only action (先锋岗, 责任区) reaches branches with a construction project, not the 机关党支部', async () => {
    const onSite = await makeAction(a, hb, {
      code: `P-${Date.now() % 100000}`,
      title: '党员先锋岗季度评比',
      frequency: 'QUARTER',
      dueRule: { kind: 'DAYS_AFTER_PERIOD_END', n: 10 },
      projectOnly: true,
    });
    await a.organization.update({ where: { id: tree.a.id }, data: { projectName: '滨江新城综合管廊工程' } });
    await generateForPeriod(a, 'QUARTER', '2027-05-10');
    const reached = await a.reminderTask.findMany({
      where: { actionId: onSite.id, periodKey: '2027-Q2', orgId: { in: [tree.a.id, tree.b.id] } },
      select: { orgId: true },
    });
    expect(reached.map((t) => t.orgId)).toEqual([tree.a.id]);
  });

  it('is idempotent however often, and concurrently from two app instances', async () => {
    await Promise.all([
      generateForPeriod(a, 'MONTH', '2026-09-03'),
      generateForPeriod(b, 'MONTH', '2026-09-20'),
      generateForPeriod(a, 'MONTH', '2026-09-30'),
    ]);
    await generateForPeriod(b, 'MONTH', '2026-09-01');
    const rows = await a.reminderTask.groupBy({
      by: ['actionKey', 'orgId', 'periodKey'],
      where: { periodKey: '2026-M09' },
      _count: { _all: true },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r._count._all === 1)).toBe(true);
  });

  it('a run that crashes halfway leaves nothing to duplicate on the rerun', async () => {
    await expect(
      a.$transaction(async (tx) => {
        await generatePeriodIn(tx, 'MONTH', '2026-08-05');
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await tasksOf(tree.a.id, '2026-M08')).toHaveLength(0);
    expect(await generationTraces('2026-M08')).toHaveLength(0);
    await generateForPeriod(a, 'MONTH', '2026-08-05');
    await generateForPeriod(a, 'MONTH', '2026-08-05');
    expect(await tasksOf(tree.a.id, '2026-M08')).toHaveLength(1);
    // The job traces the run that created tasks, not the idle rerun.
    expect(await generationTraces('2026-M08')).toHaveLength(1);
  });

  it("a person's generation commits with its trace event, or neither does", async () => {
    const actor = { id: null, name: '测试委员', ip: '127.0.0.1', userAgent: null };
    await generateForPeriod(a, 'MONTH', '2024-07-05', actor);
    const [ev] = await generationTraces('2024-M07');
    expect(ev).toMatchObject({ actorName: '测试委员' });
    expect((ev!.after as { inserted: number }).inserted).toBe(
      await a.reminderTask.count({ where: { periodKey: '2024-M07' } }),
    );
    await expect(
      a.$transaction(async (tx) => {
        await generatePeriodIn(tx, 'MONTH', '2024-06-05', actor);
        throw new Error('crash after the trace');
      }),
    ).rejects.toThrow('crash');
    expect(await tasksOf(tree.a.id, '2024-M06')).toHaveLength(0);
    expect(await generationTraces('2024-M06')).toHaveLength(0);
  });

  it('new units get the current period on the next run; archived and 筹建 units get none', async () => {
    const fresh = await makeOrg(a, tree.root, 'BRANCH');
    const archived = await makeOrg(a, tree.root, 'BRANCH');
    await a.organization.update({ where: { id: archived.id }, data: { status: 'ARCHIVED' } });
    const preparing = await makeOrg(a, tree.root, 'BRANCH');
    await a.organization.update({ where: { id: preparing.id }, data: { status: 'PREPARING' } });
    const now = new Date('2026-11-25T04:00:00Z');
    const results = await generateCurrent(a, now);
    expect(results.find((r) => r.frequency === 'MONTH')!.periodKey).toBe('2026-M11');
    expect(await tasksOf(fresh.id, '2026-M11')).toHaveLength(1);
    expect(await tasksOf(archived.id)).toHaveLength(0);
    expect(await tasksOf(preparing.id)).toHaveLength(0);
  });

  it('working days come from the calendar table', async () => {
    await a.calendarDay.createMany({
      data: [
        ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => ({
          date: new Date(`${d}T00:00:00Z`),
          kind: 'HOLIDAY' as const,
          name: '国庆节',
        })),
        { date: new Date('2026-10-10T00:00:00Z'), kind: 'WORKDAY' as const, name: '国庆节调休上班' },
      ],
      skipDuplicates: true,
    });
    const other = await makeOrg(a, tree.root, 'BRANCH');
    await a.reminderTask.deleteMany({ where: { orgId: other.id } });
    await a.$executeRaw`DELETE FROM "ReminderTask" WHERE "periodKey" = '2026-M10'`;
    await generateForPeriod(a, 'MONTH', '2026-10-15');
    const [task] = await tasksOf(other.id, '2026-M10');
    // 10/8, 10/9, 10/10 (make-up), 10/12–16, 10/19, 10/20: the 10th working day is 10/20.
    expect(task!.dueDate.toISOString().slice(0, 10)).toBe('2026-10-20');
  });
});

describe('who sees which reminders', () => {
  it('a secretary sees the tasks of their branch only; another branch sees none of them; a member is refused', async () => {
    const now = new Date('2026-11-25T04:00:00Z');
    await generateCurrent(a, now);
    const secA = await makeUser(a, 'SECRETARY', tree.a);
    const secB = await makeUser(a, 'SECRETARY', tree.b);
    const tableA = await reminderTableFor(secA.subject, now);
    expect(tableA.tasks.length).toBeGreaterThan(0);
    expect(tableA.tasks.every((t) => t.orgId === tree.a.id)).toBe(true);
    expect((await reminderTableFor(secB.subject, now)).tasks.some((t) => t.orgId === tree.a.id)).toBe(false);
    const member = await makeUser(a, 'MEMBER', tree.a);
    await expect(reminderTableFor(member.subject, now)).rejects.toThrow('errors.forbidden');
    await expect(reminderSummaryFor(secA.subject, now)).rejects.toThrow('errors.forbidden');
    const committee = await makeUser(a, 'COMMITTEE', tree.root);
    const summary = await reminderSummaryFor(committee.subject, now);
    expect(summary.find((r) => r.frequency === 'MONTH')!.total).toBeGreaterThan(0);
  });

  it("the workbench's glance is the 工作提醒表's tasks, in its order and states, and refused where the table is", async () => {
    const now = new Date('2026-11-25T04:00:00Z');
    await generateCurrent(a, now);
    const sec = await makeUser(a, 'SECRETARY', tree.a);
    // One done, so that every state the workbench counts can differ.
    const [first] = (await reminderTableFor(sec.subject, now)).tasks;
    await a.reminderTask.update({ where: { id: first!.id }, data: { status: 'DONE', completedAt: now } });
    const table = (await reminderTableFor(sec.subject, now)).tasks;
    const glance = await reminderGlanceFor(sec.subject, now);
    expect(glance.map((t) => [t.id, t.state, t.org.name, t.action.title])).toEqual(
      table.map((t) => [t.id, t.state, t.org.name, t.action.title]),
    );
    expect(new Set(glance.map((t) => t.state)).size).toBeGreaterThan(1);
    const member = await makeUser(a, 'MEMBER', tree.a);
    await expect(reminderGlanceFor(member.subject, now)).rejects.toThrow('errors.forbidden');
  });
});

describe('completing a task', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  it('records the day, note, evidence, on time; refuses a second completion, another branch, the future and bad files', async () => {
    await generateForPeriod(a, 'MONTH', '2026-07-10');
    const [task] = await tasksOf(tree.a.id, '2026-M07');
    const clerkA = await makeUser(a, 'CLERK', tree.a);
    const clerkB = await makeUser(a, 'CLERK', tree.b);
    const now = new Date('2026-07-08T02:00:00Z');
    const input = { taskId: task!.id, activityDate: '2026-07-06', note: '已收缴' };
    await expect(completeTask(a, clerkB.ctx, input, [], now)).rejects.toThrow('errors.forbidden');
    await expect(
      completeTask(a, clerkA.ctx, { ...input, activityDate: '2026-07-09' }, [], now),
    ).rejects.toThrow('reminders.errors.futureDate');
    // Long before the month (1900-01-01 was once taken and rated on time); the month before it is allowed.
    for (const day of ['1900-01-01', '2026-05-30'])
      await expect(
        completeTask(a, clerkA.ctx, { ...input, activityDate: day }, [], now),
      ).rejects.toMatchObject({
        key: 'reminders.errors.beforePeriod',
        params: { day: '2026-05-31' },
      });
    for (const [file, key] of [
      [{ name: '照片.jpg', bytes: Buffer.from('MZ\x90\x00 not an image') }, 'reminders.errors.fileType'],
      [{ name: 'big.png', bytes: Buffer.alloc(20 * 1024 * 1024 + 1) }, 'reminders.errors.fileTooLarge'],
    ] as const)
      await expect(completeTask(a, clerkA.ctx, input, [file], now)).rejects.toThrow(key);
    expect((await a.reminderTask.findUniqueOrThrow({ where: { id: task!.id } })).status).toBe('OPEN');

    const r = await completeTask(a, clerkA.ctx, input, [{ name: '收缴现场.png', bytes: png }], now);
    expect(r.onTime).toBe(true);
    const done = await a.reminderTask.findUniqueOrThrow({
      where: { id: task!.id },
      include: { evidence: true },
    });
    expect(done).toMatchObject({ status: 'DONE', note: '已收缴', completedById: clerkA.id });
    expect(done.activityDate!.toISOString().slice(0, 10)).toBe('2026-07-06');
    expect(done.evidence).toHaveLength(1);
    expect(done.evidence[0]).toMatchObject({ fileName: '收缴现场.png', mimeType: 'image/png' });
    // The photo's facts are kept beside it, dated by the activity it is evidence for.
    expect(await a.photoCheck.findUniqueOrThrow({ where: { fileId: done.evidence[0]!.id } })).toMatchObject({
      source: 'TASK',
      recordId: task!.id,
      orgId: done.orgId,
      activityDate: new Date('2026-07-06T00:00:00Z'),
      sha256: done.evidence[0]!.sha256,
    });
    await expect(completeTask(a, clerkA.ctx, input, [], now)).rejects.toThrow('reminders.errors.alreadyDone');
    expect(await a.auditEvent.count({ where: { entityId: task!.id, action: 'reminders.complete' } })).toBe(1);
  });

  it('two clerks completing at once: exactly one succeeds', async () => {
    await generateForPeriod(a, 'MONTH', '2026-06-10');
    const [task] = await tasksOf(tree.a.id, '2026-M06');
    const c1 = await makeUser(a, 'CLERK', tree.a);
    const c2 = await makeUser(b, 'CLERK', tree.a);
    const now = new Date('2026-07-20T02:00:00Z');
    const results = await Promise.allSettled([
      completeTask(a, c1.ctx, { taskId: task!.id, activityDate: '2026-06-05' }, [], now),
      completeTask(b, c2.ctx, { taskId: task!.id, activityDate: '2026-06-06' }, [], now),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(
      (results.find((x) => x.status === 'fulfilled') as PromiseFulfilledResult<{ onTime: boolean }>).value
        .onTime,
    ).toBe(false);
  });
});

describe('the back-fill flag', () => {
  it('flags a record made long after the claimed day, and a burst of past-period records', async () => {
    const unit = await makeOrg(a, tree.root, 'BRANCH');
    const clerk = await makeUser(a, 'CLERK', unit);
    for (let m = 1; m <= 9; m += 1)
      await generateForPeriod(a, 'MONTH', `2026-${String(m).padStart(2, '0')}-10`);
    const tasks = await a.reminderTask.findMany({
      where: { orgId: unit.id, actionKey },
      orderBy: { periodStart: 'asc' },
    });
    expect(tasks).toHaveLength(9);
    const now = new Date('2026-10-20T02:00:00Z');
    // January's task, claimed to have happened on 1/20, recorded on 10/20: LAG.
    const first = await completeTask(
      a,
      clerk.ctx,
      { taskId: tasks[0]!.id, activityDate: '2026-01-20' },
      [],
      now,
    );
    expect(first.backfillFlag).toBe('LAG');
    // Seven more past months within the hour: the eighth past-period record makes a burst, all flagged.
    for (let i = 1; i < 8; i += 1) {
      await completeTask(
        a,
        clerk.ctx,
        { taskId: tasks[i]!.id, activityDate: `2026-${String(i + 1).padStart(2, '0')}-15` },
        [],
        new Date(now.getTime() + i * 60_000),
      );
    }
    const flags = (
      await a.reminderTask.findMany({
        where: { id: { in: tasks.slice(0, 8).map((t) => t.id) } },
        select: { backfillFlag: true },
      })
    ).map((t) => t.backfillFlag);
    expect(flags.every((f) => f === 'BURST')).toBe(true);
    // An ordinary, timely record stays unflagged.
    const sept = await completeTask(
      a,
      clerk.ctx,
      { taskId: tasks[8]!.id, activityDate: '2026-09-08' },
      [],
      new Date('2026-09-09T02:00:00Z'),
    );
    expect(sept.backfillFlag).toBeNull();
  });
});
