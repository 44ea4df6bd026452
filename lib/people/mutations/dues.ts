/**
 * 党费: the yearly base and the monthly payments, recorded by the branch (secretary) or the committee over the
 * unit holding the member's 组织关系. Rules in lib/people/dues.ts; each write with its trace (amounts, not wages).
 */
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../../action-context';
import { trace } from '../../audit-log';
import { addMonths, cstDay } from '../../calendar';
import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { assertCanOnPerson } from '../../policy';
import { fenToYuan, MAX_BACK_MONTHS, monthlyDues, paymentMonthProblem, toFen } from '../dues';
import { isMember } from '../rules';
import type { ZRecordDues, ZSetDuesBase } from '../schema';

async function loadMember(tx: Tx, ctx: ActionContext, personId: string) {
  const p = await tx.person.findUnique({
    where: { id: personId },
    include: { org: { select: { id: true, path: true, temporary: true } } },
  });
  if (!p) throw new NotFoundError();
  assertCanOnPerson(ctx.user, 'person.manage', p);
  if (!isMember(p.status) || p.leftOn) throw new UserError('dues.errors.notMember');
  // 临时党支部 do not collect 党费: the member pays to the unit that holds the 组织关系.
  if (p.org.temporary) throw new UserError('dues.errors.temporary');
  return p;
}

export const setDuesBase = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZSetDuesBase>) => {
    const p = await loadMember(tx, ctx, input.personId);
    const year = Number(cstDay(new Date()).slice(0, 4));
    if (input.year !== year && input.year !== year + 1)
      throw new UserError('dues.errors.badYear', { year }, 'year');
    const baseFen = toFen(input.monthlyBase);
    const amount = fenToYuan(monthlyDues(input.category, baseFen));
    const data = {
      category: input.category,
      monthlyBase: fenToYuan(baseFen),
      amount,
      quarterly: input.quarterly,
      setById: ctx.user.id,
      setOn: new Date(),
    };
    const row = await tx.duesBase.upsert({
      where: { personId_year: { personId: p.id, year: input.year } },
      create: { personId: p.id, year: input.year, ...data },
      update: data,
    });
    await trace(tx, ctx.actor, 'dues.base', 'Person', p.id, {
      orgPath: p.org.path,
      after: { year: input.year, category: input.category, amount, quarterly: input.quarterly },
    });
    return { id: row.id, amount };
  },
);

/** Months paid on a day: this month, 补交 of up to 6 months back, or ahead (per quarter, with consent). */
export const recordDues = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZRecordDues>) => {
    const p = await loadMember(tx, ctx, input.personId);
    const today = cstDay(new Date());
    const thisMonth = today.slice(0, 7);
    if (input.paidOn > today) throw new UserError('people.errors.futureDate', {}, 'paidOn');
    const months = [...new Set(input.months)].sort();
    const admitted = p.admittedOn?.toISOString().slice(0, 7);
    // Recorded when paid: not before the person was admitted, nor further back than the 补交 window.
    const earliest = addMonths(`${thisMonth}-01`, -MAX_BACK_MONTHS - 1);
    if (input.paidOn < earliest || (p.admittedOn && input.paidOn < p.admittedOn.toISOString().slice(0, 10)))
      throw new UserError('dues.errors.paidOnTooEarly', {}, 'paidOn');
    const bases = new Map(
      (await tx.duesBase.findMany({ where: { personId: p.id } })).map((b) => [b.year, b] as const),
    );
    for (const m of months) {
      const problem = paymentMonthProblem(m, thisMonth);
      if (problem) throw new UserError(problem, { month: m }, 'months');
      if (admitted && m < admitted)
        throw new UserError('dues.errors.beforeAdmission', { month: m }, 'months');
      if (!bases.has(Number(m.slice(0, 4))))
        throw new UserError('dues.errors.noBase', { year: m.slice(0, 4) }, 'months');
      if (m > thisMonth && !bases.get(Number(m.slice(0, 4)))!.quarterly)
        throw new UserError('dues.errors.aheadNeedsConsent', {}, 'months');
    }
    const paid = await tx.duesPayment.findMany({
      where: { personId: p.id, month: { in: months } },
      select: { month: true },
    });
    if (paid.length)
      throw new UserError(
        'dues.errors.alreadyPaid',
        { months: paid.map((x) => x.month).join('、') },
        'months',
      );
    await tx.duesPayment.createMany({
      data: months.map((m) => ({
        personId: p.id,
        month: m,
        amount: bases.get(Number(m.slice(0, 4)))!.amount,
        paidOn: new Date(`${input.paidOn}T00:00:00Z`),
        recordedById: ctx.user.id,
      })),
    });
    await trace(tx, ctx.actor, 'dues.pay', 'Person', p.id, {
      orgPath: p.org.path,
      after: { months, paidOn: input.paidOn },
    });
    return { months: months.length };
  },
);
