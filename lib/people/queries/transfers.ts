import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { cstDay } from '../../calendar';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError } from '../../errors';
import { can, scopeOrgs, type Subject } from '../../policy';

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

/** Either side of the transfer in the reader's scope: both branches and their committee see it. */
const visible = (user: Subject): Prisma.TransferWhereInput => {
  const units = scopeOrgs(user, 'person.read');
  return { OR: [{ fromOrg: units }, { toOrg: units }] };
};

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
  const where = visible(user);
  const since = new Date(Date.now() - 90 * DAY_MS);
  const [open, closed] = await Promise.all([
    client.transfer.findMany({
      where: { AND: [where, { status: { in: ['PROPOSED', 'ISSUED'] } }] },
      select,
      orderBy: [{ issuedAt: 'asc' }, { proposedAt: 'asc' }],
    }),
    client.transfer.findMany({
      where: {
        AND: [where, { OR: [{ receivedAt: { gte: since } }, { cancelledAt: { gte: since } }] }],
      },
      select,
      orderBy: { updatedAt: 'desc' },
      take: 50,
    }),
  ]);
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

/** Units a person may be transferred to: every active party organization of the company (names only). */
export async function transferTargets(user: Subject, client: Db = db) {
  if (!can(user, 'person.manage')) throw new ForbiddenError();
  return client.organization.findMany({
    where: { status: { not: 'ARCHIVED' }, type: { in: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] } },
    select: { id: true, name: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
}
