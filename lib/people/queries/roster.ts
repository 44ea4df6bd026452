import 'server-only';
import { groupChoices, unitChoices } from '../../orgs/queries/choices';
import { Prisma } from '../../generated/prisma/client';
import { type Actor, trace, traceRead } from '../../audit-log';
import { cstDay } from '../../calendar';
import { readableUnitIds } from './transfers';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import { can, canOnPerson, scopeOrgs, scopePeople, type Subject } from '../../policy';
import { POST_LABELS, rosterWorkbook, STATUS_LABELS, type RosterRow } from '../excel';
import { maskPhone, nextStep, PARTY_STATUSES, type PartyStatus } from '../rules';
import type { RosterFilter } from '../schema';

const PAGE = 50;
const EXPORT_MAX = 100_000;
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const unit = { select: { id: true, name: true, path: true } } as const;

/**
 * The people the subject may read, as `where`: scopePeople's rule (either unit in scope, or oneself) with the
 * units resolved to ids first (one indexed path query), so PostgreSQL reads Person by its unit indexes instead of
 * joining every person to its units (110 ms → a few ms for a branch over 100,000 people).
 */
async function readable(user: Subject, client: Db): Promise<Prisma.PersonWhereInput> {
  const rule = scopePeople(user);
  if (!('OR' in rule)) return rule;
  const ids = await readableUnitIds(user, client);
  // Past a few hundred units a parameter list costs more than the join it saves.
  if (ids.length > 300) return rule;
  return { OR: [{ orgId: { in: ids } }, { workOrgId: { in: ids } }, { userId: user.id }] };
}

/** The filter's `where`, inside the subject's scope; `relation` splits 组织关系 here from people only working here. */
async function rosterWhere(user: Subject, f: RosterFilter, client: Db): Promise<Prisma.PersonWhereInput> {
  const units = scopeOrgs(user, 'person.read');
  const and: Prisma.PersonWhereInput[] = [await readable(user, client), { leftOn: null }];
  if (f.orgId) {
    const o = await client.organization.findUnique({
      where: { id: f.orgId },
      select: { id: true, path: true },
    });
    if (!o || !can(user, 'person.read', o)) throw new ForbiddenError();
    const under = { path: { startsWith: o.path } };
    and.push({ OR: [{ org: under }, { workOrg: under }] });
  }
  if (f.relation === 'here') and.push({ org: units });
  if (f.relation === 'elsewhere') and.push({ NOT: { org: units } }, { workOrg: units });
  if (f.groupId) and.push({ partyGroupId: f.groupId });
  if (f.q)
    and.push({
      OR: [{ name: { contains: f.q } }, { employeeNo: { contains: f.q, mode: 'insensitive' } }],
    });
  return { AND: and };
}

const statusWhere = (s: RosterFilter['status']): Prisma.PersonWhereInput =>
  s === undefined ? {} : { status: s === 'NONE' ? null : s };

const rosterSelect = {
  id: true,
  employeeNo: true,
  name: true,
  gender: true,
  birthDate: true,
  phone: true,
  education: true,
  status: true,
  appliedOn: true,
  activistOn: true,
  candidateOn: true,
  admittedOn: true,
  fullOn: true,
  posts: true,
  userId: true,
  org: unit,
  workOrg: unit,
  partyGroup: { select: { id: true, name: true } },
  transfers: {
    where: { status: 'ISSUED' },
    select: { toOrg: { select: { name: true } }, externalUnit: true },
    take: 1,
  },
} as const satisfies Prisma.PersonSelect;

type RosterRecord = Prisma.PersonGetPayload<{ select: typeof rosterSelect }>;

const rosterScalars = {
  ...rosterSelect,
  org: undefined,
  workOrg: undefined,
  partyGroup: undefined,
  transfers: undefined,
  orgId: true,
  workOrgId: true,
  partyGroupId: true,
} as const satisfies Prisma.PersonSelect;

/**
 * A page's units and letters in transit by two queries for the whole page (Prisma's nested select runs one
 * query per relation, four round trips after the page's own).
 */
async function withRelations(
  client: Db,
  people: Prisma.PersonGetPayload<{ select: typeof rosterScalars }>[],
): Promise<RosterRecord[]> {
  // The letters in transit carry the receiving unit's name, so both lookups run at once.
  const unitIds = [
    ...new Set(people.flatMap((p) => [p.orgId, p.workOrgId, p.partyGroupId]).filter((x): x is string => !!x)),
  ];
  const [transit, found] = await Promise.all([
    client.transfer.findMany({
      where: { personId: { in: people.map((p) => p.id) }, status: 'ISSUED' },
      select: { personId: true, externalUnit: true, toOrg: { select: { name: true } } },
    }),
    client.organization.findMany({
      where: { id: { in: unitIds } },
      select: { id: true, name: true, path: true },
    }),
  ]);
  const units = new Map(found.map((o) => [o.id, o]));
  return people.map(({ orgId, workOrgId, partyGroupId, ...p }) => {
    const t = transit.find((x) => x.personId === p.id);
    const group = partyGroupId ? units.get(partyGroupId) : undefined;
    return {
      ...p,
      org: units.get(orgId)!,
      workOrg: workOrgId ? (units.get(workOrgId) ?? null) : null,
      partyGroup: group ? { id: group.id, name: group.name } : null,
      transfers: t
        ? [
            {
              toOrg: t.toOrg,
              externalUnit: t.externalUnit,
            },
          ]
        : [],
    };
  });
}

/** A row as the reader may see it: phone masked unless they may see this person's personal data. */
function shown(user: Subject, p: RosterRecord, today: string) {
  const sensitive = canOnPerson(user, 'person.sensitive', p);
  return {
    id: p.id,
    employeeNo: p.employeeNo,
    name: p.name,
    gender: p.gender,
    birthDate: iso(p.birthDate),
    education: p.education,
    status: p.status,
    admittedOn: iso(p.admittedOn),
    fullOn: iso(p.fullOn),
    posts: p.posts,
    hasAccount: !!p.userId,
    org: { id: p.org.id, name: p.org.name },
    workOrg: p.workOrg ? { id: p.workOrg.id, name: p.workOrg.name } : null,
    partyGroup: p.partyGroup,
    phone: sensitive ? p.phone : maskPhone(p.phone),
    // 在途: the letter is out and nobody has confirmed the 报到; counted by neither branch.
    inTransit: p.transfers[0] ? (p.transfers[0].toOrg?.name ?? p.transfers[0].externalUnit ?? '') : null,
    next: nextStep(
      {
        status: p.status,
        appliedOn: iso(p.appliedOn),
        activistOn: iso(p.activistOn),
        candidateOn: iso(p.candidateOn),
        admittedOn: iso(p.admittedOn),
      },
      today,
    ),
  };
}

/** /people: one page of the roster, the counts by status (for the whole filter, any status) and the filter's options. */
/**
 * The roster shows party status to everyone who may read it and phones in clear to the branch's leaders: a bulk
 * read of personal data, so every page of it is traced (who, how many, how many unmasked, which filter).
 */
export async function rosterFor(user: Subject, actor: Actor, f: RosterFilter, client: Db = db) {
  if (!can(user, 'person.read')) throw new ForbiddenError();
  const where = await rosterWhere(user, f, client);
  const page = f.page ?? 1;
  const filtered = { AND: [where, statusWhere(f.status)] };
  const [rows, byStatus] = await Promise.all([
    withRelations(
      client,
      await client.person.findMany({
        where: filtered,
        select: rosterScalars,
        orderBy: [{ org: { path: 'asc' } }, { employeeNo: 'asc' }],
        skip: (page - 1) * PAGE,
        take: PAGE,
      }),
    ),
    client.person.groupBy({ by: ['status'], where, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries([...PARTY_STATUSES, 'NONE'].map((s) => [s, 0])) as Record<
    PartyStatus | 'NONE',
    number
  >;
  for (const g of byStatus) counts[g.status ?? 'NONE'] = g._count._all;
  // The counts are of the whole filter; the total is theirs, or the chosen status's.
  const total = f.status ? counts[f.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const today = cstDay(new Date());
  const shownRows = rows.map((p) => shown(user, p, today));
  await traceBulkRead(client, actor, 'person.list', {
    rows: shownRows.length,
    unmasked: rows.filter((p) => p.phone && canOnPerson(user, 'person.sensitive', p)).length,
    filter: f,
  });
  return {
    rows: shownRows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    counts,
  };
}

/**
 * The person form's choices: its 党组织 and 工作单位 (lib/orgs/queries/choices: at company scale the upper levels and
 * the chosen ones, the rest searched), and the party groups of the chosen 党组织 (the form asks for another unit's).
 */
export async function peopleOptions(
  user: Subject,
  chosen: { orgId?: string | null; workOrgId?: string | null } = {},
  client: Db = db,
) {
  if (!can(user, 'person.manage')) throw new ForbiddenError();
  const [partyUnits, workUnits] = await Promise.all([
    unitChoices(user, 'personUnit', chosen.orgId ? [chosen.orgId] : [], client),
    unitChoices(user, 'workUnit', chosen.workOrgId ? [chosen.workOrgId] : [], client),
  ]);
  // A chosen unit outside the user's units (an address's ?orgId=) is not chosen.
  const orgId = partyUnits.units.find((u) => u.id === chosen.orgId)?.id;
  const groups = orgId ? await groupChoices(user, orgId, client) : [];
  return { partyUnits, workUnits, groups, orgId };
}

/**
 * /people/[id]: the profile, its history (the trace of this person) and what the reader may do.
 * Opening a profile is itself traced (personal data: PIPL 第二十八条, sensitive personal information).
 */
export async function personFor(user: Subject, actor: Actor, id: string, client: Db = db) {
  const p = await client.person.findUnique({
    where: { id },
    include: {
      org: unit,
      workOrg: unit,
      partyGroup: { select: { id: true, name: true } },
      user: { select: { id: true, username: true, active: true } },
    },
  });
  if (!p) throw new NotFoundError();
  if (!canOnPerson(user, 'person.read', p)) throw new ForbiddenError();
  const sensitive = canOnPerson(user, 'person.sensitive', p);
  await traceRead(client, actor, {
    action: 'person.view',
    entityType: 'Person',
    entityId: p.id,
    orgPath: p.org.path,
  });
  const history = await client.auditEvent.findMany({
    where: { entityType: 'Person', entityId: p.id, action: { not: 'person.view' } },
    orderBy: { id: 'desc' },
    take: 50,
    select: { id: true, at: true, actorName: true, action: true, before: true, after: true },
  });
  const views = await client.auditEvent.count({
    where: { entityType: 'Person', entityId: p.id, action: 'person.view' },
  });
  const dates = {
    birthDate: iso(p.birthDate),
    appliedOn: iso(p.appliedOn),
    activistOn: iso(p.activistOn),
    candidateOn: iso(p.candidateOn),
    admittedOn: iso(p.admittedOn),
    fullOn: iso(p.fullOn),
  };
  return {
    person: {
      ...p,
      ...dates,
      phone: sensitive ? p.phone : maskPhone(p.phone),
      user: p.user && can(user, 'user.read', 'global') ? p.user : p.user ? { ...p.user, id: null } : null,
    },
    sensitive,
    canManage: canOnPerson(user, 'person.manage', p),
    next: nextStep({ status: p.status, ...dates }, cstDay(new Date())),
    history: history.map((e) => ({ ...e, id: e.id.toString() })),
    views,
  };
}

/** The 党员花名册 of the filter as .xlsx (all statuses unless filtered); traced with its size. */
export async function exportRosterFor(user: Subject, actor: Actor, f: RosterFilter, client: Db = db) {
  if (!can(user, 'person.export')) throw new ForbiddenError();
  const where = { AND: [await rosterWhere(user, f, client), statusWhere(f.status)] };
  const people = await client.person.findMany({
    where,
    select: rosterSelect,
    orderBy: [{ org: { path: 'asc' } }, { employeeNo: 'asc' }],
    take: EXPORT_MAX,
  });
  const rows: RosterRow[] = people.map((p) => ({
    employeeNo: p.employeeNo,
    name: p.name,
    gender: p.gender === 'MALE' ? '男' : p.gender === 'FEMALE' ? '女' : '',
    birthDate: iso(p.birthDate) ?? '',
    phone: (canOnPerson(user, 'person.sensitive', p) ? p.phone : maskPhone(p.phone)) ?? '',
    education: p.education ?? '',
    status: p.status ? STATUS_LABELS[p.status] : '待登记',
    admittedOn: iso(p.admittedOn) ?? '',
    fullOn: iso(p.fullOn) ?? '',
    org: p.org.name,
    partyGroup: p.partyGroup?.name ?? '',
    posts: p.posts.map((x) => POST_LABELS[x]).join('、'),
    workOrg: p.workOrg?.name ?? '',
  }));
  await client.$transaction((tx) =>
    trace(tx, actor, 'person.export', 'Person', null, {
      after: {
        rows: rows.length,
        filter: f,
        unmasked: people.filter((p) => canOnPerson(user, 'person.sensitive', p)).length,
      },
    }),
  );
  return rosterWorkbook(rows, '党员花名册');
}

/** The edit form's values: only for those who may manage this person (they see the phone number in clear). */
export async function personForEdit(user: Subject, id: string, client: Db = db) {
  const p = await client.person.findUnique({
    where: { id },
    include: { org: { select: { id: true, path: true } } },
  });
  if (!p) throw new NotFoundError();
  if (!canOnPerson(user, 'person.manage', p)) throw new ForbiddenError();
  return {
    id: p.id,
    employeeNo: p.employeeNo,
    name: p.name,
    gender: p.gender ?? '',
    birthDate: iso(p.birthDate) ?? '',
    phone: p.phone ?? '',
    education: p.education ?? '',
    status: p.status ?? undefined,
    appliedOn: iso(p.appliedOn) ?? '',
    activistOn: iso(p.activistOn) ?? '',
    candidateOn: iso(p.candidateOn) ?? '',
    admittedOn: iso(p.admittedOn) ?? '',
    fullOn: iso(p.fullOn) ?? '',
    talkOn: iso(p.talkOn) ?? '',
    trainingDays: p.trainingDays ?? '',
    trainingHours: p.trainingHours ?? '',
    politicalReviewOn: iso(p.politicalReviewOn) ?? '',
    approvedOn: iso(p.approvedOn) ?? '',
    probationExtendedMonths: p.probationExtendedMonths ?? '',
    introducers: p.introducers ?? '',
    contacts: p.contacts ?? '',
    posts: p.posts,
    orgId: p.orgId,
    workOrgId: p.workOrgId ?? '',
    partyGroupId: p.partyGroupId ?? '',
  };
}

/** The signed-in user's own person, if their account has one (everyone may read their own record). */
export async function myPerson(user: Subject, client: Db = db) {
  return client.person.findUnique({ where: { userId: user.id }, select: { id: true } });
}

/** One trace event for a list of people read (their statuses and dates are personal data). */
function traceBulkRead(client: Db, actor: Actor, action: string, after: object) {
  return traceRead(client, actor, { action, entityType: 'Person', after });
}
