import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { type Actor, trace } from '../../audit-log';
import { cstDay } from '../../calendar';
import { db } from '../../db';
import type { Db, Tx } from '../../db/client';
import { ForbiddenError } from '../../errors';
import { can, canOnPerson, scopeOrgs, type Subject } from '../../policy';
import { arrears, type DuesCategory } from '../dues';

/** Where arrears are counted from: Setting "dues.startMonth" (YYYY-MM), else January of this year. */
export async function duesStartMonth(client: Db | Tx, thisMonth: string) {
  const s = await client.setting.findUnique({ where: { key: 'dues.startMonth' } });
  const v = typeof s?.value === 'string' && /^\d{4}-\d{2}$/.test(s.value) ? s.value : null;
  return v ?? `${thisMonth.slice(0, 4)}-01`;
}

const members = (where: Prisma.PersonWhereInput): Prisma.PersonWhereInput => ({
  AND: [where, { status: { in: ['FULL', 'PROBATIONARY'] }, leftOn: null, org: { temporary: false } }],
});

/** Each member's unpaid months and whether six in a row are unpaid; `where` narrows the people. */
export async function arrearsOf(client: Db | Tx, where: Prisma.PersonWhereInput) {
  const thisMonth = cstDay(new Date()).slice(0, 7);
  const start = await duesStartMonth(client, thisMonth);
  const people = await client.person.findMany({
    where: members(where),
    select: {
      id: true,
      admittedOn: true,
      payments: { where: { month: { gte: start } }, select: { month: true } },
    },
  });
  return new Map(
    people.map((p) => [
      p.id,
      arrears(
        {
          admittedMonth: p.admittedOn?.toISOString().slice(0, 7) ?? null,
          paid: new Set(p.payments.map((x) => x.month)),
        },
        start,
        thisMonth,
      ),
    ]),
  );
}

/**
 * /people/dues: the members whose personal data the reader may see (person.sensitive on their 组织关系 unit),
 * with this year's base and amount, the months paid and owed. Reading bases in bulk is traced.
 */
export async function duesFor(user: Subject, actor: Actor, f: { orgId?: string }, client: Db = db) {
  if (!can(user, 'person.sensitive')) throw new ForbiddenError();
  const today = cstDay(new Date());
  const year = Number(today.slice(0, 4));
  const units = scopeOrgs(user, 'person.sensitive');
  const where: Prisma.PersonWhereInput = { org: units, ...(f.orgId ? { orgId: f.orgId } : {}) };
  const [people, owed] = await Promise.all([
    client.person.findMany({
      where: members(where),
      select: {
        id: true,
        name: true,
        employeeNo: true,
        status: true,
        admittedOn: true,
        userId: true,
        org: { select: { id: true, name: true, path: true } },
        duesBases: {
          where: { year },
          select: { category: true, monthlyBase: true, amount: true, quarterly: true },
        },
        payments: { where: { month: { startsWith: String(year) } }, select: { month: true } },
      },
      orderBy: [{ org: { path: 'asc' } }, { employeeNo: 'asc' }],
    }),
    arrearsOf(client, where),
  ]);
  const rows = people
    .filter((p) => canOnPerson(user, 'person.sensitive', p))
    .map((p) => {
      const base = p.duesBases[0];
      const a = owed.get(p.id) ?? { months: [], lapse: false };
      return {
        id: p.id,
        name: p.name,
        employeeNo: p.employeeNo,
        status: p.status,
        org: { id: p.org.id, name: p.org.name },
        base: base
          ? {
              category: base.category as DuesCategory,
              monthlyBase: base.monthlyBase.toFixed(2),
              amount: base.amount.toFixed(2),
              quarterly: base.quarterly,
            }
          : null,
        paid: p.payments.map((x) => x.month).sort(),
        // 预备党员 pay from the month of the 支部大会.
        from: p.admittedOn?.toISOString().slice(0, 7) ?? null,
        owed: a.months,
        lapse: a.lapse,
      };
    });
  await client.$transaction((tx) =>
    trace(tx, actor, 'dues.view', 'Person', null, {
      after: { rows: rows.length, year, orgId: f.orgId ?? null },
    }),
  );
  return { year, thisMonth: today.slice(0, 7), rows };
}
