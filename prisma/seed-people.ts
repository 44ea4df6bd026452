/**
 * The demo company's people (人员): every account of a unit becomes a person with a realistic 党内身份 and the
 * dates of the 发展党员 procedure that go with it, plus staff without an account (群众). Dates are relative to
 * today, so a 预备党员 is always within the year of 预备期 and an applicant's talk is always due soon; a few
 * records are deliberately out of order for the checks to find (DESIGN: demo shows every state):
 *   - 流动党员: office (HQ) members working on project branches;
 *   - a 发展对象 in the second branch made 9 months after becoming an activist (the rule is at least one year);
 *   - a 预备党员 in the first branch whose year of 预备期 ended a month ago without a 转正 decision.
 * Idempotent: does nothing once any person has a recorded status.
 */
import { appendTrace, SYSTEM_ACTOR } from '../lib/audit-log';
import { addDays, addMonths, cstDay } from '../lib/calendar';
import type { Db } from '../lib/db/client';
import { personDays, type PartyPost, type PartyStatus } from '../lib/people/rules';

import { OFFICE_BRANCH_NAME, personName, PROJECT_BRANCHES } from './seed-data';
import { prng } from './seed-random';
import { fenToYuan, monthlyDues } from '../lib/people/dues';

type Draft = {
  employeeNo: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  phone: string | null;
  education: string;
  status: PartyStatus;
  appliedOn?: string;
  activistOn?: string;
  candidateOn?: string;
  admittedOn?: string;
  fullOn?: string;
  talkOn?: string;
  trainingDays?: number;
  trainingHours?: number;
  politicalReviewOn?: string;
  approvedOn?: string;
  introducers?: string;
  contacts?: string;
  posts: PartyPost[];
  orgId: string;
  workOrgId: string | null;
  partyGroupId: string | null;
  userId: string | null;
};

const FEMALE_CHARS = new Set('芳娜敏静丽艳娟秀霞桂英玉兰萍红梅欣雨慧婷佳琪春燕怡涵');

export async function seedPeople(db: Db) {
  if (await db.person.count({ where: { status: { not: null } } })) return;
  const rand = prng(20261130);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const today = cstDay(new Date());
  const monthsAgo = (a: number, b: number) => addDays(addMonths(today, -between(a, b)), -between(0, 20));

  const orgs = await db.organization.findMany({
    select: { id: true, name: true, type: true, parentId: true, status: true, secretaryId: true },
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const byName = (name: string) => orgs.find((o) => o.name === name && o.type === 'BRANCH')!;
  const office = byName(OFFICE_BRANCH_NAME);
  const branchOf = (key: string) => byName(PROJECT_BRANCHES.find((p) => p.key === key)!.name);
  const users = await db.user.findMany({
    where: { orgId: { not: null } },
    select: { id: true, username: true, name: true, phone: true, orgId: true, active: true },
    orderBy: { username: 'asc' },
  });
  const existing = new Map(
    (await db.person.findMany({ select: { id: true, userId: true } })).map((p) => [p.userId, p.id]),
  );

  // Each account's 组织关系: a party group's members belong to its branch; department staff to the office
  // branch (working in their department); people of the closed project were placed in the office branch.
  const drafts: Draft[] = [];
  let seq = 10_000;
  const number = () => `HY${(seq += 1)}`;
  const genderOf = (name: string): 'MALE' | 'FEMALE' =>
    [...name.slice(1)].some((c) => FEMALE_CHARS.has(c)) ? 'FEMALE' : 'MALE';
  for (const u of users) {
    const unit = byId.get(u.orgId!)!;
    let orgId = unit.id;
    let partyGroupId: string | null = null;
    let workOrgId: string | null = null;
    if (unit.type === 'PARTY_GROUP') {
      orgId = unit.parentId!;
      partyGroupId = unit.id;
    } else if (unit.type !== 'BRANCH' || unit.status === 'ARCHIVED') {
      orgId = office.id;
      if (unit.status !== 'ARCHIVED') workOrgId = unit.id;
    }
    if (byId.get(orgId)!.status === 'ARCHIVED') orgId = office.id;
    drafts.push({
      employeeNo: number(),
      name: u.name,
      gender: genderOf(u.name),
      birthDate: '',
      phone: u.phone,
      education: '',
      status: 'FULL',
      posts: [],
      orgId,
      workOrgId,
      partyGroupId,
      userId: u.id,
    });
  }
  // Staff without accounts: a few 群众 on every active branch.
  const used = new Set(drafts.map((d) => d.name));
  const freshName = () => {
    for (;;) {
      const n = personName(rand);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  for (const o of orgs.filter((x) => x.type === 'BRANCH' && x.status !== 'ARCHIVED')) {
    for (let i = between(2, 4); i > 0; i -= 1) {
      const name = freshName();
      drafts.push({
        employeeNo: number(),
        name,
        gender: genderOf(name),
        birthDate: '',
        phone: `1${pick(['35', '36', '50', '51', '87', '88'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        education: '',
        status: 'MASSES',
        posts: [],
        orgId: o.id,
        workOrgId: null,
        partyGroupId: null,
        userId: null,
      });
    }
  }

  // Statuses by branch: about two thirds 正式党员, some 预备党员, a few in each 发展 stage, the rest 群众.
  const demoUsers = new Set(users.filter((u) => !/^m\d{4}$/.test(u.username)).map((u) => u.id));
  const secretaries = new Set(orgs.map((o) => o.secretaryId).filter(Boolean));
  const byBranch = new Map<string, Draft[]>();
  for (const d of drafts) byBranch.set(d.orgId, [...(byBranch.get(d.orgId) ?? []), d]);
  for (const [branchId, people] of byBranch) {
    // A branch still being set up (筹建) has admitted nobody and keeps no 发展 pipeline of its own yet.
    const preparing = byId.get(branchId)?.status === 'PREPARING';
    const fixed = people.filter((d) => d.userId && (demoUsers.has(d.userId) || secretaries.has(d.userId)));
    const rest = people.filter((d) => !fixed.includes(d) && d.status !== 'MASSES');
    for (let i = rest.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    const n = rest.length;
    const quota: [PartyStatus, number][] = [
      ['PROBATIONARY', Math.max(1, Math.round(n * 0.08))],
      ['CANDIDATE', n >= 8 ? 1 : 0],
      ['ACTIVIST', n >= 8 ? 2 : n >= 4 ? 1 : 0],
      ['APPLICANT', n >= 12 ? 1 : 0],
      ['MASSES', Math.round(n * 0.12)],
    ];
    let k = 0;
    for (const [status, count] of quota)
      for (let c = 0; c < count && k < n; c += 1, k += 1)
        rest[k]!.status = preparing && status !== 'MASSES' ? 'FULL' : status;
    // 《中国共产党支部工作条例（试行）》第五条: a branch has no more than 50 党员 (the 机关 branch gathers every
    // department's staff): the rest of its staff are 群众.
    const partyCount = people.filter((d) => d.status === 'FULL' || d.status === 'PROBATIONARY').length;
    for (const d of rest.filter((x) => x.status === 'FULL').slice(0, Math.max(0, partyCount - 46)))
      d.status = 'MASSES';
    const full = people.filter((d) => d.status === 'FULL');
    const names = () => {
      const a = pick(full);
      const b = pick(full.filter((x) => x !== a));
      return b ? `${a.name}、${b.name}` : a?.name;
    };
    for (const d of people) stageDates(d, names);
    // Posts: the secretary; a 支部委员会 where the branch has 7 or more 正式党员; a leader for each party group.
    // 党章第七条: a 预备党员 has no right to be elected, so whoever holds a post was 正式 when the term began (terms
    // begin up to about 34 months ago, seedLifecycle); a secretary has been a member for years.
    const secretary = people.find((d) => d.userId && secretaries.has(d.userId));
    if (secretary) {
      if (secretary.status !== 'FULL' || secretary.fullOn! > addMonths(today, -48)) {
        secretary.status = 'FULL';
        veteran(secretary, 48);
      }
      secretary.posts.push('SECRETARY');
    }
    const seasoned = (d: Draft) => d.status === 'FULL' && d.fullOn! <= addMonths(today, -36);
    // 《中国共产党支部工作条例（试行）》: a committee of 3 to 5, at most 7, where there are 7 or more 正式党员.
    if (full.length >= 7) {
      const others = full.filter((d) => d !== secretary && !demoUsers.has(d.userId ?? '') && seasoned(d));
      const posts: PartyPost[] =
        full.length >= 20
          ? ['DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE', 'YOUTH', 'COMMITTEE_MEMBER']
          : ['ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE'];
      posts.forEach((post, i) => others[i]?.posts.push(post));
    }
    for (const g of new Set(people.map((d) => d.partyGroupId).filter(Boolean)))
      people
        .find((d) => d.partyGroupId === g && seasoned(d) && d.posts.length === 0)
        ?.posts.push('GROUP_LEADER');
  }

  /** A 正式党员 of long standing: admitted at least `months` + 12 months ago. */
  function veteran(d: Draft, months: number) {
    d.admittedOn = addDays(addMonths(today, -between(months + 12, months + 180)), -between(0, 25));
    d.candidateOn = addDays(addMonths(d.admittedOn, -between(4, 8)), -between(0, 20));
    d.activistOn = addDays(addMonths(d.candidateOn, -between(13, 20)), -between(0, 15));
    d.appliedOn = addDays(addMonths(d.activistOn, -between(2, 6)), -between(0, 15));
    d.talkOn = addDays(d.appliedOn, between(8, 26));
    d.fullOn = addMonths(d.admittedOn, 12);
    d.politicalReviewOn = addDays(d.admittedOn, -between(20, 60));
    d.approvedOn = addDays(d.admittedOn, between(18, 55));
    d.birthDate = addDays(addMonths(d.appliedOn, -12 * between(21, 30)), -between(0, 300));
  }

  function stageDates(d: Draft, names: () => string | undefined) {
    d.education = pick([
      '大学本科',
      '大学本科',
      '大学本科',
      '大学专科',
      '大学专科',
      '研究生',
      '中专',
      '高中',
    ]);
    const backFrom = (candidateOn: string) => {
      d.candidateOn = candidateOn;
      d.activistOn = addDays(addMonths(candidateOn, -between(13, 20)), -between(0, 15));
      d.appliedOn = addDays(addMonths(d.activistOn, -between(2, 6)), -between(0, 15));
    };
    switch (d.status) {
      case 'FULL': {
        d.admittedOn = addDays(addMonths(today, -between(15, 300)), -between(0, 25));
        backFrom(addDays(addMonths(d.admittedOn, -between(4, 8)), -between(0, 20)));
        // 党章第七条: the 预备期 is one year, and 党龄 counts from the day it ends.
        d.fullOn = addMonths(d.admittedOn, 12);
        break;
      }
      case 'PROBATIONARY':
        d.admittedOn = monthsAgo(1, 10);
        backFrom(addDays(addMonths(d.admittedOn, -between(4, 7)), -between(0, 20)));
        break;
      case 'CANDIDATE':
        backFrom(monthsAgo(1, 4));
        d.contacts = names();
        break;
      case 'ACTIVIST':
        d.activistOn = monthsAgo(2, 10);
        d.appliedOn = addDays(addMonths(d.activistOn, -between(2, 5)), -between(0, 15));
        d.contacts = names();
        break;
      case 'APPLICANT':
        d.appliedOn = addDays(today, -between(6, 24));
        break;
      default:
        break;
    }
    // The procedure's checkpoints, kept in time: talk within the month, 3–5 days of training, the 政审 shortly
    // before the 支部大会, the committee's approval within the following two months.
    if (d.appliedOn && d.status !== 'APPLICANT') d.talkOn = addDays(d.appliedOn, between(8, 26));
    if (d.candidateOn && d.status !== 'CANDIDATE') {
      d.trainingDays = between(3, 5);
      d.trainingHours = d.trainingDays * 8;
    }
    if (d.admittedOn) {
      d.politicalReviewOn = addDays(d.admittedOn, -between(20, 60));
      d.approvedOn = addDays(d.admittedOn, between(18, 55));
      if (d.approvedOn > today) d.approvedOn = undefined;
    }
    const young = d.appliedOn ?? addMonths(today, -between(12 * 4, 12 * 30));
    d.birthDate = addDays(addMonths(young, -12 * between(20, 32)), -between(0, 300));
  }

  // Mobile members (流动党员): office members working on projects while their 组织关系 stays at HQ.
  const mobile = drafts.filter(
    (d) =>
      d.orgId === office.id &&
      !d.workOrgId &&
      d.status === 'FULL' &&
      !d.posts.length &&
      !demoUsers.has(d.userId ?? ''),
  );
  const placements: [string, number][] = [
    ['first', 3],
    ['second', 2],
    ['yunling', 2],
  ];
  let m = 0;
  for (const [key, count] of placements)
    for (let c = 0; c < count && m < mobile.length; c += 1, m += 1) mobile[m]!.workOrgId = branchOf(key).id;

  // The two records the 发展 checks must find.
  const second = branchOf('second').id;
  const early = drafts.find((d) => d.orgId === second && d.status === 'CANDIDATE');
  if (early?.candidateOn) {
    early.activistOn = addMonths(early.candidateOn, -9);
    early.appliedOn = addDays(addMonths(early.activistOn, -3), -4);
    early.talkOn = addDays(early.appliedOn, 12);
  }
  const first = branchOf('first').id;
  const late = drafts.find((d) => d.orgId === first && d.status === 'PROBATIONARY');
  if (late) {
    late.admittedOn = addDays(addMonths(today, -13), -3);
    late.candidateOn = addMonths(late.admittedOn, -5);
    late.activistOn = addMonths(late.candidateOn, -14);
    late.appliedOn = addMonths(late.activistOn, -3);
    late.talkOn = addDays(late.appliedOn, 15);
    late.politicalReviewOn = addDays(late.admittedOn, -30);
    late.approvedOn = addDays(late.admittedOn, 40);
  }

  // Transfers the committee is following: one 12 days in transit, one past its letter's validity, one awaiting a letter.
  const pickMover = (key: string) =>
    drafts.find(
      (d) =>
        d.orgId === branchOf(key).id &&
        d.status === 'FULL' &&
        !d.posts.length &&
        !demoUsers.has(d.userId ?? '') &&
        !d.workOrgId,
    )!;
  const issued = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  const transfers = [
    {
      mover: pickMover('first'),
      to: branchOf('metro').id,
      letterNo: '华岳党委组转字〔2026〕第47号',
      issuedAt: issued(12),
      validUntil: addDays(today, 18),
      reason: '调往地铁3号线土建七标项目任技术负责人',
    },
    {
      mover: pickMover('yunling'),
      to: branchOf('nanshan').id,
      letterNo: '华岳党委组转字〔2026〕第39号',
      issuedAt: issued(41),
      validUntil: addDays(today, -11),
      reason: '隧道主体完工，调往南山大桥项目',
    },
    { mover: pickMover('second'), to: branchOf('donghu').id, reason: '东湖科创园项目机电安装阶段需要' },
  ];

  // A 党小组 is of 党员 (正式 and 预备); others of its unit belong to the branch (and may sit in as 列席).
  for (const d of drafts)
    if (d.partyGroupId && d.status !== 'FULL' && d.status !== 'PROBATIONARY') d.partyGroupId = null;

  // 入党介绍人 (《发展党员工作细则》第十五条): two 正式党员, other than the person, who were 正式 on the day of the
  // 支部大会 — of the branch where it had them, else of the company (people move between projects); for one admitted
  // before anyone now in the company, two who have since left or retired.
  for (const d of drafts) {
    if (!d.admittedOn) continue;
    const eligible = (x: Draft) => x !== d && x.status === 'FULL' && x.fullOn! < d.admittedOn!;
    const ofBranch = drafts.filter((x) => x.orgId === d.orgId && eligible(x));
    const pool = ofBranch.length >= 2 ? ofBranch : drafts.filter(eligible);
    const a = pool.length ? pick(pool).name : freshName();
    const rest = pool.filter((x) => x.name !== a);
    d.introducers = `${a}、${rest.length ? pick(rest).name : freshName()}`;
  }

  const day = (v?: string) => (v ? new Date(`${v}T00:00:00Z`) : null);
  const registeredAt = new Date(`${addMonths(today, -15)}T01:00:00Z`);
  await db.$transaction(
    async (tx) => {
      for (const d of drafts) {
        const data = {
          ...d,
          ...personDays(d),
          // The roster was registered when the company took the portal into use, before the demo's history begins.
          createdAt: registeredAt,
          introducers: d.introducers ?? null,
          contacts: d.contacts ?? null,
        };
        const id = d.userId ? existing.get(d.userId) : undefined;
        // A person the migration made from an account keeps its id; its 工号 becomes the company's.
        if (id) await tx.person.update({ where: { id }, data });
        else await tx.person.create({ data });
      }
      for (const t of transfers) {
        const person = await tx.person.findUniqueOrThrow({ where: { employeeNo: t.mover.employeeNo } });
        await tx.transfer.create({
          data: {
            kind: 'INTERNAL',
            status: 'letterNo' in t ? 'ISSUED' : 'PROPOSED',
            personId: person.id,
            fromOrgId: person.orgId,
            toOrgId: t.to,
            reason: t.reason,
            proposedAt: 'issuedAt' in t ? new Date(t.issuedAt!.getTime() - 3 * 86_400_000) : issued(2),
            ...('letterNo' in t
              ? { letterNo: t.letterNo, validUntil: day(t.validUntil), issuedAt: t.issuedAt }
              : {}),
          },
        });
      }
      await appendTrace(tx, SYSTEM_ACTOR, {
        action: 'seed.people',
        entityType: 'System',
        after: { people: drafts.length, withAccount: drafts.filter((d) => d.userId).length },
      });
    },
    { timeout: 120_000 },
  );
}

/**
 * Branch lifecycle in the demo: every party unit's current term (one branch's ends in about 75 days), the
 * 翠湖 project started without its branch being requested yet, and the 高铁站前广场 project finished and half-way
 * through its closing checklist (half its members' letters out, its open tasks cancelled with a reason).
 * Runs after the reminder tasks exist; idempotent (does nothing once a term is recorded).
 */
export async function seedLifecycle(db: Db) {
  if (await db.organization.count({ where: { termStart: { not: null } } })) return;
  const rand = prng(20261201);
  const today = cstDay(new Date());
  const day = (v: string) => new Date(`${v}T00:00:00Z`);
  const orgs = await db.organization.findMany({
    where: { status: 'ACTIVE', type: { in: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] } },
    select: { id: true, name: true, type: true, projectActualStart: true },
  });
  const byKey = (key: string) => PROJECT_BRANCHES.find((p) => p.key === key)!.name;
  await db.$transaction(
    async (tx) => {
      // The 北环 branch's setting up, as the handbook's 范例 of a 请示 and its 批复 tell it.
      await tx.organization.updateMany({
        where: { name: byKey('second') },
        data: { setupRequestedOn: day('2025-03-06'), setupApprovedOn: day('2025-03-23') },
      });
      for (const o of orgs) {
        const drawn =
          o.name === byKey('nanshan')
            ? addDays(addMonths(today, -36), 75)
            : addDays(addMonths(today, -(4 + Math.floor(rand() * 26))), -Math.floor(rand() * 28));
        // A project branch's first committee is elected after it is set up, within weeks of the project's start.
        const earliest = o.projectActualStart
          ? addDays(o.projectActualStart.toISOString().slice(0, 10), 35)
          : drawn;
        const start = o.name === byKey('nanshan') || drawn >= earliest ? drawn : earliest;
        await tx.organization.update({ where: { id: o.id }, data: { termStart: day(start) } });
      }
      const cuihu = await tx.organization.findFirstOrThrow({ where: { name: byKey('cuihu') } });
      await tx.organization.update({
        where: { id: cuihu.id },
        data: { projectActualStart: day(addDays(today, -18)), termStart: null },
      });
      const closing = await tx.organization.findFirstOrThrow({ where: { name: byKey('zhanqian') } });
      await tx.organization.update({
        where: { id: closing.id },
        data: { projectActualEnd: day(addDays(today, -20)) },
      });
      const cancelled = await tx.reminderTask.updateMany({
        where: { orgId: closing.id, status: 'OPEN' },
        data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: '项目竣工验收，支部撤销前关闭' },
      });
      const members = await tx.person.findMany({
        where: { orgId: closing.id, leftOn: null, status: { in: ['FULL', 'PROBATIONARY'] } },
        orderBy: { employeeNo: 'asc' },
      });
      const targets = await tx.organization.findMany({
        where: { name: { in: [byKey('xijiang'), byKey('changfang'), byKey('donghu')] } },
        select: { id: true },
      });
      const half = members.slice(0, Math.ceil(members.length / 2));
      for (const [i, m] of half.entries())
        await tx.transfer.create({
          data: {
            kind: 'INTERNAL',
            status: 'ISSUED',
            personId: m.id,
            fromOrgId: closing.id,
            toOrgId: targets[i % targets.length]!.id,
            reason: '站前广场项目竣工，随人员调整转接',
            letterNo: `华岳党委组转字〔2026〕第${52 + i}号`,
            validUntil: day(addDays(today, 25)),
            proposedAt: new Date(Date.now() - 9 * 86_400_000),
            issuedAt: new Date(Date.now() - 6 * 86_400_000),
          },
        });
      await appendTrace(tx, SYSTEM_ACTOR, {
        action: 'seed.lifecycle',
        entityType: 'System',
        after: { terms: orgs.length, closingTransfers: half.length, cancelledTasks: cancelled.count },
      });
    },
    { timeout: 60_000 },
  );
}

/**
 * 党费 in the demo: this year's base for every member (in-service wages of a construction company), payments
 * month by month to last month, a few paying per quarter — and two members in arrears, 4 and 7 months (the
 * second flagged for the 自行脱党 procedure). Idempotent.
 */
/** `d`, or `days` after `from` where that is later (nothing of a member's dues before they were admitted). */
function notBefore(d: Date, from: Date | null, days: number) {
  if (!from) return d;
  const earliest = new Date(from.getTime() + days * 86_400_000);
  return d < earliest ? earliest : d;
}

export async function seedDues(db: Db) {
  if (await db.duesBase.count()) return;
  const rand = prng(20261202);
  const today = cstDay(new Date());
  const year = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const people = await db.person.findMany({
    where: { status: { in: ['FULL', 'PROBATIONARY'] }, leftOn: null, org: { temporary: false } },
    select: {
      id: true,
      employeeNo: true,
      admittedOn: true,
      userId: true,
      orgId: true,
      posts: true,
      org: { select: { name: true } },
    },
    orderBy: { employeeNo: 'asc' },
  });
  const demoIds = new Set(
    (await db.user.findMany({ where: { NOT: { username: { startsWith: 'm' } } }, select: { id: true } })).map(
      (u) => u.id,
    ),
  );
  const owing = (branch: string) =>
    people.find((p) => p.org.name === branch && !p.posts.length && !demoIds.has(p.userId ?? ''))?.id;
  const arrearsOf = new Map([
    [owing(PROJECT_BRANCHES.find((b) => b.key === 'first')!.name), 4],
    [owing(PROJECT_BRANCHES.find((b) => b.key === 'second')!.name), 7],
  ]);
  const bases: {
    personId: string;
    year: number;
    category: 'EMPLOYED';
    monthlyBase: string;
    amount: string;
    quarterly: boolean;
    setOn: Date;
  }[] = [];
  const payments: { personId: string; month: string; amount: string; paidOn: Date }[] = [];
  const last = Number(thisMonth.slice(5, 7)) - 1;
  for (const p of people) {
    const wage = 4200 + Math.round((rand() * 11_800) / 10) * 10;
    const quarterly = rand() < 0.1;
    const admitted = p.admittedOn?.toISOString().slice(0, 7) ?? `${year - 1}-01`;
    const unpaid = arrearsOf.get(p.id) ?? 0;
    // Last year in full (the audits of its quarters read it), this year to last month; last year's wage a little
    // lower. 预备党员 pay from the 支部大会 that admitted them: one admitted in a year has that year's base set then.
    for (const [y, base, months] of [
      [year - 1, Math.round((wage * 0.97) / 10) * 10, 12],
      [year, wage, last - unpaid],
    ] as const) {
      if (`${y}-12` < admitted) continue;
      const amount = fenToYuan(monthlyDues('EMPLOYED', base * 100));
      bases.push({
        personId: p.id,
        year: y,
        category: 'EMPLOYED',
        monthlyBase: base.toFixed(2),
        amount,
        quarterly,
        setOn: notBefore(
          new Date(`${y}-01-${String(6 + Math.floor(rand() * 10)).padStart(2, '0')}T02:00:00Z`),
          p.admittedOn,
          2,
        ),
      });
      for (let m = 1; m <= months; m += 1) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (month < admitted) continue;
        // Quarterly payers pay the quarter in its first month.
        const payMonth = quarterly ? Math.floor((m - 1) / 3) * 3 + 1 : m;
        payments.push({
          personId: p.id,
          month,
          amount,
          paidOn: notBefore(
            new Date(
              `${y}-${String(payMonth).padStart(2, '0')}-${String(8 + Math.floor(rand() * 15)).padStart(2, '0')}T00:00:00Z`,
            ),
            p.admittedOn,
            3,
          ),
        });
      }
    }
  }
  await db.$transaction(
    async (tx) => {
      await tx.duesBase.createMany({ data: bases });
      for (let i = 0; i < payments.length; i += 2000)
        await tx.duesPayment.createMany({ data: payments.slice(i, i + 2000) });
      await appendTrace(tx, SYSTEM_ACTOR, {
        action: 'seed.dues',
        entityType: 'System',
        after: { bases: bases.length, payments: payments.length },
      });
    },
    { timeout: 60_000 },
  );
}
