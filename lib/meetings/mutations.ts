/**
 * 会议记录: a clerk opens a draft for a unit, kind and day, edits it (attendees from the roster, resolutions with
 * votes, minutes, files) and submits it. Every save re-checks validity (lib/meetings/rules.ts) and keeps the
 * result with the record; a submitted record is frozen and, when valid, completes the open reminder task of its
 * period. Absent members' 补学 are records of their own, so the meeting stays as it was submitted.
 */
import { FIRST_YEAR } from '../search-params';
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../action-context';
import { trace } from '../audit-log';
import { addMonths, cstDay, periodOf } from '../calendar';
import type { Db, Tx } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { checkUploads, storeChecked, traceFiles, type Upload } from '../files/uploads';
import { factsOf, recordPhotoChecks } from '../photos/record';
import { assertCan } from '../policy';
import { markTaskDone } from '../reminders/mutations/complete';
import { loadRoster } from './roster';
import {
  checkMeeting,
  DEFAULT_STUDY_HOURS,
  expectedPeople,
  hasVote,
  inputError,
  type MeetingKind,
} from './rules';
import {
  MEETING_FILE_MAX_BYTES,
  MEETING_MAX_FILES,
  type ZCreateMeeting,
  type ZRecordMakeup,
  type ZRemoveMeetingFile,
  type ZSaveMeeting,
} from './schema';

const PARTY_UNITS = new Set(['BRANCH', 'GENERAL_BRANCH', 'PARTY_GROUP']);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function unitFor(client: Db | Tx, ctx: ActionContext, orgId: string, field?: string) {
  const org = await client.organization.findUnique({
    where: { id: orgId },
    select: { id: true, path: true, type: true, status: true, name: true, setupApprovedOn: true },
  });
  if (!org) throw new UserError('meetings.errors.orgRequired', {}, field);
  assertCan(ctx.user, 'meeting.record', org);
  if (org.status === 'ARCHIVED') throw new UserError('meetings.errors.orgArchived');
  if (!PARTY_UNITS.has(org.type)) throw new UserError('meetings.errors.notPartyUnit', {}, field);
  return org;
}

export async function createMeeting(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZCreateMeeting>,
  now = new Date(),
) {
  const org = await unitFor(client, ctx, input.orgId, 'orgId');
  if (org.type === 'PARTY_GROUP' && input.kind !== 'GROUP')
    throw new UserError('meetings.errors.groupKind', {}, 'kind');
  checkHeldOn(input.heldOn, org.setupApprovedOn, cstDay(now));
  return client.$transaction(async (tx) => {
    const roster = await loadRoster(tx, org, input.heldOn);
    const expected = expectedPeople(input.kind, roster);
    const secretary = roster.find((p) => p.member && p.posts.includes('SECRETARY'));
    const m = await tx.meeting.create({
      data: {
        orgId: org.id,
        orgPath: org.path,
        kind: input.kind,
        heldOn: dateOf(input.heldOn),
        hostId: secretary?.id ?? null,
        studyHours: DEFAULT_STUDY_HOURS[input.kind],
        createdById: ctx.user.id,
        attendees: {
          create: expected.map((p) => ({
            personId: p.id,
            status: 'ABSENT' as const,
            voting: hasVote(p, input.heldOn),
          })),
        },
      },
    });
    await trace(tx, ctx.actor, 'meetings.create', 'Meeting', m.id, {
      orgPath: org.path,
      after: { kind: input.kind, heldOn: input.heldOn, expected: expected.length },
    });
    return { id: m.id };
  });
}

/**
 * A meeting is held by a unit that exists: not after today, not before the unit was approved (批复成立), and never
 * before the portal's first year (a record of 1900-01-01 had an empty roster and nobody to preside).
 */
function checkHeldOn(heldOn: string, approvedOn: Date | null, today: string) {
  if (heldOn > today) throw new UserError('meetings.errors.futureDate', {}, 'heldOn');
  const approved = approvedOn?.toISOString().slice(0, 10);
  if (approved && heldOn < approved)
    throw new UserError('meetings.errors.beforeUnit', { day: approved }, 'heldOn');
  if (heldOn < `${FIRST_YEAR}-01-01`)
    throw new UserError('meetings.errors.tooEarly', { year: FIRST_YEAR }, 'heldOn');
}

async function lockDraft(tx: Tx, ctx: ActionContext, id: string) {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Meeting" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError();
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id },
    include: {
      org: { select: { id: true, path: true, type: true, status: true, name: true, setupApprovedOn: true } },
    },
  });
  assertCan(ctx.user, 'meeting.record', m.org);
  if (m.status !== 'DRAFT') throw new UserError('meetings.errors.submitted');
  if (m.org.status === 'ARCHIVED') throw new UserError('meetings.errors.orgArchived');
  return m;
}

/**
 * A period is closed to ordinary entry once the unit's self-check of its quarter is submitted, or once the
 * quarter before the current one is over: a record for it then needs a back-fill reason (and is flagged).
 */
async function periodClosed(tx: Tx, orgId: string, heldOn: string, today: string) {
  const quarter = periodOf('QUARTER', heldOn);
  const previous = periodOf('QUARTER', addMonths(today, -3));
  if (quarter.end < previous.start) return true;
  const sheet = await tx.selfCheckSheet.findFirst({
    where: { orgId, periodKey: quarter.key, status: 'SUBMITTED', supersededAt: null },
    select: { id: true },
  });
  return sheet !== null;
}

/** Saves the record (and submits it when `submit`); returns its validity as computed now. */
export async function saveMeeting(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZSaveMeeting>,
  o: { submit: boolean; now?: Date } = { submit: false },
) {
  const now = o.now ?? new Date();
  const today = cstDay(now);
  if (input.heldOn > today) throw new UserError('meetings.errors.futureDate', {}, 'heldOn');
  return client.$transaction(async (tx) => {
    const m = await lockDraft(tx, ctx, input.id);
    checkHeldOn(input.heldOn, m.org.setupApprovedOn, today);
    if (m.lockVersion !== input.lockVersion) throw new UserError('meetings.errors.stale');
    const kind = m.kind as MeetingKind;
    if (input.isElection && kind !== 'GENERAL_ASSEMBLY')
      throw new UserError('meetings.errors.electionKind', {}, 'isElection');
    const closed = await periodClosed(tx, m.orgId, input.heldOn, today);
    if (closed && !input.backfillReason)
      throw new UserError('meetings.errors.closedPeriod', {}, 'backfillReason');
    const roster = await loadRoster(tx, m.org, input.heldOn);
    const known = new Set(roster.map((p) => p.id));
    // Someone the draft already listed who has since left the roster (transferred, left, another 党小组) drops out
    // quietly; a person the draft never had must be of the unit.
    const stored = new Set(
      (await tx.meetingAttendee.findMany({ where: { meetingId: m.id }, select: { personId: true } })).map(
        (a) => a.personId,
      ),
    );
    input = {
      ...input,
      attendees: input.attendees.filter((a) => known.has(a.personId) || !stored.has(a.personId)),
    };
    if (input.hostId && !known.has(input.hostId))
      throw new UserError('meetings.errors.foreignHost', {}, 'hostId');
    if (input.lecturerId && !known.has(input.lecturerId))
      throw new UserError('meetings.errors.foreignHost', {}, 'lecturerId');
    const bad = inputError(kind, input.attendees, roster, input.resolutions, input.heldOn);
    if (bad) throw new UserError(bad.key, bad.params ?? {}, 'attendees');
    // The expected members the clerk did not mark are absent: the record always names everyone who should
    // have been there.
    const named = new Set(input.attendees.map((a) => a.personId));
    const attendees = [
      ...input.attendees,
      ...expectedPeople(kind, roster)
        .filter((p) => !named.has(p.id))
        .map((p) => ({ personId: p.id, status: 'ABSENT' as const, reason: undefined, rating: undefined })),
    ];
    const check = checkMeeting({
      kind,
      isElection: input.isElection,
      heldOn: input.heldOn,
      attendees,
      roster,
      votes: input.resolutions,
    });
    if (o.submit) submitErrors(kind, input, attendees.length);
    const byId = new Map(roster.map((p) => [p.id, p]));
    await tx.meetingAttendee.deleteMany({ where: { meetingId: m.id } });
    await tx.meetingResolution.deleteMany({ where: { meetingId: m.id } });
    const after = await tx.meeting.update({
      where: { id: m.id },
      data: {
        heldOn: dateOf(input.heldOn),
        startTime: input.startTime ?? null,
        place: input.place,
        hostId: input.hostId ?? null,
        lecturerId: input.lecturerId ?? null,
        lecturerName: input.lecturerName ?? null,
        topic: input.topic,
        agenda: input.agenda,
        minutes: input.minutes,
        isElection: input.isElection,
        studyHours: input.studyHours,
        backfillReason: closed ? (input.backfillReason ?? null) : null,
        valid: check.valid,
        problems: check.problems,
        lockVersion: { increment: 1 },
        ...(o.submit ? { status: 'SUBMITTED', submittedAt: now, submittedById: ctx.user.id } : {}),
        attendees: {
          create: attendees.map((a) => ({
            personId: a.personId,
            status: a.status,
            reason: a.reason ?? null,
            rating: a.rating ?? null,
            voting: hasVote(byId.get(a.personId)!, input.heldOn),
          })),
        },
        resolutions: {
          create: input.resolutions.map((r, i) => ({ ...r, seq: i + 1, passed: check.passed[i]! })),
        },
      },
    });
    // The photos already attached now claim the record's (possibly changed) day.
    if (input.heldOn !== dayOf(m.heldOn))
      await tx.photoCheck.updateMany({
        where: { recordId: m.id },
        data: { activityDate: dateOf(input.heldOn) },
      });
    const completed =
      o.submit && check.valid ? await completeTasks(tx, ctx, m, kind, input, roster, now) : [];
    await trace(tx, ctx.actor, o.submit ? 'meetings.submit' : 'meetings.save', 'Meeting', m.id, {
      orgPath: m.org.path,
      before: { lockVersion: m.lockVersion, heldOn: dayOf(m.heldOn), valid: m.valid },
      after: {
        heldOn: input.heldOn,
        present: attendees.filter((a) => a.status === 'PRESENT').length,
        attendees: attendees.length,
        resolutions: input.resolutions.length,
        valid: check.valid,
        problems: check.problems.map((p) => p.code),
        backfill: closed,
        tasks: completed,
      },
    });
    return {
      id: m.id,
      lockVersion: after.lockVersion,
      valid: check.valid,
      problems: check.problems,
      makeup: check.makeup.length,
      tasks: completed.length,
    };
  });
}

/** What a submitted record must have beyond a draft. */
function submitErrors(kind: MeetingKind, input: z.output<typeof ZSaveMeeting>, attendees: number) {
  if (!input.topic) throw new UserError('meetings.errors.topicRequired', {}, 'topic');
  if (!input.place) throw new UserError('meetings.errors.placeRequired', {}, 'place');
  if (!input.hostId) throw new UserError('meetings.errors.hostRequired', {}, 'hostId');
  if (kind === 'PARTY_LECTURE' && !input.lecturerId && !input.lecturerName)
    throw new UserError('meetings.errors.lecturerRequired', {}, 'lecturerId');
  if (kind === 'HEART_TALK' && attendees !== 1)
    throw new UserError('meetings.errors.talkPair', {}, 'attendees');
  if (kind === 'HEART_TALK' && input.attendees[0]?.personId === input.hostId)
    throw new UserError('meetings.errors.talkSelf', {}, 'attendees');
  if (!input.attendees.some((a) => a.status === 'PRESENT'))
    throw new UserError('meetings.errors.nobodyPresent', {}, 'attendees');
}

/**
 * The open tasks of the unit a valid record of this kind completes: actions marked with the meeting kind whose
 * period holds the meeting's day (a 党课 action `bySecretary` only when the lecturer is the unit's secretary).
 */
async function completeTasks(
  tx: Tx,
  ctx: ActionContext,
  m: { id: string; orgId: string; org: { path: string } },
  kind: MeetingKind,
  input: z.output<typeof ZSaveMeeting>,
  roster: Awaited<ReturnType<typeof loadRoster>>,
  now: Date,
) {
  const secretaryLectured = roster.some(
    (p) => p.id === input.lecturerId && p.member && p.posts.includes('SECRETARY'),
  );
  const day = dateOf(input.heldOn);
  const tasks = await tx.reminderTask.findMany({
    where: {
      orgId: m.orgId,
      status: 'OPEN',
      periodStart: { lte: day },
      periodEnd: { gte: day },
      action: { meetingKind: kind, ...(secretaryLectured ? {} : { bySecretary: false }) },
    },
    select: { id: true },
  });
  const completed: string[] = [];
  for (const t of tasks) {
    // A clerk may have completed one by hand a moment ago: that one stays as it is.
    const done = await markTaskDone(
      tx,
      ctx,
      { id: t.id, orgId: m.orgId, orgPath: m.org.path },
      { activityDate: input.heldOn, note: input.topic.slice(0, 500), now, meetingId: m.id, skipIfDone: true },
    );
    if (done) completed.push(t.id);
  }
  return completed;
}

export async function addMeetingFiles(client: Db, ctx: ActionContext, meetingId: string, files: Upload[]) {
  const checked = checkUploads(files, {
    area: 'meetings',
    maxFiles: MEETING_MAX_FILES,
    maxBytes: MEETING_FILE_MAX_BYTES,
  });
  const facts = await factsOf(checked);
  return client.$transaction(async (tx) => {
    const m = await lockDraft(tx, ctx, meetingId);
    const count = await tx.meetingFile.count({ where: { meetingId } });
    if (count + checked.length > MEETING_MAX_FILES)
      throw new UserError('meetings.errors.tooManyFiles', { max: MEETING_MAX_FILES }, 'files');
    const stored = await storeChecked(checked);
    const rows = await tx.meetingFile.createManyAndReturn({
      data: stored.map((f) => ({ ...f, meetingId, uploadedById: ctx.user.id })),
    });
    await recordPhotoChecks(tx, {
      source: 'MEETING',
      orgId: m.orgId,
      recordId: m.id,
      activityDate: dayOf(m.heldOn),
      files: rows,
      facts,
    });
    await trace(tx, ctx.actor, 'meetings.addFiles', 'Meeting', meetingId, {
      orgPath: m.org.path,
      after: { files: traceFiles(stored) },
    });
    return { count: count + stored.length };
  });
}

export const removeMeetingFile = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZRemoveMeetingFile>) => {
    const m = await lockDraft(tx, ctx, input.meetingId);
    const f = await tx.meetingFile.findFirst({ where: { id: input.fileId, meetingId: m.id } });
    if (!f) throw new NotFoundError();
    await tx.photoCheck.deleteMany({ where: { fileId: f.id } });
    await tx.meetingFile.delete({ where: { id: f.id } });
    await trace(tx, ctx.actor, 'meetings.removeFile', 'Meeting', m.id, {
      orgPath: m.org.path,
      before: { files: traceFiles([f]) },
    });
    return { id: f.id };
  },
);

/** 补学: a member who missed a submitted meeting catches up; once per member and meeting. */
export async function recordMakeup(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZRecordMakeup>,
  now = new Date(),
) {
  return client.$transaction(async (tx) => {
    const m = await tx.meeting.findUnique({
      where: { id: input.meetingId },
      include: {
        org: { select: { id: true, path: true, status: true } },
        attendees: { where: { personId: input.personId } },
      },
    });
    if (!m) throw new NotFoundError();
    assertCan(ctx.user, 'meeting.record', m.org);
    if (m.org.status === 'ARCHIVED') throw new UserError('meetings.errors.orgArchived');
    if (m.status !== 'SUBMITTED') throw new UserError('meetings.errors.makeupDraft');
    const a = m.attendees[0];
    if (!a || a.status === 'PRESENT') throw new UserError('meetings.errors.makeupNotAbsent', {}, 'personId');
    if (input.studiedOn < dayOf(m.heldOn) || input.studiedOn > cstDay(now))
      throw new UserError('meetings.errors.makeupDate', {}, 'studiedOn');
    const done = await tx.makeupStudy.findUnique({
      where: { meetingId_personId: { meetingId: m.id, personId: input.personId } },
    });
    if (done) throw new UserError('meetings.errors.makeupTwice', {}, 'personId');
    const row = await tx.makeupStudy.create({
      data: {
        meetingId: m.id,
        personId: input.personId,
        studiedOn: dateOf(input.studiedOn),
        method: input.method,
        hours: input.hours,
        recordedById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'meetings.makeup', 'Meeting', m.id, {
      orgPath: m.org.path,
      after: { personId: input.personId, studiedOn: input.studiedOn, hours: input.hours },
    });
    return { id: row.id };
  });
}
