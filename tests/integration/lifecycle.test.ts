import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../lib/errors';
import {
  cancelOpenTasks,
  extendTerm,
  handUpRectifications,
  setLifecycle,
} from '../../lib/orgs/mutations/lifecycle';
import { archiveOrg } from '../../lib/orgs/mutations/tree';
import { lifecycleOf } from '../../lib/orgs/queries';
import { recordDues, setDuesBase } from '../../lib/people/mutations/dues';
import { issueTransfer, proposeTransfer } from '../../lib/people/mutations/transfer';
import { addDays, addMonths, cstDay } from '../../lib/calendar';
import { makeOrg, makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makePublishedHandbook } from '../fixtures/handbook';
import { makePerson } from '../fixtures/people';
import { testDb } from '../fixtures/db';

const db = testDb();
const today = cstDay(new Date());
let tree: Tree;
let committee: TestUser;
beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
});
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => ({ key: 'accepted', params: {} }),
    (e: unknown) =>
      e instanceof UserError ? { key: e.key, params: e.params } : { key: String(e), params: {} },
  );
// 预备党员 admitted this month owe no 党费 yet; a 正式党员 of long standing who paid nothing this year does.
const member = (orgId: string, status: 'FULL' | 'PROBATIONARY' = 'PROBATIONARY', admitted?: string) =>
  makePerson(db, committee.ctx, orgId, {
    name: '项目党员',
    status,
    admittedOn: admitted ?? (status === 'FULL' ? '2018-06-01' : `${today.slice(0, 7)}-01`),
    fullOn: status === 'FULL' ? '2019-06-03' : undefined,
  });

describe('closing a project branch', () => {
  it('archiving is refused, naming what is left, until the checklist is done', async () => {
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    const secretary = await makeUser(db, 'SECRETARY', branch);
    const [a, b] = [await member(branch.id), await member(branch.id)];
    // A member admitted three months ago who has paid nothing since is in arrears: the dues line counts them.
    const owing = await member(branch.id, 'PROBATIONARY', `${addMonths(today, -3).slice(0, 7)}-01`);
    const { version } = await makePublishedHandbook(db, uniq('版'));
    const action = await db.prescribedAction.findFirstOrThrow({
      where: { article: { versionId: version.id } },
    });
    await db.reminderTask.create({
      data: {
        actionKey: action.key,
        actionId: action.id,
        orgId: branch.id,
        periodKey: '2026-11',
        periodStart: new Date('2026-11-01'),
        periodEnd: new Date('2026-11-30'),
        dueDate: new Date('2026-11-30'),
      },
    });
    // Not closing yet: no actual end date.
    expect(
      (await refusal(cancelOpenTasks(db, secretary.ctx, { orgId: branch.id, reason: '完工' }))).key,
    ).toBe('orgs.closing.errors.notClosing');
    await db.organization.update({
      where: { id: branch.id },
      data: { projectActualEnd: new Date(`${addDays(today, -3)}T00:00:00Z`) },
    });
    // Arrears are counted from January: the months since admission that fall in this year.
    const owed = [3, 2, 1]
      .map((n) => addMonths(today, -n).slice(0, 7))
      .filter((m) => m.startsWith(today.slice(0, 4)));
    const refused = await refusal(archiveOrg(db, committee.ctx, { id: branch.id }));
    expect(refused).toEqual({
      key: 'orgs.closing.errors.open',
      params: { members: 3, tasks: 1, rectifications: 0, dues: owed.length ? 1 : 0 },
    });
    const life = await lifecycleOf(
      secretary.subject,
      await db.organization.findUniqueOrThrow({ where: { id: branch.id } }),
    );
    expect(life.closing?.unplaced.map((p) => p.id).sort()).toEqual([a.id, b.id, owing.id].sort());
    expect(life.closing?.arrears).toBe(owed.length ? 1 : 0);

    // Work down the list: both members' letters out (在途 counts as placed), open tasks cancelled with a reason.
    await setDuesBase(db, secretary.ctx, {
      personId: owing.id,
      year: Number(today.slice(0, 4)),
      category: 'EMPLOYED',
      monthlyBase: '6000',
      quarterly: false,
    });
    if (owed.length) await recordDues(db, secretary.ctx, { personId: owing.id, months: owed, paidOn: today });
    for (const p of [a, b, owing]) {
      const t = await proposeTransfer(db, secretary.ctx, {
        personId: p.id,
        kind: 'INTERNAL',
        toOrgId: tree.a.id,
      });
      await issueTransfer(db, committee.ctx, {
        id: t.id,
        letterNo: uniq('L'),
        validUntil: addDays(today, 30),
      });
    }
    expect(
      (await cancelOpenTasks(db, secretary.ctx, { orgId: branch.id, reason: '项目完工，支部撤销' }))
        .cancelled,
    ).toBe(1);
    expect((await refusal(archiveOrg(db, secretary.ctx, { id: branch.id }))).key).toBe('errors.forbidden');
    await archiveOrg(db, committee.ctx, { id: branch.id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: branch.id } })).status).toBe('ARCHIVED');
    const task = await db.reminderTask.findFirstOrThrow({ where: { orgId: branch.id } });
    expect([task.status, task.cancelReason]).toEqual(['CANCELLED', '项目完工，支部撤销']);
  });
});

describe('closing steps are the branch leaders’ and the committee’s', () => {
  it('a clerk may not cancel open tasks; open rectifications go up to the parent, by the secretary only', async () => {
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    const [secretary, clerk] = [await makeUser(db, 'SECRETARY', branch), await makeUser(db, 'CLERK', branch)];
    await db.organization.update({
      where: { id: branch.id },
      data: { projectActualEnd: new Date(`${addDays(today, -1)}T00:00:00Z`) },
    });
    expect((await refusal(cancelOpenTasks(db, clerk.ctx, { orgId: branch.id, reason: '完工' }))).key).toBe(
      'errors.forbidden',
    );
    expect((await refusal(handUpRectifications(db, clerk.ctx, { orgId: branch.id }))).key).toBe(
      'errors.forbidden',
    );
    const outsider = await makeUser(db, 'SECRETARY', tree.b);
    expect((await refusal(handUpRectifications(db, outsider.ctx, { orgId: branch.id }))).key).toBe(
      'errors.forbidden',
    );
    const r = await handUpRectifications(db, secretary.ctx, { orgId: branch.id });
    expect(r).toEqual({ handedUp: 0 });
    expect(await db.auditEvent.count({ where: { action: 'org.closing.handUp', entityId: branch.id } })).toBe(
      1,
    );
  });
});

describe('terms', () => {
  it('records a term and an extension of at most a year, approved by the parent', async () => {
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    const start = addMonths(today, -35);
    await setLifecycle(db, committee.ctx, { id: branch.id, temporary: false, termStart: start });
    const end = addMonths(start, 36);
    expect(
      (
        await refusal(
          extendTerm(db, committee.ctx, {
            id: branch.id,
            extendedTo: addMonths(end, 13),
            approvedBy: '公司党委',
          }),
        )
      ).key,
    ).toBe('orgs.lifecycle.errors.extensionTooLong');
    await extendTerm(db, committee.ctx, {
      id: branch.id,
      extendedTo: addMonths(end, 6),
      approvedBy: '公司党委',
    });
    const row = await db.organization.findUniqueOrThrow({ where: { id: branch.id } });
    expect(row.termExtendedTo?.toISOString().slice(0, 10)).toBe(addMonths(end, 6));
    expect(
      await db.auditEvent.count({
        where: { entityId: branch.id, action: { in: ['org.lifecycle', 'org.termExtend'] } },
      }),
    ).toBe(2);
    const secretary = await makeUser(db, 'SECRETARY', branch);
    expect((await refusal(setLifecycle(db, secretary.ctx, { id: branch.id, temporary: true }))).key).toBe(
      'errors.forbidden',
    );
    expect(
      (
        await refusal(
          extendTerm(db, secretary.ctx, { id: branch.id, extendedTo: addMonths(end, 3), approvedBy: '某' }),
        )
      ).key,
    ).toBe('errors.forbidden');
  });

  it('counts the 正式党员 working with the branch, seconded ones included, for the committee rule', async () => {
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    for (let i = 0; i < 6; i += 1) await member(branch.id, 'FULL');
    const seconded = await member(tree.b.id, 'FULL');
    await db.person.update({ where: { id: seconded.id }, data: { workOrgId: branch.id } });
    const life = await lifecycleOf(
      committee.subject,
      await db.organization.findUniqueOrThrow({ where: { id: branch.id } }),
    );
    expect(life.counts.full).toBe(7);
    expect(life.findings.map((f) => f.key)).toContain('committeeRequired');
  });
});
