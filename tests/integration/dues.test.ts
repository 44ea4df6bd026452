import { describe, expect, it } from 'vitest';
import { addMonth, arrears } from '../../lib/people/dues';
import { recordDues, setDuesBase } from '../../lib/people/mutations/dues';
import { arrearsOf, DUES_PAGE, duesFor, duesStartMonth } from '../../lib/people/queries/dues';
import { ZSetDuesBase } from '../../lib/people/schema';
import { cstDay } from '../../lib/calendar';
import { makePerson, refusal } from '../fixtures/people';
import { testDb } from '../fixtures/db';
import { treeWithUsers } from '../fixtures/tree';

const db = testDb();
const today = cstDay(new Date());
const thisMonth = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const { tree, committee, secretaryA, secretaryB, clerkA } = treeWithUsers(db, {
  committee: ['COMMITTEE', 'root'],
  secretaryA: ['SECRETARY', 'a'],
  secretaryB: ['SECRETARY', 'b'],
  clerkA: ['CLERK', 'a'],
});
const member = (over: Record<string, unknown> = {}) =>
  makePerson(db, committee.ctx, tree.a.id, {
    name: '缴费党员',
    admittedOn: '2012-07-01',
    fullOn: '2013-07-02',
    ...over,
  });

describe('党费', () => {
  it('sets the year’s base by the 2008 rates and records months paid', async () => {
    const p = await member();
    const r = await setDuesBase(
      db,
      secretaryA.ctx,
      ZSetDuesBase.parse({
        personId: p.id,
        year,
        category: 'EMPLOYED',
        monthlyBase: '9800',
        quarterly: false,
      }),
    );
    expect(r.amount).toBe('147.00');
    await recordDues(db, secretaryA.ctx, { personId: p.id, months: [thisMonth], paidOn: today });
    const row = await db.duesPayment.findFirstOrThrow({ where: { personId: p.id } });
    expect([row.month, row.amount.toFixed(2)]).toEqual([thisMonth, '147.00']);
    expect(
      await db.auditEvent.count({ where: { entityId: p.id, action: { in: ['dues.base', 'dues.pay'] } } }),
    ).toBe(2);
  });

  it('refuses: another branch, a clerk, a negative base, a month paid twice, more than 6 months back, ahead without consent', async () => {
    const p = await member();
    const base = {
      personId: p.id,
      year,
      category: 'EMPLOYED' as const,
      monthlyBase: '6000',
      quarterly: false,
    };
    expect(await refusal(setDuesBase(db, secretaryB.ctx, base))).toBe('errors.forbidden');
    expect(await refusal(setDuesBase(db, clerkA.ctx, base))).toBe('errors.forbidden');
    expect(ZSetDuesBase.safeParse({ ...base, monthlyBase: '-5' }).error?.issues[0]?.message).toBe(
      'dues.errors.badAmount',
    );
    expect(ZSetDuesBase.safeParse({ ...base, monthlyBase: 'abc' }).success).toBe(false);
    await setDuesBase(db, secretaryA.ctx, base);
    await recordDues(db, secretaryA.ctx, { personId: p.id, months: [thisMonth], paidOn: today });
    expect(
      await refusal(recordDues(db, secretaryA.ctx, { personId: p.id, months: [thisMonth], paidOn: today })),
    ).toBe('dues.errors.alreadyPaid');
    expect(
      await refusal(
        recordDues(db, secretaryA.ctx, { personId: p.id, months: [addMonth(thisMonth, -7)], paidOn: today }),
      ),
    ).toBe('dues.errors.tooFarBack');
    if (thisMonth.slice(5) !== '12')
      expect(
        await refusal(
          recordDues(db, secretaryA.ctx, { personId: p.id, months: [addMonth(thisMonth, 1)], paidOn: today }),
        ),
      ).toBe('dues.errors.aheadNeedsConsent');
    const q = await member();
    await setDuesBase(db, secretaryA.ctx, { ...base, personId: q.id });
    expect(
      await refusal(
        recordDues(db, secretaryA.ctx, { personId: q.id, months: [thisMonth], paidOn: '1900-01-01' }),
      ),
    ).toBe('dues.errors.paidOnTooEarly');
    expect(await db.duesPayment.count({ where: { personId: p.id } })).toBe(1);
  });

  it('a non-member pays nothing; the ledger is shown only to those who may see personal data, and traced', async () => {
    const applicant = await member({
      status: 'APPLICANT',
      admittedOn: undefined,
      fullOn: undefined,
      appliedOn: '2026-01-05',
    });
    expect(
      await refusal(
        setDuesBase(db, secretaryA.ctx, {
          personId: applicant.id,
          year,
          category: 'EMPLOYED',
          monthlyBase: '5000',
          quarterly: false,
        }),
      ),
    ).toBe('dues.errors.notMember');
    const p = await member();
    const ofA = await duesFor(secretaryA.subject, secretaryA.ctx.actor, {});
    expect(ofA.rows.map((r) => r.id)).toContain(p.id);
    expect(ofA.rows.map((r) => r.id)).not.toContain(applicant.id);
    expect((await duesFor(secretaryB.subject, secretaryB.ctx.actor, {})).rows.map((r) => r.id)).not.toContain(
      p.id,
    );
    await expect(duesFor(clerkA.subject, clerkA.ctx.actor, {})).rejects.toThrow('errors.forbidden');
    expect(await db.auditEvent.count({ where: { action: 'dues.view', actorId: secretaryA.id } })).toBe(1);
  });

  it('who owes, and the counts, are decided in SQL over the whole scope exactly as arrears() decides them person by person', async () => {
    const paidOn = new Date(`${today}T00:00:00Z`);
    const made: { id: string; admitted: string; paid: string[] }[] = [];
    const mk = async (admitted: string, monthsBack: number[]) => {
      // Admitted lately: a 预备党员, not yet full.
      const p = await member(
        admitted > '2020'
          ? { admittedOn: `${admitted}-01`, status: 'PROBATIONARY', fullOn: undefined }
          : { admittedOn: `${admitted}-01` },
      );
      const paid = monthsBack.map((k) => addMonth(thisMonth, -k));
      if (paid.length)
        await db.duesPayment.createMany({
          data: paid.map((month) => ({ personId: p.id, month, amount: '10.00', paidOn })),
        });
      made.push({ id: p.id, admitted, paid });
    };
    await mk('2012-07', []); // nothing paid: owes every month since the start
    await mk('2012-07', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // all paid
    await mk(addMonth(thisMonth, -3), []); // admitted three months ago: owes from then
    await mk('2012-07', [6]); // one payment six months back: owes, not lapsed
    await mk('2012-07', [7]); // the last six unpaid: lapsed (when the start allows six months)
    await mk(thisMonth, []); // admitted this month: owes nothing yet
    await mk('2012-07', [0, 1]); // this month and last paid
    const start = await duesStartMonth(db, thisMonth);
    // Each made member, by the rule in lib/people/dues.ts:
    for (const m of made) {
      const want = arrears({ admittedMonth: m.admitted, paid: new Set(m.paid) }, start, thisMonth);
      const [got] = (
        await duesFor(secretaryA.subject, secretaryA.ctx.actor, { orgId: tree.a.id, owing: true, page: 1 })
      ).rows.filter((r) => r.id === m.id);
      expect(!!got, `${m.admitted} paid ${m.paid.join(',')}`).toBe(want.months.length > 0);
      if (got) expect([got.owed, got.lapse]).toEqual([want.months, want.lapse]);
    }
    // And the whole unit's counts against arrears() over every member of it.
    const every = await arrearsOf(db, { orgId: tree.a.id });
    const owing = [...every].filter(([, a]) => a.months.length > 0);
    const all = await duesFor(secretaryA.subject, secretaryA.ctx.actor, { orgId: tree.a.id });
    expect(all.counts).toEqual({
      all: every.size,
      owing: owing.length,
      lapse: owing.filter(([, a]) => a.lapse).length,
    });
    expect(all.rows.length).toBe(Math.min(every.size, DUES_PAGE));
    expect(all.pages).toBe(Math.max(1, Math.ceil(every.size / DUES_PAGE)));
    const owingRows = await duesFor(secretaryA.subject, secretaryA.ctx.actor, {
      orgId: tree.a.id,
      owing: true,
    });
    expect(owingRows.rows.map((r) => r.id).sort()).toEqual(owing.map(([id]) => id).sort());
    // A page past the last is the last page, not an empty one.
    expect(
      (await duesFor(secretaryA.subject, secretaryA.ctx.actor, { orgId: tree.a.id, page: 99 })).page,
    ).toBe(all.pages);
    // Another branch's secretary counts none of them.
    const other = await duesFor(secretaryB.subject, secretaryB.ctx.actor, {});
    expect(other.rows.map((r) => r.id)).not.toContain(made[0]!.id);
  });
});
