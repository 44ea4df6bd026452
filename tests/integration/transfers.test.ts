import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDay } from '../../lib/calendar';
import {
  cancelTransfer,
  issueTransfer,
  proposeTransfer,
  receiveTransfer,
  recordIncoming,
} from '../../lib/people/mutations/transfer';
import { rosterFor } from '../../lib/people/queries/roster';
import { transfersFor } from '../../lib/people/queries/transfers';
import { makeOrg, makeTree, makeUser, type TestUser, type Tree } from '../fixtures/factories';
import { makePerson, refusal } from '../fixtures/people';
import { testDb } from '../fixtures/db';

const db = testDb();
let tree: Tree;
let committee: TestUser;
let secretaryA: TestUser;
let secretaryB: TestUser;
let thirdSecretary: TestUser;
let c: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  tree = await makeTree(db);
  c = await makeOrg(db, tree.root, 'BRANCH');
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  secretaryA = await makeUser(db, 'SECRETARY', tree.a);
  secretaryB = await makeUser(db, 'SECRETARY', tree.b);
  thirdSecretary = await makeUser(db, 'SECRETARY', c);
});

const today = cstDay(new Date());
const newPerson = (orgId = tree.a.id) => makePerson(db, committee.ctx, orgId, { name: '调动党员' });

describe('组织关系转接 within the company', () => {
  it('proposed by the branch, issued by the committee, 在途 on both sides, confirmed by the receiving branch', async () => {
    const p = await newPerson();
    const t = await proposeTransfer(db, secretaryA.ctx, {
      personId: p.id,
      kind: 'INTERNAL',
      toOrgId: tree.b.id,
    });
    expect(
      await refusal(
        issueTransfer(db, secretaryA.ctx, { id: t.id, letterNo: 'Z1', validUntil: addDays(today, 30) }),
      ),
    ).toBe('errors.forbidden');
    await issueTransfer(db, committee.ctx, {
      id: t.id,
      letterNo: '华岳组〔2026〕12号',
      validUntil: addDays(today, 30),
    });
    // Both branches and the committee see it in transit; a third branch does not.
    for (const who of [secretaryA, secretaryB, committee])
      expect((await transfersFor(who.subject)).inTransit.map((x) => x.id)).toContain(t.id);
    expect((await transfersFor(thirdSecretary.subject)).inTransit.map((x) => x.id)).not.toContain(t.id);
    expect(
      (await rosterFor(secretaryA.subject, secretaryA.ctx.actor, {})).rows.find((r) => r.id === p.id)
        ?.inTransit,
    ).toBe(tree.b.name);
    // Only the receiving side confirms.
    expect(await refusal(receiveTransfer(db, secretaryA.ctx, { id: t.id }))).toBe(
      'transfers.errors.notYours',
    );
    expect(await refusal(receiveTransfer(db, thirdSecretary.ctx, { id: t.id }))).toBe('errors.forbidden');
    await receiveTransfer(db, secretaryB.ctx, { id: t.id });
    const moved = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(moved.orgId).toBe(tree.b.id);
    expect((await db.transfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('RECEIVED');
    expect(await db.auditEvent.count({ where: { entityType: 'Transfer', entityId: t.id } })).toBe(3);
    expect(await refusal(receiveTransfer(db, secretaryB.ctx, { id: t.id }))).toBe(
      'transfers.errors.notInTransit',
    );
  });

  it('refuses: own unit, archived unit, someone outside one’s scope, a second open transfer, a letter past or too long', async () => {
    const p = await newPerson();
    const closed = await makeOrg(db, tree.root, 'BRANCH');
    await db.organization.update({ where: { id: closed.id }, data: { status: 'ARCHIVED' } });
    const before = await db.transfer.count();
    const propose = (who: TestUser, toOrgId: string) =>
      refusal(proposeTransfer(db, who.ctx, { personId: p.id, kind: 'INTERNAL', toOrgId }));
    expect(await propose(secretaryA, tree.a.id)).toBe('transfers.errors.sameUnit');
    expect(await propose(secretaryA, closed.id)).toBe('transfers.errors.toArchived');
    expect(await propose(secretaryB, tree.b.id)).toBe('errors.forbidden');
    expect(await db.transfer.count()).toBe(before);
    const t = await proposeTransfer(db, secretaryA.ctx, { personId: p.id, kind: 'INTERNAL', toOrgId: c.id });
    expect(await propose(secretaryA, tree.b.id)).toBe('transfers.errors.alreadyOpen');
    const issue = (validUntil: string) =>
      refusal(issueTransfer(db, committee.ctx, { id: t.id, letterNo: 'X', validUntil }));
    expect(await issue(addDays(today, -1))).toBe('transfers.errors.validityPast');
    expect(await issue(addDays(today, 120))).toBe('transfers.errors.validityTooLong');
    expect((await db.transfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('PROPOSED');
    expect(await refusal(cancelTransfer(db, secretaryB.ctx, { id: t.id, reason: '不是我的' }))).toBe(
      'errors.forbidden',
    );
    await cancelTransfer(db, secretaryA.ctx, { id: t.id, reason: '项目推迟开工' });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('CANCELLED');
  });

  it('a letter past its validity without 报到 is overdue', async () => {
    const p = await newPerson();
    const t = await proposeTransfer(db, secretaryA.ctx, {
      personId: p.id,
      kind: 'INTERNAL',
      toOrgId: tree.b.id,
    });
    await issueTransfer(db, committee.ctx, { id: t.id, letterNo: 'Y', validUntil: addDays(today, 10) });
    await db.transfer.update({
      where: { id: t.id },
      data: {
        validUntil: new Date(`${addDays(today, -2)}T00:00:00Z`),
        issuedAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
    const row = (await transfersFor(committee.subject)).inTransit.find((x) => x.id === t.id)!;
    expect([row.overdue, row.days]).toEqual([true, 40]);
  });
});

describe('transfers across the company’s boundary', () => {
  it('out: the person leaves the roster when the committee records the receipt', async () => {
    const p = await newPerson();
    const t = await proposeTransfer(db, secretaryA.ctx, {
      personId: p.id,
      kind: 'OUT',
      externalUnit: '江州市交通局机关党委',
    });
    await issueTransfer(db, committee.ctx, { id: t.id, letterNo: 'W', validUntil: addDays(today, 30) });
    expect(await refusal(receiveTransfer(db, secretaryA.ctx, { id: t.id }))).toBe('errors.forbidden');
    await receiveTransfer(db, committee.ctx, { id: t.id });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).leftOn).not.toBeNull();
    expect(
      (await rosterFor(secretaryA.subject, secretaryA.ctx.actor, {})).rows.map((r) => r.id),
    ).not.toContain(p.id);
  });

  it('in: registered at the receiving branch, recorded with its letter, closed by the 报到', async () => {
    const p = await newPerson(tree.b.id);
    const refused = [
      [committee, tree.a.id, today, 'transfers.errors.registerFirst'],
      [secretaryB, tree.b.id, today, 'errors.forbidden'],
      [committee, tree.b.id, '2099-12-31', 'transfers.errors.validityTooLong'],
    ] as const;
    for (const [who, toOrgId, validUntil, key] of refused) {
      const input = { employeeNo: p.employeeNo, toOrgId, externalUnit: '外单位', letterNo: 'I', validUntil };
      expect(await refusal(recordIncoming(db, who.ctx, input))).toBe(key);
    }
    const t = await recordIncoming(db, committee.ctx, {
      employeeNo: p.employeeNo,
      toOrgId: tree.b.id,
      externalUnit: '江州市政工程公司党委',
      letterNo: '江市政组〔2026〕3号',
      validUntil: addDays(today, 20),
    });
    expect((await transfersFor(secretaryB.subject)).inTransit.map((x) => x.id)).toContain(t.id);
    await receiveTransfer(db, secretaryB.ctx, { id: t.id });
    expect((await db.transfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('RECEIVED');
  });
});
