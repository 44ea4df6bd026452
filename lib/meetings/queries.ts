import 'server-only';
import { cstDay } from '../calendar';
import { db } from '../db';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { can, canReadLedger, scopeOrgs, type Subject } from '../policy';
import { unitChoices } from '../orgs/queries/choices';
import { loadRoster } from './roster';
import type { MeetingKind } from './rules';

export const MEETINGS_PAGE_SIZE = 30;

export type MeetingFilter = {
  orgId?: string;
  kind?: MeetingKind;
  from?: string;
  to?: string;
  page?: number;
};

/** The meeting records the reader may read, newest first. */
export async function meetingsFor(user: Subject, f: MeetingFilter = {}, client: Db = db) {
  const where: Prisma.MeetingWhereInput = {
    AND: [
      // Through the unit's live path: a moved unit's records follow it.
      { org: scopeOrgs(user, 'meeting.read') },
      f.orgId ? { orgId: f.orgId } : {},
      f.kind ? { kind: f.kind } : {},
      f.from ? { heldOn: { gte: new Date(`${f.from}T00:00:00Z`) } } : {},
      f.to ? { heldOn: { lte: new Date(`${f.to}T00:00:00Z`) } } : {},
    ],
  };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    client.meeting.findMany({
      where,
      orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
      skip: (page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        status: true,
        heldOn: true,
        topic: true,
        valid: true,
        backfillReason: true,
        org: { select: { id: true, name: true } },
        // Counted here from the page's own attendees: a relation count with a condition is joined by the ORM as
        // an aggregate over every attendee of the company (2.3 million at seed:large scale: 0.8 s a page).
        attendees: { select: { status: true } },
      },
    }),
    client.meeting.count({ where }),
  ]);
  return {
    total,
    page,
    rows: rows.map(({ attendees, ...m }) => ({
      ...m,
      present: attendees.filter((a) => a.status === 'PRESENT').length,
      expected: attendees.length,
    })),
  };
}

function partyUnits(user: Subject, permission: 'meeting.read' | 'meeting.record', client: Db) {
  return client.organization.findMany({
    where: {
      AND: [scopeOrgs(user, permission), { type: { in: ['BRANCH', 'GENERAL_BRANCH', 'PARTY_GROUP'] } }],
      ...(permission === 'meeting.record' ? { status: { not: 'ARCHIVED' as const } } : {}),
    },
    select: { id: true, name: true, type: true, path: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
}

/** Units the reader may record meetings for (party branches and groups that are not closed). */
export const recordableUnits = (user: Subject, client: Db = db) => partyUnits(user, 'meeting.record', client);
/** The first branch (or general branch) whose records the reader may read, by level: attendance's default unit. */
export async function firstBranchFor(user: Subject, client: Db = db) {
  const unit = await client.organization.findFirst({
    where: { AND: [scopeOrgs(user, 'meeting.read'), { type: { in: ['BRANCH', 'GENERAL_BRANCH'] } }] },
    select: { id: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
  return unit?.id;
}

/**
 * Units whose records the reader may read, for the list's filter: at company scale the levels that fit, with the
 * chosen one, the others searched (lib/orgs/queries/choices; all of a company's units were 1 MB of the committee's page).
 */
export const readableUnits = (user: Subject, chosen?: string, client: Db = db) =>
  unitChoices(user, 'meetingUnit', chosen ? [chosen] : [], client);

/** One record with everything its page shows; absent (404) for a reader outside its unit. */
export async function meetingFor(user: Subject, id: string, client: Db = db) {
  const m = await client.meeting.findUnique({
    where: { id },
    include: {
      org: { select: { id: true, name: true, path: true, type: true, status: true } },
      host: { select: { id: true, name: true } },
      lecturer: { select: { id: true, name: true } },
      attendees: {
        include: { person: { select: { id: true, name: true, status: true, posts: true } } },
        orderBy: { person: { name: 'asc' } },
      },
      resolutions: { orderBy: { seq: 'asc' } },
      files: { orderBy: { createdAt: 'asc' } },
      makeups: { include: { person: { select: { id: true, name: true } } } },
      tasks: { select: { id: true, periodKey: true, action: { select: { code: true, title: true } } } },
    },
  });
  if (!m || !(await canReadLedger(client, user, 'meeting.read', m.org, m.status === 'SUBMITTED')))
    throw new NotFoundError();
  const editable = m.status === 'DRAFT' && can(user, 'meeting.record', m.org) && m.org.status !== 'ARCHIVED';
  return {
    ...m,
    editable,
    canMakeup: m.status === 'SUBMITTED' && can(user, 'meeting.record', m.org),
    // The people the editor offers: the roster of the meeting's day (attendees already named come first).
    roster: editable ? await loadRoster(client, m.org, m.heldOn.toISOString().slice(0, 10)) : [],
    today: cstDay(new Date()),
  };
}
export type MeetingView = Awaited<ReturnType<typeof meetingFor>>;

/** A file of a record, for the download route: only to readers of the record's unit. */
export async function meetingFileFor(user: Subject, fileId: string, client: Db = db) {
  const f = await client.meetingFile.findUnique({
    where: { id: fileId },
    include: { meeting: { select: { status: true, org: { select: { id: true, path: true } } } } },
  });
  if (
    !f ||
    !(await canReadLedger(client, user, 'meeting.read', f.meeting.org, f.meeting.status === 'SUBMITTED'))
  )
    throw new NotFoundError();
  return f;
}
