/**
 * Four quarters of meeting records for the demo, coherent with the reminder history (prisma/seed-history.ts) and
 * the roster (prisma/seed-people.ts): every done 三会一课 task has the record that completed it, dated as the task
 * says, with its attendees from the unit's people. Mostly valid; in the first branch one month has no 支委会 (the
 * task stays open), one 党员大会 fell short of its quorum and was held again two weeks later, absences are made up
 * (补学) mostly, and one member has taken no part for more than six months. Runs once (marker setting).
 */
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, cstDay, periodOf } from '../lib/calendar';
import type { Db } from '../lib/db/client';
import {
  checkMeeting,
  DEFAULT_STUDY_HOURS,
  expectedPeople,
  hasVote,
  type AttendeeInput,
  type MeetingKind,
} from '../lib/meetings/rules';
import { loadRoster } from '../lib/meetings/roster';
import {
  ABSENCE_REASONS,
  AGENDAS,
  LECTURERS,
  MAKEUP_METHODS,
  MINUTES,
  PLACES,
  RESOLUTIONS,
  topicsOn,
} from './meeting-data';
import { expand, HOLIDAYS } from './calendar-data';
import { DEMO_ACCOUNTS, FIRST_BRANCH_NAME } from './seed-data';
import { prng } from './seed-random';

const MARKER = 'demo.meetings';
const DEMO_USERNAMES = DEMO_ACCOUNTS.map((a) => a.username);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const date = (day: string) => new Date(`${day}T00:00:00Z`);

export async function seedMeetings(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const today = cstDay(now);
  const rand = prng(20261130);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const first = await db.organization.findFirst({ where: { name: FIRST_BRANCH_NAME }, select: { id: true } });
  await fillPartyGroups(db);
  const demoMember = await db.user.findUnique({ where: { username: 'member' }, select: { id: true } });
  // The member who stopped coming: a 正式党员 of the first branch without a post, not one of the demo accounts.
  const lapsed = first
    ? await db.person.findFirst({
        where: {
          orgId: first.id,
          status: 'FULL',
          posts: { isEmpty: true },
          leftOn: null,
          OR: [{ userId: null }, { user: { username: { notIn: DEMO_USERNAMES } } }],
        },
        orderBy: { employeeNo: 'asc' },
        select: { id: true },
      })
    : null;
  const lapsedSince = addMonths(today, -7);

  // One past month without a 支委会 in the first branch: its task is left open.
  const skippedMonth = periodOf('MONTH', addMonths(today, -4)).key;
  if (first)
    await db.reminderTask.updateMany({
      where: { orgId: first.id, periodKey: skippedMonth, action: { meetingKind: 'COMMITTEE' } },
      data: {
        status: 'OPEN',
        completedAt: null,
        completedById: null,
        activityDate: null,
        note: null,
        onTime: null,
        backfillFlag: null,
        quality: null,
      },
    });
  if (first)
    await db.taskReview.deleteMany({
      where: { task: { orgId: first.id, periodKey: skippedMonth, action: { meetingKind: 'COMMITTEE' } } },
    });

  const tasks = await db.reminderTask.findMany({
    where: { status: 'DONE', action: { meetingKind: { not: null } }, org: { status: 'ACTIVE' } },
    select: {
      id: true,
      activityDate: true,
      completedAt: true,
      completedById: true,
      periodKey: true,
      periodStart: true,
      org: { select: { id: true, type: true, path: true } },
      action: { select: { meetingKind: true, bySecretary: true } },
    },
    orderBy: [{ periodStart: 'asc' }],
  });

  const meetings: Record<string, unknown>[] = [];
  const attendees: Record<string, unknown>[] = [];
  const resolutions: Record<string, unknown>[] = [];
  const makeups: Record<string, unknown>[] = [];
  const links: { taskId: string; meetingId: string }[] = [];

  async function record(o: {
    kind: MeetingKind;
    org: { id: string; type: string; path: string };
    day: string;
    by: string;
    submittedAt: Date;
    bySecretary?: boolean;
    /** Share of the expected who stay away (the failed assembly). */
    away?: number;
    /** What the assembly was called for, its minutes and what it voted on, where not the usual. */
    topic?: string;
    minutes?: string;
    texts?: string[];
  }) {
    const roster = await loadRoster(db, o.org, o.day);
    const secretary = roster.find((p) => p.posts.includes('SECRETARY'));
    const leader = roster.find((p) => p.posts.includes('GROUP_LEADER'));
    const host = o.kind === 'GROUP' ? (leader ?? roster[0]) : (secretary ?? roster[0]);
    if (!host) return null;
    const id = randomUUID();
    const rating = () =>
      o.kind !== 'DEMOCRATIC_REVIEW'
        ? undefined
        : rand() < 0.2
          ? ('EXCELLENT' as const)
          : rand() < 0.04
            ? ('BASIC' as const)
            : ('QUALIFIED' as const);
    const mark = (away: number): AttendeeInput[] => {
      if (o.kind === 'HEART_TALK') {
        const other = roster.filter((p) => p.id !== host.id && p.member && p.status);
        return other.length ? [{ personId: pick(other).id, status: 'PRESENT' }] : [];
      }
      return expectedPeople(o.kind, roster).map((p): AttendeeInput => {
        const mustCome = p.userId === demoMember?.id || p.id === host.id;
        if (p.id === lapsed?.id && o.day >= lapsedSince)
          return { personId: p.id, status: 'ABSENT', reason: '未请假' };
        const r = rand();
        if (r < away && !mustCome)
          return { personId: p.id, status: r < away / 2 ? 'LEAVE' : 'ABSENT', reason: pick(ABSENCE_REASONS) };
        return { personId: p.id, status: 'PRESENT', rating: rating() };
      });
    };
    const votesOf = (list: AttendeeInput[], texts: string[]) => {
      const present = list.filter((a) => a.status === 'PRESENT');
      const voters = present.filter((a) =>
        hasVote(
          roster.find((p) => p.id === a.personId)!,
          o.day,
        ),
      ).length;
      return texts.map((text) => ({
        text,
        votesFor: o.kind === 'COMMITTEE' ? present.length : voters,
        votesAgainst: 0,
        votesAbstain: 0,
      }));
    };
    let texts = o.texts ?? (RESOLUTIONS[o.kind] ?? []).filter(() => rand() < 0.5).slice(0, 2);
    if (RESOLUTIONS[o.kind] && texts.length === 0) texts = [pick(RESOLUTIONS[o.kind]!)];
    const run = (list: AttendeeInput[]) => {
      const voteRows = votesOf(list, texts);
      const check = checkMeeting({
        kind: o.kind,
        isElection: false,
        heldOn: o.day,
        attendees: list,
        roster,
        votes: voteRows,
      });
      return { list, voteRows, check };
    };
    let r = run(mark(o.away ?? 0.07));
    // Ordinary absences never cost a meeting its quorum in the demo: only the one failed assembly does.
    if (!r.check.valid && !o.away) r = run(mark(0));
    if (o.kind === 'HEART_TALK' && r.list.length === 0) return null;
    const { list, voteRows, check } = r;
    const lecturerId =
      o.kind === 'PARTY_LECTURE' && (o.bySecretary || rand() < 0.4) ? secretary?.id : undefined;
    const hours = DEFAULT_STUDY_HOURS[o.kind];
    meetings.push({
      id,
      orgId: o.org.id,
      orgPath: o.org.path,
      kind: o.kind,
      status: 'SUBMITTED',
      heldOn: date(o.day),
      startTime: pick(['08:30', '14:00', '18:30', '19:00']),
      place: pick(PLACES),
      hostId: host.id,
      lecturerId: lecturerId ?? null,
      lecturerName: o.kind === 'PARTY_LECTURE' && !lecturerId ? pick(LECTURERS) : null,
      topic:
        o.topic ??
        (o.kind === 'PARTY_LECTURE' && o.bySecretary
          ? `书记讲党课：${pick(topicsOn('PARTY_LECTURE', o.day))}`
          : pick(topicsOn(o.kind, o.day))),
      agenda: AGENDAS[o.kind] ?? '',
      minutes: o.minutes ?? MINUTES[o.kind] ?? '',
      studyHours: hours,
      valid: check.valid,
      problems: check.problems,
      createdById: o.by,
      createdAt: o.submittedAt,
      submittedAt: o.submittedAt,
      submittedById: o.by,
    });
    for (const a of list)
      attendees.push({
        meetingId: id,
        personId: a.personId,
        status: a.status,
        reason: a.reason ?? null,
        rating: a.rating ?? null,
        voting: hasVote(
          roster.find((p) => p.id === a.personId)!,
          o.day,
        ),
      });
    voteRows.forEach((v, i) =>
      resolutions.push({ ...v, meetingId: id, seq: i + 1, passed: check.passed[i]! }),
    );
    for (const a of list)
      if (a.status !== 'PRESENT' && a.reason !== '未请假' && rand() < 0.75) {
        const on = addDays(o.day, 3 + Math.floor(rand() * 8));
        if (on <= today)
          makeups.push({
            meetingId: id,
            personId: a.personId,
            studiedOn: date(on),
            method: pick(MAKEUP_METHODS),
            hours: Math.max(hours, 1),
            recordedById: o.by,
            createdAt: new Date(`${on}T10:00:00+08:00`),
          });
      }
    return { id, valid: check.valid };
  }

  for (const t of tasks) {
    if (!t.activityDate || !t.completedAt) continue;
    const kind = t.action.meetingKind as MeetingKind;
    const day = iso(t.activityDate);
    const by = t.completedById ?? (await db.user.findFirst({ select: { id: true } }))!.id;
    // The first branch's assembly of the quarter before this one: the first attempt fell short of its quorum.
    const lastQuarter = periodOf('QUARTER', addMonths(today, -3)).key;
    if (kind === 'GENERAL_ASSEMBLY' && t.org.id === first?.id && t.periodKey === lastQuarter) {
      const earlier = addDays(day, -14) >= iso(t.periodStart) ? addDays(day, -14) : iso(t.periodStart);
      record({
        kind,
        org: t.org,
        day: earlier,
        by,
        submittedAt: new Date(`${earlier}T20:00:00+08:00`),
        away: 0.6,
      });
    }
    const m = await record({
      kind,
      org: t.org,
      day,
      by,
      submittedAt: t.completedAt,
      bySecretary: t.action.bySecretary,
    });
    if (m?.valid) links.push({ taskId: t.id, meetingId: m.id });
  }

  /**
   * 《中国共产党发展党员工作细则》: a 预备党员 is admitted by the 支部党员大会's vote (第二十四条), the 预备期 counting
   * from the day it passed (第二十八条), and turned full by another when it ends (第三十一条). Each admission and
   * 转正 of the records' years has its assembly: on the admission day itself, and for 转正 on the first day from the
   * end of the 预备期 that is neither a Sunday nor a statutory holiday. Where the branch already met that day, the
   * vote is that assembly's; where two are due on one day, one assembly takes both.
   */
  async function pipelineAssemblies() {
    const holiday = new Set(expand(HOLIDAYS).map((h) => h.date));
    const firstDay = new Map<string, string>();
    for (const m of meetings) {
      const [org, day] = [m.orgId as string, iso(m.heldOn as Date)];
      if (!firstDay.has(org) || day < firstDay.get(org)!) firstDay.set(org, day);
    }
    const people = await db.person.findMany({
      where: {
        org: { type: 'BRANCH', status: 'ACTIVE' },
        OR: [{ admittedOn: { not: null } }, { fullOn: { not: null } }],
      },
      select: {
        name: true,
        status: true,
        admittedOn: true,
        fullOn: true,
        org: { select: { id: true, type: true, path: true } },
      },
      orderBy: { employeeNo: 'asc' },
    });
    const due = new Map<
      string,
      { org: (typeof people)[number]['org']; day: string; admit: string[]; full: string[] }
    >();
    const add = (p: (typeof people)[number], day: string, what: 'admit' | 'full') => {
      const from = firstDay.get(p.org.id);
      if (!from || day < from || day > today) return;
      const k = `${p.org.id}|${day}`;
      if (!due.has(k)) due.set(k, { org: p.org, day, admit: [], full: [] });
      due.get(k)![what].push(p.name);
    };
    for (const p of people) {
      if (p.admittedOn) add(p, iso(p.admittedOn), 'admit');
      if (p.fullOn && p.status === 'FULL') {
        let day = iso(p.fullOn);
        while (holiday.has(day) || new Date(`${day}T00:00:00Z`).getUTCDay() === 0) day = addDays(day, 1);
        add(p, day, 'full');
      }
    }
    const clerks = await db.roleAssignment.findMany({
      where: { role: { in: ['SECRETARY', 'CLERK'] } },
      select: { orgId: true, userId: true },
    });
    const anyone = (await db.user.findFirst({ select: { id: true } }))!.id;
    for (const d of [...due.values()].sort((x, y) => x.day.localeCompare(y.day))) {
      const texts = [
        ...d.admit.map((n) => `同意接收${n}同志为中共预备党员`),
        ...d.full.map((n) => `同意${n}同志按期转为中共正式党员`),
      ];
      const held = meetings.find(
        (m) => m.orgId === d.org.id && m.kind === 'GENERAL_ASSEMBLY' && iso(m.heldOn as Date) === d.day,
      );
      if (held) {
        const own = resolutions.filter((r) => r.meetingId === held.id);
        const votes = own[0] ?? { votesFor: 0, votesAgainst: 0, votesAbstain: 0, passed: held.valid };
        texts.forEach((text, i) =>
          resolutions.push({
            meetingId: held.id,
            seq: own.length + i + 1,
            text,
            votesFor: votes.votesFor,
            votesAgainst: 0,
            votesAbstain: 0,
            passed: votes.passed,
          }),
        );
        continue;
      }
      const names = (xs: string[]) => xs.join('、');
      const topic = [
        d.admit.length ? `讨论接收${names(d.admit)}同志为中共预备党员` : '',
        d.full.length ? `讨论${names(d.full)}同志预备党员转正` : '',
      ]
        .filter(Boolean)
        .join('；');
      const minutes = [
        '会议由支部书记主持，到会有表决权的正式党员超过应到会人数的一半。',
        d.admit.length
          ? `支部委员会报告了发展对象${names(d.admit)}同志的培养教育、考察和政治审查情况，发展对象汇报了对党的认识和入党动机，入党介绍人介绍了其主要表现。`
          : '',
        d.full.length
          ? `预备党员${names(d.full)}同志汇报了预备期的表现，入党介绍人和党小组介绍了考察意见。`
          : '',
        '与会党员充分讨论后，以无记名投票方式逐一表决，赞成票超过应到会有表决权正式党员的半数，会后报公司党委审批。',
      ].join('');
      await record({
        kind: 'GENERAL_ASSEMBLY',
        org: d.org,
        day: d.day,
        by: clerks.find((c) => c.orgId === d.org.id)?.userId ?? anyone,
        submittedAt: new Date(`${d.day}T20:00:00+08:00`),
        topic,
        minutes,
        texts,
      });
    }
  }

  await pipelineAssemblies();

  await db.$transaction(
    async (tx) => {
      await tx.meeting.createMany({ data: meetings as never });
      await tx.meetingAttendee.createMany({ data: attendees as never });
      await tx.meetingResolution.createMany({ data: resolutions as never });
      await tx.makeupStudy.createMany({ data: makeups as never });
      await tx.$executeRaw`
        UPDATE "ReminderTask" t SET "meetingId" = v.meeting
        FROM unnest(${links.map((l) => l.taskId)}::uuid[], ${links.map((l) => l.meetingId)}::uuid[]) AS v(task, meeting)
        WHERE t.id = v.task`;
      await tx.setting.create({ data: { key: MARKER, value: { meetings: meetings.length } } });
    },
    { timeout: 120_000 },
  );
}

/**
 * A branch with party groups puts every member in one (《中国共产党支部工作条例（试行）》: 党员人数较多的支部划分党小组):
 * the demo roster gave each group only the members with accounts, so the rest are shared out in turn.
 */
async function fillPartyGroups(db: Db) {
  const groups = await db.organization.findMany({
    where: { type: 'PARTY_GROUP', status: 'ACTIVE' },
    select: { id: true, parentId: true },
    orderBy: { sortOrder: 'asc' },
  });
  const byBranch = new Map<string, string[]>();
  for (const g of groups) byBranch.set(g.parentId!, [...(byBranch.get(g.parentId!) ?? []), g.id]);
  for (const [branch, ids] of byBranch) {
    const free = await db.person.findMany({
      where: { orgId: branch, partyGroupId: null, leftOn: null, status: { in: ['FULL', 'PROBATIONARY'] } },
      select: { id: true },
      orderBy: { employeeNo: 'asc' },
    });
    for (const [i, groupId] of ids.entries()) {
      const share = free.filter((_, k) => k % ids.length === i).map((p) => p.id);
      await db.person.updateMany({ where: { id: { in: share } }, data: { partyGroupId: groupId } });
    }
  }
}
