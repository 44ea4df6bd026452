import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { cstDay } from '../../calendar';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError } from '../../errors';
import { can, orgScope, type Subject } from '../../policy';

const DAY_MS = 86_400_000;
const unit = { select: { id: true, name: true, path: true } } as const;
const select = {
  id: true,
  kind: true,
  status: true,
  externalUnit: true,
  reason: true,
  letterNo: true,
  validUntil: true,
  proposedAt: true,
  issuedAt: true,
  receivedAt: true,
  cancelledAt: true,
  cancelReason: true,
  person: { select: { id: true, name: true, employeeNo: true, status: true } },
  fromOrg: unit,
  toOrg: unit,
} as const satisfies Prisma.TransferSelect;
type Row = Prisma.TransferGetPayload<{ select: typeof select }>;

/**
 * The units whose people the reader may read, as ids: one indexed path query, written as SQL (Prisma's findMany
 * of 5,000 rows cost three times the statement on the committee's lists).
 */
export async function readableUnitIds(user: Subject, client: Db): Promise<string[]> {
  const s = orgScope(user, 'person.read');
  const like = s.all ? [] : s.pathPrefixes.map((p) => `${p}%`);
  const rows = s.all
    ? await client.$queryRaw<{ id: string }[]>`SELECT id FROM "Organization"`
    : // One grant (the usual case) is one prefix: a plain LIKE, which the path index serves.
      like.length === 1 && s.orgIds.length === 0
      ? await client.$queryRaw<{ id: string }[]>`SELECT id FROM "Organization" WHERE path LIKE ${like[0]}`
      : await client.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Organization" WHERE path LIKE ANY(${like}::text[]) OR id = ANY(${s.orgIds}::uuid[])`;
  return rows.map((r) => r.id);
}

/** The reader's units as path prefixes and single ids (lib/policy orgScope), for SQL written by hand. */
export type UnitScope = { all: boolean; prefixes: string[]; ids: string[] };
export function unitScope(user: Subject): UnitScope {
  const s = orgScope(user, 'person.read');
  return s.all
    ? { all: true, prefixes: [], ids: [] }
    : { all: false, prefixes: s.pathPrefixes.map((p) => `${p}%`), ids: s.orgIds };
}
/** `alias` (an Organization row) is one of the reader's units: by its path, or its id. */
export const inScope = (u: UnitScope, alias: Prisma.Sql) =>
  u.all
    ? Prisma.sql`TRUE`
    : Prisma.sql`(${alias}.path LIKE ANY(${u.prefixes}::text[]) OR ${alias}.id = ANY(${u.ids}::uuid[]))`;

type Flat = Omit<Row, 'person' | 'fromOrg' | 'toOrg'> & {
  personId: string;
  personName: string;
  employeeNo: string;
  personStatus: Row['person']['status'];
  fromId: string | null;
  fromName: string | null;
  fromPath: string | null;
  toId: string | null;
  toName: string | null;
  toPath: string | null;
};
const nest = (r: Flat): Row => {
  const {
    personId,
    personName,
    employeeNo,
    personStatus,
    fromId,
    fromName,
    fromPath,
    toId,
    toName,
    toPath,
    ...t
  } = r;
  return {
    ...t,
    person: { id: personId, name: personName, employeeNo, status: personStatus },
    fromOrg: fromId ? { id: fromId, name: fromName!, path: fromPath! } : null,
    toOrg: toId ? { id: toId, name: toName!, path: toPath! } : null,
  };
};

/**
 * Transfers with either side among `units`, in one statement (the committee's list over 100,000 people: Prisma's
 * four queries a list, one per relation, took 2.4× the SQL). `closed` selects those closed since `since`.
 */
function listIn(client: Db, units: UnitScope, closedSince: Date | null) {
  const cols = Prisma.sql`
    SELECT t.id, t.kind, t.status, t."externalUnit", t.reason, t."letterNo", t."validUntil", t."proposedAt",
      t."issuedAt", t."receivedAt", t."cancelledAt", t."cancelReason",
      p.id AS "personId", p.name AS "personName", p."employeeNo", p.status AS "personStatus",
      f.id AS "fromId", f.name AS "fromName", f.path AS "fromPath", o.id AS "toId", o.name AS "toName", o.path AS "toPath"
    FROM "Transfer" t JOIN "Person" p ON p.id = t."personId"
    LEFT JOIN "Organization" f ON f.id = t."fromOrgId" LEFT JOIN "Organization" o ON o.id = t."toOrgId"
    WHERE (${inScope(units, Prisma.sql`f`)} OR ${inScope(units, Prisma.sql`o`)})`;
  const query = closedSince
    ? Prisma.sql`${cols} AND (t."receivedAt" >= ${closedSince} OR t."cancelledAt" >= ${closedSince})
        ORDER BY t."updatedAt" DESC LIMIT 50`
    : Prisma.sql`${cols} AND t.status IN ('PROPOSED', 'ISSUED') ORDER BY t."issuedAt" ASC NULLS LAST, t."proposedAt" ASC`;
  return client.$queryRaw<Flat[]>(query).then((rows) => rows.map(nest));
}

/** A transfer as a page shows it: days in transit, overdue when the letter ran out before the 报到, what the reader may do. */
function shown(user: Subject, t: Row, today: string) {
  const valid = t.validUntil?.toISOString().slice(0, 10) ?? null;
  const side = (t.fromOrg ?? t.toOrg)!;
  return {
    ...t,
    validUntil: valid,
    days:
      t.issuedAt && t.status === 'ISSUED' ? Math.floor((Date.now() - t.issuedAt.getTime()) / DAY_MS) : null,
    overdue: t.status === 'ISSUED' && !!valid && valid < today,
    may: {
      issue:
        t.status === 'PROPOSED' &&
        can(user, 'transfer.issue', t.fromOrg!) &&
        (!t.toOrg || can(user, 'transfer.issue', t.toOrg)),
      receive:
        t.status === 'ISSUED' &&
        (t.kind === 'OUT' ? can(user, 'transfer.issue', t.fromOrg!) : can(user, 'person.manage', t.toOrg!)),
      cancel:
        (t.status === 'PROPOSED' || t.status === 'ISSUED') &&
        (can(user, 'transfer.issue', side) ||
          (t.status === 'PROPOSED' && !!t.fromOrg && can(user, 'person.manage', t.fromOrg))),
    },
  };
}
export type TransferView = ReturnType<typeof shown>;

/** /people/transfers: awaiting the letter, 在途 (longest first), and what closed in the last 90 days. */
export async function transfersFor(user: Subject, client: Db = db) {
  if (!can(user, 'person.read')) throw new ForbiddenError();
  const units = unitScope(user);
  const since = new Date(Date.now() - 90 * DAY_MS);
  const [open, closed] = await Promise.all([listIn(client, units, null), listIn(client, units, since)]);
  const today = cstDay(new Date());
  const rows = open.map((t) => shown(user, t, today));
  return {
    proposed: rows.filter((t) => t.status === 'PROPOSED'),
    inTransit: rows.filter((t) => t.status === 'ISSUED'),
    closed: closed.map((t) => shown(user, t, today)),
  };
}

/** A person's transfers, newest first, for the profile (the caller has checked the person may be read). */
export async function transfersOfPerson(user: Subject, personId: string, client: Db = db) {
  const today = cstDay(new Date());
  const rows = await client.transfer.findMany({
    where: { personId },
    select,
    orderBy: { proposedAt: 'desc' },
  });
  return rows.map((t) => shown(user, t, today));
}
