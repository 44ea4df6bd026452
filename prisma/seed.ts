// The demo company, so every page has something true to show on first start. Idempotent: a database
// that already holds the company's committee is left as it is.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { appendTrace } from '../lib/audit-log';
import { hashPassword } from '../lib/auth/password';
import { createPrismaClient, type Db } from '../lib/db/client';
import { pathOf, type SubtreeRow } from '../lib/orgs/tree';
import { generateCurrent } from '../lib/reminders/mutations/generate';
import { expand, HOLIDAYS, MAKEUP_WORKDAYS } from './calendar-data';
import { seedHandbook } from './seed-handbook';
import { seedAudits } from './seed-audits';
import { seedFeedback } from './seed-feedback';
import { seedImprove } from './seed-improve';
import { seedExams } from './seed-exams';
import { seedAuditExam, seedTraining } from './seed-training';
import { seedHistory } from './seed-history';
import { seedMeetings } from './seed-meetings';
import { seedPhotos } from './seed-photos';
import { seedDues, seedLifecycle, seedPeople } from './seed-people';
import { generateEventTasks } from '../lib/reminders/mutations/events';
import { prng } from './seed-random';
import { DEMO_MARKER } from '../lib/demo';
import { DEFAULT_FACTOR_SETTING, FACTOR_SETTING } from '../lib/auth/factors';
import {
  COMPANY_NAME,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEPARTMENTS,
  GENERAL_BRANCHES,
  personName as realisticName,
  KEY_UNITS,
  OFFICE_BRANCH_NAME,
  PROJECT_BRANCHES,
  ROOT_ORG_NAME,
} from './seed-data';

type Org = SubtreeRow & {
  archivedAt: Date | null;
  secretaryId?: string | null;
  projectName?: string;
  projectCode?: string;
  projectLocation?: string;
  projectPlannedStart?: Date;
  projectPlannedEnd?: Date;
  projectActualStart?: Date | null;
  projectActualEnd?: Date | null;
};

const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

export function buildOrgs() {
  const orgs: Org[] = [];
  const byKey = new Map<string, Org>();
  const add = (
    o: Omit<Org, 'id' | 'path' | 'depth' | 'archivedAt'> & { archivedAt?: Date | null },
    parent: Org | null,
    key?: string,
  ) => {
    const id = randomUUID();
    const org: Org = {
      archivedAt: null,
      ...o,
      id,
      parentId: parent?.id ?? null,
      path: pathOf(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
    };
    orgs.push(org);
    if (key) byKey.set(key, org);
    return org;
  };
  const active = { status: 'ACTIVE' as const, shortName: null };
  const root = add(
    {
      ...active,
      name: ROOT_ORG_NAME,
      shortName: '公司党委',
      type: 'COMMITTEE',
      parentId: null,
      sortOrder: 0,
    },
    null,
    'root',
  );
  DEPARTMENTS.forEach((name, i) =>
    add({ ...active, name, type: 'DEPARTMENT', parentId: null, sortOrder: 10 + i }, root, `dept${i}`),
  );
  const office = add(
    { ...active, name: OFFICE_BRANCH_NAME, type: 'BRANCH', parentId: null, sortOrder: 30 },
    root,
    'office',
  );
  ['机关第一党小组', '机关第二党小组'].forEach((name, i) =>
    add({ ...active, name, type: 'PARTY_GROUP', parentId: null, sortOrder: i + 1 }, office),
  );
  add({ ...active, name: '公司工会', type: 'UNION', parentId: null, sortOrder: 40 }, root);
  add({ ...active, name: '公司团委', type: 'YOUTH_LEAGUE', parentId: null, sortOrder: 41 }, root);
  const generals = GENERAL_BRANCHES.map((name, i) =>
    add({ ...active, name, type: 'GENERAL_BRANCH', parentId: null, sortOrder: 50 + i }, root, `gen${i}`),
  );
  PROJECT_BRANCHES.forEach((p, i) => {
    const parent = p.under === null ? root : generals[p.under]!;
    const archivedAt = p.status === 'ARCHIVED' ? day(p.actual[1]) : null;
    const branch = add(
      {
        name: p.name,
        shortName: p.name.replace(/项目党支部$/, ''),
        type: 'BRANCH',
        parentId: null,
        sortOrder: 100 + i,
        status: p.status,
        archivedAt,
        projectName: p.project,
        projectCode: p.code,
        projectLocation: p.location,
        projectPlannedStart: day(p.planned[0])!,
        projectPlannedEnd: day(p.planned[1])!,
        projectActualStart: day(p.actual[0]),
        projectActualEnd: day(p.actual[1]),
      },
      parent,
      p.key,
    );
    const childStatus = p.status === 'ARCHIVED' ? { status: 'ARCHIVED' as const, archivedAt } : active;
    for (let g = 0; g < p.groups; g += 1)
      add(
        {
          ...active,
          ...childStatus,
          name: `第${'一二三四'[g]}党小组`,
          type: 'PARTY_GROUP',
          parentId: null,
          sortOrder: g + 1,
        },
        branch,
        `${p.key}-g${g}`,
      );
    if (p.union)
      add(
        {
          ...active,
          ...childStatus,
          name: `${p.project}项目工会`,
          type: 'UNION',
          parentId: null,
          sortOrder: 20,
        },
        branch,
      );
    if (p.youth)
      add(
        {
          ...active,
          ...childStatus,
          name: `${p.project}项目团支部`,
          type: 'YOUTH_LEAGUE',
          parentId: null,
          sortOrder: 21,
        },
        branch,
      );
  });
  return { orgs, byKey };
}

export async function seedDemo(db: Db): Promise<{ skipped: boolean; orgs: number; users: number }> {
  if (
    await db.organization.findFirst({ where: { name: ROOT_ORG_NAME, parentId: null }, select: { id: true } })
  ) {
    await seedLater(db);
    return { skipped: true, orgs: 0, users: 0 };
  }
  const { orgs, byKey } = buildOrgs();
  const demoHash = await hashPassword(DEMO_PASSWORD);
  // Generated members cannot sign in with a known password: one random hash shared by all of them.
  const memberHash = await hashPassword(randomUUID());
  const rand = prng(20261125);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const used = new Set<string>(DEMO_ACCOUNTS.map((a) => a.name));
  const personName = () => {
    for (;;) {
      const n = realisticName(rand);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };

  type U = {
    id: string;
    username: string;
    name: string;
    phone: string;
    orgId: string;
    passwordHash: string;
    active: boolean;
  };
  const users: U[] = [];
  const roles: {
    userId: string;
    role: (typeof DEMO_ACCOUNTS)[number]['role'] | 'MEMBER';
    orgId: string;
  }[] = [];
  const demo = new Map<string, U>();
  for (const a of DEMO_ACCOUNTS) {
    const u = {
      id: randomUUID(),
      username: a.username,
      name: a.name,
      phone: a.phone,
      orgId: byKey.get(a.memberOf)!.id,
      passwordHash: demoHash,
      active: true,
    };
    users.push(u);
    demo.set(a.username, u);
    roles.push({ userId: u.id, role: a.role, orgId: byKey.get(a.scope)!.id });
  }
  let n = 0;
  const generate = (org: Org, count: number, active = true) => {
    const made: U[] = [];
    for (let i = 0; i < count; i += 1) {
      n += 1;
      const u = {
        id: randomUUID(),
        username: `m${String(n).padStart(4, '0')}`,
        name: personName(),
        phone: `1${pick(['38', '39', '37', '58', '86', '89'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        orgId: org.id,
        passwordHash: memberHash,
        active,
      };
      users.push(u);
      made.push(u);
    }
    return made;
  };
  const secretaryOf = new Map<string, string>();
  secretaryOf.set(byKey.get('office')!.id, generate(byKey.get('office')!, 30)[0]!.id);
  for (const p of PROJECT_BRANCHES) {
    const branch = byKey.get(p.key)!;
    const made = generate(branch, p.members, p.status !== 'ARCHIVED');
    for (let g = 0; g < p.groups; g += 1) generate(byKey.get(`${p.key}-g${g}`)!, 3);
    secretaryOf.set(
      branch.id,
      p.key === 'first'
        ? demo.get('secretary')!.id
        : p.key === 'second'
          ? demo.get('secretary2')!.id
          : made[0]!.id,
    );
    if (p.key !== 'first' && p.key !== 'second')
      roles.push({ userId: made[0]!.id, role: 'SECRETARY', orgId: branch.id });
  }
  for (let i = 0; i < DEPARTMENTS.length; i += 1) generate(byKey.get(`dept${i}`)!, 3);
  for (const o of orgs) o.secretaryId = secretaryOf.get(o.id) ?? null;

  await db.$transaction(
    async (tx) => {
      // Parents first (orgs are built top-down), secretaries set once their users exist.
      await tx.organization.createMany({ data: orgs.map(({ secretaryId: _s, ...o }) => o) });
      await tx.user.createMany({ data: users });
      await tx.roleAssignment.createMany({ data: roles });
      for (const o of orgs)
        if (o.secretaryId)
          await tx.organization.update({ where: { id: o.id }, data: { secretaryId: o.secretaryId } });
      await tx.keyUnit.createMany({
        data: Object.entries(KEY_UNITS).flatMap(([year, keys]) =>
          keys.map((k) => ({ orgId: byKey.get(k)!.id, year: Number(year) })),
        ),
      });
      await appendTrace(
        tx,
        { id: null, name: 'system' },
        {
          action: 'seed.demo',
          entityType: 'System',
          orgPath: byKey.get('root')!.path,
          after: { orgs: orgs.length, users: users.length },
        },
      );
    },
    { timeout: 60_000 },
  );
  await seedLater(db);
  return { skipped: false, orgs: orgs.length, users: users.length };
}

/** What later issues added to the demo; each part is idempotent on its own, so older demo databases catch up. */
async function seedLater(db: Db) {
  // The mark every page shows (lib/demo.ts): this database holds the invented demo company.
  await db.setting.upsert({
    where: { key: DEMO_MARKER },
    create: { key: DEMO_MARKER, value: { company: COMPANY_NAME } },
    update: {},
  });
  // A newcomer tries every role with the README's password: the demo accounts need no second factor, except
  // `admin`, who is asked to set one up so the flow can be seen (the security settings page shows this).
  await db.setting.upsert({
    where: { key: FACTOR_SETTING },
    create: { key: FACTOR_SETTING, value: { ...DEFAULT_FACTOR_SETTING, demoExempt: true } },
    update: {},
  });
  const steps: [string, (db: Db) => Promise<unknown>][] = [
    ['people', seedPeople],
    ['dues', seedDues],
    ['handbook', seedHandbook],
    ['calendar', seedCalendar],
    ['reminders', generateCurrent],
    ['history', seedHistory],
    ['meetings', seedMeetings],
    ['photos', seedPhotos],
    ['audits', seedAudits],
    ['feedback', seedFeedback],
    ['improve', seedImprove],
    ['exams', seedExams],
    ['training', seedTraining],
    ['audit exam', seedAuditExam],
    ['lifecycle', seedLifecycle],
    ['event tasks', generateEventTasks],
  ];
  for (const [name, step] of steps) {
    const t = performance.now();
    await step(db);
    // SEED_TIMING=1 prints where the seed's time goes.
    if (process.env.SEED_TIMING) console.log(`${name}: ${Math.round(performance.now() - t)} ms`);
  }
}

export async function seedCalendar(db: Db) {
  if (await db.calendarDay.count()) return;
  await db.calendarDay.createMany({
    data: [
      ...expand(HOLIDAYS).map((d) => ({
        date: new Date(`${d.date}T00:00:00Z`),
        kind: 'HOLIDAY' as const,
        name: d.name,
      })),
      ...expand(MAKEUP_WORKDAYS).map((d) => ({
        date: new Date(`${d.date}T00:00:00Z`),
        kind: 'WORKDAY' as const,
        name: d.name,
      })),
    ],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const db = createPrismaClient();
  try {
    const r = await seedDemo(db);
    console.log(
      r.skipped
        ? 'demo company already present: nothing changed'
        : `seeded ${r.orgs} organizations and ${r.users} people`,
    );
  } finally {
    await db.$disconnect();
  }
}
