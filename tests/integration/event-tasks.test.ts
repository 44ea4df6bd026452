import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDay } from '../../lib/calendar';
import { generateEventTasks } from '../../lib/reminders/mutations/events';
import { makeOrg, makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makePerson } from '../fixtures/people';
import { makeAction, makePublishedHandbook } from '../fixtures/handbook';
import { testDb } from '../fixtures/db';

const db = testDb();
const today = cstDay(new Date());
let tree: Tree;
let committee: TestUser;
let actions: Record<string, string>;
beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  const hb = await makePublishedHandbook(db, uniq('版'));
  actions = {};
  for (const [code, title, n] of [
    ['A-09-1', '与入党申请人谈话', 30],
    ['A-16-1', '办理党员组织关系转接', 30],
    ['A-02-1', '任期届满前报送换届请示', 10],
    ['A-01-1', '新开工项目成立党支部', 15],
  ] as const) {
    const a = await makeAction(db, hb, {
      code: code === 'A-02-1' ? 'A-02-9' : code,
      title,
      frequency: 'EVENT',
      dueRule: { kind: 'DAYS_AFTER_EVENT', n },
    });
    actions[code] = a.id;
  }
});

// Not yet members unless the test says so: no admission dates by default.
const person = (over: Record<string, unknown>) =>
  makePerson(db, committee.ctx, tree.a.id, {
    name: '事件人员',
    admittedOn: undefined,
    fullOn: undefined,
    ...over,
  });
const tasksOf = (orgId: string) =>
  db.reminderTask.findMany({ where: { orgId }, orderBy: { periodKey: 'asc' } });

describe('event-driven reminder tasks', () => {
  it('an application, a late letter and a project start each make one task, however often the job runs', async () => {
    const applicant = await person({ status: 'APPLICANT', appliedOn: addDays(today, -5) });
    const mover = await person({ status: 'FULL', admittedOn: '2015-01-01', fullOn: '2016-01-05' });
    await db.transfer.create({
      data: {
        kind: 'INTERNAL',
        status: 'ISSUED',
        personId: mover.id,
        fromOrgId: tree.a.id,
        toOrgId: tree.b.id,
        letterNo: 'X-1',
        validUntil: new Date(`${addDays(today, -3)}T00:00:00Z`),
        issuedAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
    const project = await makeOrg(db, tree.root, 'BRANCH');
    await db.organization.update({
      where: { id: project.id },
      data: { status: 'PREPARING', projectActualStart: new Date(`${addDays(today, -20)}T00:00:00Z`) },
    });
    for (let i = 0; i < 3; i += 1) {
      const p = await person({
        status: 'FULL',
        admittedOn: '2015-01-01',
        fullOn: '2016-01-05',
        orgId: tree.b.id,
      });
      await db.person.update({ where: { id: p.id }, data: { workOrgId: project.id } });
    }

    const first = await generateEventTasks(db);
    expect(first.inserted).toBeGreaterThanOrEqual(3);
    const again = await generateEventTasks(db);
    expect(again.inserted).toBe(0);
    await Promise.all([generateEventTasks(db), generateEventTasks(db)]);

    const ofA = await tasksOf(tree.a.id);
    const talk = ofA.filter((t) => t.actionId === actions['A-09-1']);
    expect(talk).toHaveLength(1);
    expect(talk[0]!.eventNote).toContain('申请入党');
    expect(talk[0]!.dueDate.toISOString().slice(0, 10) > today).toBe(true);
    expect(talk[0]!.periodKey).toBe(`P${applicant.id.replace(/-/g, '').slice(0, 10)}`);
    // The overstayed letter is the receiving branch's to chase; the new project's branch is its parent's to request.
    expect((await tasksOf(tree.b.id)).filter((t) => t.actionId === actions['A-16-1'])).toHaveLength(1);
    const setUp = (await tasksOf(tree.root.id)).filter((t) => t.actionId === actions['A-01-1']);
    expect(setUp).toHaveLength(1);
    expect(setUp[0]!.dueDate.toISOString().slice(0, 10)).toBe(addDays(today, -5));
  });

  it('once the talk is recorded, no new task appears for it', async () => {
    const p = await person({ status: 'APPLICANT', appliedOn: addDays(today, -2) });
    await db.person.update({ where: { id: p.id }, data: { talkOn: new Date(`${today}T00:00:00Z`) } });
    await generateEventTasks(db);
    const key = `P${p.id.replace(/-/g, '').slice(0, 10)}`;
    expect(await db.reminderTask.count({ where: { periodKey: key } })).toBe(0);
  });
});
