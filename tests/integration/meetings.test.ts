import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDay, periodOf } from '../../lib/calendar';
import { personAttendance, unitAttendance } from '../../lib/meetings/attendance';
import {
  addMeetingFiles,
  createMeeting,
  recordMakeup,
  removeMeetingFile,
  saveMeeting,
} from '../../lib/meetings/mutations';
import { firstBranchFor, meetingFileFor, meetingFor, meetingsFor } from '../../lib/meetings/queries';
import type { MeetingKind } from '../../lib/meetings/rules';
import { ZSaveMeeting, type TSaveMeeting } from '../../lib/meetings/schema';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makeAction, makePublishedHandbook } from '../fixtures/handbook';
import { makePerson, refusal } from '../fixtures/people';

const db = testDb();
const today = cstDay(new Date());
let tree: Tree;
let committee: TestUser;
let clerkA: TestUser;
let clerkB: TestUser;
/** Branch A: a committee of five, three more 正式党员, one 预备党员. */
const A: Record<string, string> = {};
let outsider: string;
let actionIds: Partial<Record<MeetingKind, string>>;

beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  clerkA = await makeUser(db, 'CLERK', tree.a);
  clerkB = await makeUser(db, 'CLERK', tree.b);
  const posts = ['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE'];
  for (const [i, post] of posts.entries())
    A[`c${i + 1}`] = (
      await makePerson(db, committee.ctx, tree.a.id, { name: `委员${i + 1}`, posts: [post] })
    ).id;
  for (const n of [1, 2, 3])
    A[`m${n}`] = (await makePerson(db, committee.ctx, tree.a.id, { name: `党员${n}` })).id;
  A.p1 = (
    await makePerson(db, committee.ctx, tree.a.id, {
      name: '预备党员',
      status: 'PROBATIONARY',
      admittedOn: '2026-01-10',
      fullOn: undefined,
    })
  ).id;
  outsider = (await makePerson(db, committee.ctx, tree.b.id, { name: '乙支部党员' })).id;
  const hb = await makePublishedHandbook(db, uniq('版'));
  actionIds = {};
  for (const [kind, code, frequency] of [
    ['COMMITTEE', 'A-04-1', 'MONTH'],
    ['GENERAL_ASSEMBLY', 'A-03-1', 'QUARTER'],
  ] as const) {
    const a = await makeAction(db, hb, {
      code,
      title: kind === 'COMMITTEE' ? '召开支部委员会会议' : '召开支部党员大会',
      frequency,
      dueRule: { kind: 'DAYS_BEFORE_PERIOD_END', n: 0 },
      meetingKind: kind,
    });
    actionIds[kind] = a.id;
  }
});

async function openTask(kind: MeetingKind, orgId: string, day: string) {
  const action = await db.prescribedAction.findUniqueOrThrow({ where: { id: actionIds[kind]! } });
  const p = periodOf(action.frequency as 'MONTH' | 'QUARTER', day);
  return db.reminderTask.create({
    data: {
      actionKey: action.key,
      actionId: action.id,
      orgId,
      periodKey: p.key,
      periodStart: new Date(`${p.start}T00:00:00Z`),
      periodEnd: new Date(`${p.end}T00:00:00Z`),
      dueDate: new Date(`${p.end}T00:00:00Z`),
    },
  });
}

/** The draft's save input, with the given people present and the rest as the draft had them. */
async function input(id: string, over: Partial<TSaveMeeting> = {}, presentIds: string[] = []) {
  const m = await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendees: true } });
  return ZSaveMeeting.parse({
    id,
    lockVersion: m.lockVersion,
    heldOn: m.heldOn.toISOString().slice(0, 10),
    place: '项目部会议室',
    hostId: A.c1,
    topic: '研究部署本月党建工作',
    agenda: '一、传达上级精神；二、研究发展党员工作',
    minutes: '书记传达了公司党委会议精神……',
    isElection: false,
    studyHours: 0,
    attendees: m.attendees.map((a) => ({
      personId: a.personId,
      status: presentIds.includes(a.personId) ? 'PRESENT' : a.status,
    })),
    resolutions: [],
    ...over,
  });
}
const at = (n: number) => addDays(today, -n);

describe('recording a 支委会', () => {
  it('lists the committee, is valid with 3 of 5, and on submit completes the month’s task', async () => {
    const day = at(1);
    const task = await openTask('COMMITTEE', tree.a.id, day);
    const { id } = await createMeeting(db, clerkA.ctx, { orgId: tree.a.id, kind: 'COMMITTEE', heldOn: day });
    const draft = await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendees: true } });
    expect(draft.attendees.map((a) => a.personId).sort()).toEqual([A.c1, A.c2, A.c3, A.c4, A.c5].sort());
    expect(draft.hostId).toBe(A.c1);

    const saved = await saveMeeting(db, clerkA.ctx, await input(id, {}, [A.c1!, A.c2!, A.c3!]));
    expect(saved).toMatchObject({ valid: true, makeup: 2, tasks: 0 });
    expect((await db.reminderTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

    const submitted = await saveMeeting(db, clerkA.ctx, await input(id), { submit: true });
    expect(submitted).toMatchObject({ valid: true, tasks: 1 });
    const done = await db.reminderTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done).toMatchObject({ status: 'DONE', meetingId: id, completedById: clerkA.id });
    expect(done.activityDate?.toISOString().slice(0, 10)).toBe(day);
    const traces = await db.auditEvent.findMany({
      where: { OR: [{ entityId: id }, { entityId: task.id }] },
      orderBy: { id: 'asc' },
    });
    expect(traces.map((e) => e.action)).toEqual([
      'meetings.create',
      'meetings.save',
      'reminders.complete',
      'meetings.submit',
    ]);
    expect(traces[2]!.after).toMatchObject({ via: 'meeting', meetingId: id });

    // Frozen: no second save, no files.
    expect(await refusal(saveMeeting(db, clerkA.ctx, await input(id)))).toBe('meetings.errors.submitted');
    expect(await refusal(addMeetingFiles(db, clerkA.ctx, id, [{ name: 'a.png', bytes: PNG }]))).toBe(
      'meetings.errors.submitted',
    );
  });

  it('2 of 5 is kept, marked invalid, and leaves the task open', async () => {
    const day = at(2);
    const task = await openTask('COMMITTEE', tree.b.id, day);
    const clerkBMembers = [
      (await makePerson(db, committee.ctx, tree.b.id, { name: '乙书记', posts: ['SECRETARY'] })).id,
      (await makePerson(db, committee.ctx, tree.b.id, { name: '乙副书记', posts: ['DEPUTY_SECRETARY'] })).id,
      (await makePerson(db, committee.ctx, tree.b.id, { name: '乙组织委员', posts: ['ORGANIZATION'] })).id,
      (await makePerson(db, committee.ctx, tree.b.id, { name: '乙宣传委员', posts: ['PROPAGANDA'] })).id,
    ];
    const { id } = await createMeeting(db, clerkB.ctx, { orgId: tree.b.id, kind: 'COMMITTEE', heldOn: day });
    const r = await saveMeeting(
      db,
      clerkB.ctx,
      await input(id, { hostId: clerkBMembers[0] }, clerkBMembers.slice(0, 2)),
      { submit: true },
    );
    expect(r).toMatchObject({ valid: false, tasks: 0 });
    expect(r.problems).toEqual([{ code: 'committeeQuorum', params: { present: 2, expected: 4, needed: 3 } }]);
    const row = await db.meeting.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SUBMITTED', valid: false });
    expect((await db.reminderTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
  });
});

describe('支部党员大会 votes', () => {
  it('counts 正式党员 only and passes a resolution with more than half of those expected', async () => {
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'GENERAL_ASSEMBLY',
      heldOn: at(3),
    });
    const present = [A.c1!, A.c2!, A.c3!, A.c4!, A.c5!, A.p1!];
    const r = await saveMeeting(
      db,
      clerkA.ctx,
      await input(
        id,
        {
          resolutions: [
            { text: '同意接收张三为预备党员', votesFor: 5, votesAgainst: 0, votesAbstain: 0 },
            { text: '同意推荐李四为优秀党员', votesFor: 4, votesAgainst: 1, votesAbstain: 0 },
          ],
        },
        present,
      ),
    );
    // 8 正式党员 expected; 5 present; a resolution needs 5 yes.
    expect(r.valid).toBe(true);
    const res = await db.meetingResolution.findMany({ where: { meetingId: id }, orderBy: { seq: 'asc' } });
    expect(res.map((x) => x.passed)).toEqual([true, false]);
    const p1 = await db.meetingAttendee.findUniqueOrThrow({
      where: { meetingId_personId: { meetingId: id, personId: A.p1! } },
    });
    expect(p1.voting).toBe(false);
  });
});

describe('refused input changes nothing', () => {
  it('another unit’s person, a person twice, too many votes, a future day, a stale copy, a closed period', async () => {
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'GENERAL_ASSEMBLY',
      heldOn: at(4),
    });
    await saveMeeting(db, clerkA.ctx, await input(id, {}, [A.c1!]));
    const before = await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendees: true } });
    const base = await input(id);
    const cases: [Partial<TSaveMeeting>, string][] = [
      [
        { attendees: [...base.attendees, { personId: outsider, status: 'PRESENT' }] },
        'meetings.errors.foreignAttendee',
      ],
      [{ attendees: [...base.attendees, base.attendees[0]!] }, 'meetings.errors.duplicateAttendee'],
      [
        { resolutions: [{ text: '某事项', votesFor: 2, votesAgainst: 0, votesAbstain: 0 }] },
        'meetings.errors.tooManyVotes',
      ],
      [{ heldOn: addDays(today, 1) }, 'meetings.errors.futureDate'],
      [{ heldOn: '1900-01-01' }, 'meetings.errors.tooEarly'],
      [{ lockVersion: base.lockVersion - 1 }, 'meetings.errors.stale'],
      [{ heldOn: addDays(today, -250) }, 'meetings.errors.closedPeriod'],
      [{ hostId: outsider }, 'meetings.errors.foreignHost'],
    ];
    for (const [over, key] of cases)
      expect(await refusal(saveMeeting(db, clerkA.ctx, { ...base, ...over } as never))).toBe(key);
    // Nor before the unit was approved (批复成立).
    const approved = addDays(today, -10);
    await db.organization.update({
      where: { id: tree.a.id },
      data: { setupApprovedOn: new Date(`${approved}T00:00:00Z`) },
    });
    try {
      for (const attempt of [
        () =>
          createMeeting(db, clerkA.ctx, { orgId: tree.a.id, kind: 'COMMITTEE', heldOn: addDays(today, -11) }),
        () => saveMeeting(db, clerkA.ctx, { ...base, heldOn: addDays(today, -11) } as never),
      ])
        await expect(attempt()).rejects.toMatchObject({
          key: 'meetings.errors.beforeUnit',
          params: { day: approved },
        });
    } finally {
      await db.organization.update({ where: { id: tree.a.id }, data: { setupApprovedOn: null } });
    }
    const after = await db.meeting.findUniqueOrThrow({ where: { id }, include: { attendees: true } });
    expect(after.lockVersion).toBe(before.lockVersion);
    expect(after.attendees.length).toBe(before.attendees.length);
    // With a reason, the closed period is accepted and marked.
    await saveMeeting(db, clerkA.ctx, {
      ...base,
      heldOn: addDays(today, -250),
      backfillReason: '原记录本遗失，据签到表补录',
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id } })).backfillReason).toBe(
      '原记录本遗失，据签到表补录',
    );
  });

  it('a listed member who has since left the roster drops out of the draft instead of blocking it', async () => {
    const moving = (await makePerson(db, committee.ctx, tree.a.id, { name: '调出党员' })).id;
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'THEME_DAY',
      heldOn: at(8),
    });
    const draft = await input(id, {}, [A.c1!]);
    expect(draft.attendees.some((a) => a.personId === moving)).toBe(true);
    // 组织关系 moved to branch B (a transfer completed meanwhile).
    await db.person.update({ where: { id: moving }, data: { orgId: tree.b.id } });
    await saveMeeting(db, clerkA.ctx, draft);
    const after = await db.meetingAttendee.findMany({ where: { meetingId: id } });
    expect(after.some((a) => a.personId === moving)).toBe(false);
    expect(after.length).toBe(draft.attendees.length - 1);
  });

  it('a submit without a topic or anybody present is refused', async () => {
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'THEME_DAY',
      heldOn: at(5),
    });
    expect(await refusal(saveMeeting(db, clerkA.ctx, await input(id, { topic: '' }), { submit: true }))).toBe(
      'meetings.errors.topicRequired',
    );
    expect(await refusal(saveMeeting(db, clerkA.ctx, await input(id), { submit: true }))).toBe(
      'meetings.errors.nobodyPresent',
    );
    expect((await db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });
});

describe('policy', () => {
  it('another branch’s clerk can neither read nor write; the committee reads but does not record', async () => {
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'THEME_DAY',
      heldOn: at(6),
    });
    expect(await refusal(meetingFor(clerkB.subject, id, db))).toBe('errors.notFound');
    expect(await refusal(saveMeeting(db, clerkB.ctx, await input(id)))).toBe('errors.forbidden');
    expect(
      await refusal(createMeeting(db, clerkB.ctx, { orgId: tree.a.id, kind: 'THEME_DAY', heldOn: at(6) })),
    ).toBe('errors.forbidden');
    expect((await meetingsFor(clerkB.subject, {}, db)).rows.some((m) => m.id === id)).toBe(false);
    expect((await meetingFor(committee.subject, id, db)).editable).toBe(false);
    expect(await refusal(saveMeeting(db, committee.ctx, await input(id)))).toBe('errors.forbidden');
    expect((await meetingFor(clerkA.subject, id, db)).editable).toBe(true);
  });

  it('a party group records only party group meetings', async () => {
    expect(
      await refusal(createMeeting(db, clerkA.ctx, { orgId: tree.a1.id, kind: 'COMMITTEE', heldOn: at(1) })),
    ).toBe('meetings.errors.groupKind');
  });
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('files, 补学 and 学时', () => {
  it('files go with the draft; an absent member’s 补学 credits 学时 once', async () => {
    const { id } = await createMeeting(db, clerkA.ctx, {
      orgId: tree.a.id,
      kind: 'PARTY_LECTURE',
      heldOn: at(7),
    });
    await addMeetingFiles(db, clerkA.ctx, id, [{ name: '签到表.png', bytes: PNG }]);
    const [file] = await db.meetingFile.findMany({ where: { meetingId: id } });
    expect(file).toMatchObject({ fileName: '签到表.png', mimeType: 'image/png' });
    await addMeetingFiles(db, clerkA.ctx, id, [{ name: '现场.png', bytes: PNG }]);
    await removeMeetingFile(db, clerkA.ctx, { meetingId: id, fileId: file!.id });
    expect(await db.meetingFile.count({ where: { meetingId: id } })).toBe(1);
    // Refused, nothing changed: another branch's clerk, a file that is not this meeting's, a file that is not an
    // image or document by its content; another branch cannot download it.
    expect(await refusal(addMeetingFiles(db, clerkB.ctx, id, [{ name: 'x.png', bytes: PNG }]))).toBe(
      'errors.forbidden',
    );
    const [kept] = await db.meetingFile.findMany({ where: { meetingId: id } });
    expect(await refusal(removeMeetingFile(db, clerkB.ctx, { meetingId: id, fileId: kept!.id }))).toBe(
      'errors.forbidden',
    );
    const other = await createMeeting(db, clerkA.ctx, { orgId: tree.a.id, kind: 'THEME_DAY', heldOn: at(7) });
    expect(await refusal(removeMeetingFile(db, clerkA.ctx, { meetingId: other.id, fileId: kept!.id }))).toBe(
      'errors.notFound',
    );
    expect(
      await refusal(
        addMeetingFiles(db, clerkA.ctx, id, [{ name: '签到表.png', bytes: Buffer.from('MZ not an image') }]),
      ),
    ).toBe('meetings.errors.fileType');
    expect(await db.meetingFile.count({ where: { meetingId: id } })).toBe(1);
    expect(await refusal(meetingFileFor(clerkB.subject, kept!.id, db))).toBe('errors.notFound');
    expect((await meetingFileFor(committee.subject, kept!.id, db)).id).toBe(kept!.id);

    const everyoneBut = [A.c1!, A.c2!, A.c3!, A.c4!, A.c5!, A.m1!, A.m2!, A.p1!];
    await saveMeeting(
      db,
      clerkA.ctx,
      await input(id, { lecturerId: A.c1, studyHours: 2, topic: '学习党的二十届四中全会精神' }, everyoneBut),
      { submit: true },
    );
    expect(
      await refusal(
        recordMakeup(db, clerkA.ctx, {
          meetingId: id,
          personId: A.c1!,
          studiedOn: today,
          method: '自学',
          hours: 2,
        }),
      ),
    ).toBe('meetings.errors.makeupNotAbsent');
    const before = await personAttendance(
      clerkA.subject,
      { id: A.m3!, org: tree.a },
      Number(today.slice(0, 4)),
      db,
    );
    await recordMakeup(db, clerkA.ctx, {
      meetingId: id,
      personId: A.m3!,
      studiedOn: today,
      method: '观看党课录像并交心得体会',
      hours: 2,
    });
    expect(
      await refusal(
        recordMakeup(db, clerkA.ctx, {
          meetingId: id,
          personId: A.m3!,
          studiedOn: today,
          method: '再学',
          hours: 1,
        }),
      ),
    ).toBe('meetings.errors.makeupTwice');
    const after = await personAttendance(
      clerkA.subject,
      { id: A.m3!, org: tree.a },
      Number(today.slice(0, 4)),
      db,
    );
    expect(after!.summary!.hours - before!.summary!.hours).toBe(2);
    expect(after!.summary!.makeupOwed).toBe(before!.summary!.makeupOwed - 1);
    expect(
      await refusal(
        recordMakeup(db, clerkB.ctx, {
          meetingId: id,
          personId: A.m3!,
          studiedOn: today,
          method: 'x',
          hours: 1,
        }),
      ),
    ).toBe('errors.forbidden');
  });

  it('the branch list flags a member with no organizational life for six months, not one who arrived since', async () => {
    const quiet = (await makePerson(db, committee.ctx, tree.a.id, { name: '失联党员' })).id;
    // Registered in the portal eight months ago and silent since.
    await db.person.update({
      where: { id: quiet },
      data: { createdAt: new Date(Date.now() - 240 * 86_400_000) },
    });
    // Admitted years ago, registered today: nothing here says they have been silent for six months.
    const registered = (await makePerson(db, committee.ctx, tree.a.id, { name: '新登记党员' })).id;
    // Registered long ago elsewhere, arrived by a transfer confirmed two months ago.
    const arrived = (await makePerson(db, committee.ctx, tree.a.id, { name: '转入党员' })).id;
    await db.person.update({
      where: { id: arrived },
      data: { createdAt: new Date(Date.now() - 400 * 86_400_000) },
    });
    await db.transfer.create({
      data: {
        kind: 'INTERNAL',
        status: 'RECEIVED',
        personId: arrived,
        fromOrgId: tree.b.id,
        toOrgId: tree.a.id,
        reason: '调入',
        issuedAt: new Date(Date.now() - 70 * 86_400_000),
        receivedAt: new Date(Date.now() - 60 * 86_400_000),
      },
    });
    const list = await unitAttendance(clerkA.subject, tree.a.id, Number(today.slice(0, 4)), db);
    const rows = new Map(list.rows.map((r) => [r.personId, r]));
    expect(rows.get(quiet)).toMatchObject({ lapsed: true, present: 0 });
    expect(rows.get(registered)).toMatchObject({ lapsed: false, present: 0 });
    expect(rows.get(arrived)).toMatchObject({ lapsed: false, present: 0 });
    expect(rows.get(A.c1!)).toMatchObject({ lapsed: false });
    expect(await refusal(unitAttendance(clerkB.subject, tree.a.id, 2026, db))).toBe('errors.notFound');
  });

  it('attendance opens on the reader’s own first branch, never on the committee above the branches', async () => {
    expect(await firstBranchFor(clerkA.subject)).toBe(tree.a.id);
    expect(await firstBranchFor(clerkB.subject)).toBe(tree.b.id);
    const first = await db.organization.findUniqueOrThrow({
      where: { id: (await firstBranchFor(committee.subject))! },
    });
    expect(['BRANCH', 'GENERAL_BRANCH']).toContain(first.type);
  });
});
