import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { type Actor, trace } from '../../audit-log';
import { cstDay } from '../../calendar';
import { db } from '../../db';
import type { Db, Tx } from '../../db/client';
import { ForbiddenError } from '../../errors';
import { can, canOnPerson, type Subject } from '../../policy';
import { scopeOrgsSql } from '../../policy-sql';
import { addMonth, arrears, LAPSE_MONTHS, type DuesCategory } from '../dues';

/** Where arrears are counted from: Setting "dues.startMonth" (YYYY-MM), else January of this year. */
export async function duesStartMonth(client: Db | Tx, thisMonth: string) {
  const s = await client.setting.findUnique({ where: { key: 'dues.startMonth' } });
  const v = typeof s?.value === 'string' && /^(2\d{3})-(0[1-9]|1[0-2])$/.test(s.value) ? s.value : null;
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

/** Rows of /people/dues a page. */
export const DUES_PAGE = 40;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * /people/dues: the members whose personal data the reader may see (person.sensitive on their 组织关系 unit),
 * with this year's base and amount, the months paid and owed; `owing` keeps those who owe, a page at a time
 * (DUES_PAGE). Who owes, and the counts, are decided in SQL over the whole scope, as `arrears` decides them
 * (lib/people/dues.ts; tests/integration/dues.test.ts compares the two): a company's committee reads 100,000 members,
 * and loading them all to count took the app server's whole heap. Reading bases in bulk is traced.
 */
export async function duesFor(
  user: Subject,
  actor: Actor,
  f: { orgId?: string; owing?: boolean; page?: number },
  client: Db = db,
) {
  if (!can(user, 'person.sensitive')) throw new ForbiddenError();
  const today = cstDay(new Date());
  const year = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const start = await duesStartMonth(client, thisMonth);
  // Months as whole numbers (year × 12 + month − 1): owed are those from the later of the start and the month of
  // admission up to last month, less those paid; a lapse is the last six all owed.
  const last = monthIndex(thisMonth) - 1;
  const scoped = Prisma.sql`
    SELECT p.id, o.path, p."employeeNo",
           GREATEST(${monthIndex(start)}::int,
                    COALESCE(EXTRACT(YEAR FROM p."admittedOn")::int * 12 + EXTRACT(MONTH FROM p."admittedOn")::int - 1,
                             0)) AS "from"
      FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
     WHERE ${scopeOrgsSql(user, 'person.sensitive', 'o')}
       AND p.status IN ('FULL', 'PROBATIONARY') AND p."leftOn" IS NULL AND NOT o.temporary
       ${f.orgId ? Prisma.sql`AND p."orgId" = ${f.orgId}::uuid` : Prisma.empty}`;
  // Payments are joined once and counted per member (a hash join): two subqueries a member, 100,000 index probes
  // each, took 0.8 s of PostgreSQL's time for the committee's counts. Only months from the start to last month are
  // read; a lapse is possible only when its six months lie inside them ("from" at most last − 5).
  const owedSql = Prisma.sql`
    WITH s AS (${scoped}),
    pay AS (
      SELECT s.id,
             count(*) FILTER (WHERE d.month >= to_char(make_date(s."from" / 12, s."from" % 12 + 1, 1), 'YYYY-MM'))
               AS paid,
             count(*) FILTER (WHERE d.month >= ${addMonth(thisMonth, -LAPSE_MONTHS)}) AS recent
        FROM s JOIN "DuesPayment" d ON d."personId" = s.id AND d.month BETWEEN ${start} AND ${addMonth(thisMonth, -1)}
       GROUP BY s.id)
    SELECT s.id, s.path, s."employeeNo",
           GREATEST(0, ${last}::int - s."from" + 1) - COALESCE(pay.paid, 0)::int AS owed,
           (s."from" <= ${last - (LAPSE_MONTHS - 1)}::int AND COALESCE(pay.recent, 0) = 0) AS lapse
      FROM s LEFT JOIN pay ON pay.id = s.id`;
  const [counts] = await client.$queryRaw<{ all: number; owing: number; lapse: number }[]>`
    SELECT count(*)::int AS "all", count(*) FILTER (WHERE owed > 0)::int AS owing,
           count(*) FILTER (WHERE lapse)::int AS lapse
      FROM (${owedSql}) x`;
  const total = f.owing ? counts!.owing : counts!.all;
  const pages = Math.max(1, Math.ceil(total / DUES_PAGE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const ids = await client.$queryRaw<{ id: string }[]>`
    SELECT id FROM (${owedSql}) x ${f.owing ? Prisma.sql`WHERE owed > 0` : Prisma.empty}
     ORDER BY path, "employeeNo" LIMIT ${DUES_PAGE} OFFSET ${(page - 1) * DUES_PAGE}`;
  const [people, owed] = await Promise.all([
    client.person.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
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
    }),
    arrearsOf(client, { id: { in: ids.map((r) => r.id) } }),
  ]);
  const order = new Map(ids.map((r, i) => [r.id, i]));
  const rows = people
    .filter((p) => canOnPerson(user, 'person.sensitive', p))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
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
      after: { rows: rows.length, year, orgId: f.orgId ?? null, owing: !!f.owing, page },
    }),
  );
  return { year, thisMonth, counts: counts!, page, pages, rows };
}
