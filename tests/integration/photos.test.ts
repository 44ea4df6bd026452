import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDay } from '../../lib/calendar';
import { addMeetingFiles, createMeeting, removeMeetingFile, saveMeeting } from '../../lib/meetings/mutations';
import { meetingFileFor, meetingFor } from '../../lib/meetings/queries';
import { ZSaveMeeting } from '../../lib/meetings/schema';
import { scenePhoto } from '../../lib/photos/demo-photo';
import { withBrokenExif } from '../../lib/photos/exif-writer';
import { setPhotoRule } from '../../lib/photos/mutations';
import { photoChecksOf, supervisionPhotosFor } from '../../lib/photos/queries';
import type { Subject } from '../../lib/policy';
import { DEFAULT_PHOTO_RULE, PHOTO_RULE_KEY } from '../../lib/photos/rules';
import { makePlan } from '../fixtures/audits';
import { testDb } from '../fixtures/db';
import { companyRootFor, makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makeAction, makePublishedHandbook } from '../fixtures/handbook';
import { completeTask } from '../../lib/reminders/mutations/complete';
import { returnTask } from '../../lib/reminders/mutations/review';
import { evidenceFileFor } from '../../lib/reminders/queries';

const db = testDb();
const today = cstDay(new Date());
const d1 = addDays(today, -2);
const d2 = addDays(today, -45);
/** The camera's way of writing a day and time (China time). */
const stamp = (day: string, time = '10:00:00') => `${day.replaceAll('-', ':')} ${time}`;
const SITE = { latitude: 30.5728, longitude: 104.0668 };
let tree: Tree;
let committee: TestUser;
let clerkA: TestUser;
let clerkB: TestUser;

beforeAll(async () => {
  tree = await makeTree(db);
  await db.organization.update({
    where: { id: tree.a.id },
    data: { siteLatitude: SITE.latitude, siteLongitude: SITE.longitude },
  });
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  clerkA = await makeUser(db, 'CLERK', tree.a);
  clerkB = await makeUser(db, 'CLERK', tree.b);
  await db.setting.deleteMany({ where: { key: PHOTO_RULE_KEY } });
});

async function meetingWith(
  clerk: TestUser,
  orgId: string,
  day: string,
  files: { name: string; bytes: Buffer }[],
) {
  const { id } = await createMeeting(db, clerk.ctx, { orgId, kind: 'COMMITTEE', heldOn: day });
  await addMeetingFiles(db, clerk.ctx, id, files);
  return id;
}

const checksOf = async (orgId: string) =>
  (await photoChecksOf(db, { orgIds: [orgId], from: addDays(today, -90), to: today }, null)).items;
const flagsOf = async (orgId: string, fileName: string) =>
  ((await checksOf(orgId)).find((p) => p.fileName === fileName)?.flags ?? []).map((f) => f.code).sort();

/** A month's 主题党日 task of branch A (its own action code and period key), begun 20 days ago, due on `due`. */
async function themeDayTask(hb: Parameters<typeof makeAction>[1], code: string, key: string, due: string) {
  const action = await makeAction(db, hb, {
    code,
    title: '开展主题党日活动',
    frequency: 'MONTH',
    dueRule: { kind: 'DAYS_BEFORE_PERIOD_END', n: 0 },
  });
  return db.reminderTask.create({
    data: {
      actionKey: action.key,
      actionId: action.id,
      orgId: tree.a.id,
      periodKey: `${d1.slice(0, 7)}-${key}`,
      periodStart: new Date(`${addDays(today, -20)}T00:00:00Z`),
      periodEnd: new Date(`${due}T00:00:00Z`),
      dueDate: new Date(`${due}T00:00:00Z`),
    },
  });
}

describe('photo checks', () => {
  it('time and distance: a photo taken ten days off and 50 km away is flagged, one taken that day on site is not', async () => {
    const good = await scenePhoto(101, { takenAt: stamp(d1), ...SITE });
    const off = await scenePhoto(102, {
      takenAt: stamp(addDays(d1, -10)),
      latitude: SITE.latitude + 0.45,
      longitude: SITE.longitude,
    });
    await meetingWith(clerkA, tree.a.id, d1, [
      { name: '签到表-当天.jpg', bytes: good },
      { name: '签到表-旧照.jpg', bytes: off },
    ]);
    expect(await flagsOf(tree.a.id, '签到表-当天.jpg')).toEqual([]);
    expect(await flagsOf(tree.a.id, '签到表-旧照.jpg')).toEqual(['distance', 'time']);
    const row = (await checksOf(tree.a.id)).find((p) => p.fileName === '签到表-旧照.jpg')!;
    expect(row.flags).toContainEqual({ code: 'time', days: -10 });
    expect(row.flags.find((f) => f.code === 'distance')).toMatchObject({ km: expect.closeTo(50, 0) });
    expect(row.record).toMatchObject({ type: 'meeting', meetingKind: 'COMMITTEE' });
    // Unit B has no site: its GPS is not judged.
    await meetingWith(clerkB, tree.b.id, d1, [
      {
        name: 'B-远处.jpg',
        bytes: await scenePhoto(103, { takenAt: stamp(d1), latitude: 39.9, longitude: 116.4 }),
      },
    ]);
    expect(await flagsOf(tree.b.id, 'B-远处.jpg')).toEqual([]);
  });

  it('reuse: the same photo (or a re-encoded copy) in another unit flags both uses; same unit same month does not', async () => {
    const photo = await scenePhoto(201, { takenAt: stamp(d1) });
    const copy = await scenePhoto(201, { takenAt: stamp(d1) }, { width: 200, quality: 60 });
    await meetingWith(clerkA, tree.a.id, d1, [{ name: '主题党日合影.jpg', bytes: photo }]);
    await meetingWith(clerkA, tree.a.id, d1, [{ name: '主题党日合影-同月.jpg', bytes: photo }]);
    expect(await flagsOf(tree.a.id, '主题党日合影.jpg')).toEqual([]);
    await meetingWith(clerkB, tree.b.id, d1, [{ name: '借用的合影.jpg', bytes: copy }]);
    const a = (await checksOf(tree.a.id)).find((p) => p.fileName === '主题党日合影.jpg')!;
    const b = (await checksOf(tree.b.id)).find((p) => p.fileName === '借用的合影.jpg')!;
    const reuseA = a.flags.find((f) => f.code === 'reuse');
    const reuseB = b.flags.find((f) => f.code === 'reuse');
    expect(reuseA && reuseA.code === 'reuse' && reuseA.uses.map((u) => [u.orgName, u.same])).toEqual([
      [tree.b.name, false],
    ]);
    // B's copy matches both of A's uses.
    expect(reuseB && reuseB.code === 'reuse' && reuseB.uses.map((u) => u.orgName)).toEqual([
      tree.a.name,
      tree.a.name,
    ]);
    // The same unit in another month: flagged too.
    await meetingWith(clerkA, tree.a.id, d2, [{ name: '旧合影.jpg', bytes: await scenePhoto(202) }]);
    await meetingWith(clerkA, tree.a.id, d1, [{ name: '旧合影再用.jpg', bytes: await scenePhoto(202) }]);
    expect(await flagsOf(tree.a.id, '旧合影.jpg')).toEqual(['reuse']);
    expect(await flagsOf(tree.a.id, '旧合影再用.jpg')).toEqual(['reuse']);
    // Who may not read the other unit sees the reuse without its name.
    const asClerkB = await photoChecksOf(db, { orgIds: [tree.b.id], from: d1, to: d1 }, clerkB.subject);
    const seen = asClerkB.items
      .find((p) => p.fileName === '借用的合影.jpg')!
      .flags.find((f) => f.code === 'reuse');
    expect(seen && seen.code === 'reuse' && seen.uses.map((u) => u.orgName)).toEqual([null, null]);
  });

  it('a broken EXIF block is kept and flagged unreadable, never an error', async () => {
    const id = await meetingWith(clerkA, tree.a.id, d1, [
      { name: '损坏.jpg', bytes: withBrokenExif(await scenePhoto(301)) },
    ]);
    expect(await db.meetingFile.count({ where: { meetingId: id } })).toBe(1);
    expect(await flagsOf(tree.a.id, '损坏.jpg')).toEqual(['unreadable']);
  });

  it('a changed meeting day re-dates its photos; a removed file leaves no check behind', async () => {
    const id = await meetingWith(clerkA, tree.a.id, d1, [
      { name: '改日期.jpg', bytes: await scenePhoto(401, { takenAt: stamp(d1) }) },
    ]);
    const m = await db.meeting.findUniqueOrThrow({ where: { id } });
    const moved = addDays(d1, -9);
    await saveMeeting(
      db,
      clerkA.ctx,
      ZSaveMeeting.parse({
        id,
        lockVersion: m.lockVersion,
        heldOn: moved,
        place: '项目部会议室',
        topic: '研究本月工作',
        agenda: '',
        minutes: '',
        isElection: false,
        studyHours: 0,
        attendees: [],
        resolutions: [],
        backfillReason: '按签到表补录',
      }),
    );
    const check = await db.photoCheck.findFirstOrThrow({ where: { recordId: id } });
    expect(check.activityDate.toISOString().slice(0, 10)).toBe(moved);
    expect(await flagsOf(tree.a.id, '改日期.jpg')).toEqual(['time']);
    const f = await db.meetingFile.findFirstOrThrow({ where: { meetingId: id } });
    await removeMeetingFile(db, clerkA.ctx, { meetingId: id, fileId: f.id });
    expect(await db.photoCheck.count({ where: { recordId: id } })).toBe(0);
  });

  it('task evidence: a returned task re-completed for another day judges its kept photo against the new day', async () => {
    const hb = await makePublishedHandbook(db, uniq('版'));
    const task = await themeDayTask(hb, 'P-01-1', 'test', today);
    const first = addDays(today, -10);
    const photo = { name: '主题党日.jpg', bytes: await scenePhoto(601, { takenAt: stamp(first), ...SITE }) };
    await completeTask(db, clerkA.ctx, { taskId: task.id, activityDate: first }, [photo]);
    expect(await flagsOf(tree.a.id, '主题党日.jpg')).toEqual([]);
    await returnTask(db, committee.ctx, { taskId: task.id, reason: '照片与活动不符，请补充说明' });
    await completeTask(db, clerkA.ctx, { taskId: task.id, activityDate: today }, []);
    const check = await db.photoCheck.findFirstOrThrow({ where: { recordId: task.id } });
    expect(check).toMatchObject({ source: 'TASK', activityDate: new Date(`${today}T00:00:00Z`) });
    // Ten days between the photo and the day now claimed.
    expect(await flagsOf(tree.a.id, '主题党日.jpg')).toEqual(['time']);
  });

  it('the rule is the committee’s to set (traced), and a new rule re-judges every photo', async () => {
    await expect(setPhotoRule(db, clerkA.ctx, { days: 20, km: 100, bits: 6 })).rejects.toThrow(
      'errors.forbidden',
    );
    expect(await db.setting.findUnique({ where: { key: PHOTO_RULE_KEY } })).toBeNull();
    // The rule is company-wide: the committee over the company root sets it.
    const company = await makeUser(db, 'COMMITTEE', await companyRootFor(db));
    await setPhotoRule(db, company.ctx, { days: 20, km: 100, bits: 6 });
    expect(await flagsOf(tree.a.id, '签到表-旧照.jpg')).toEqual([]);
    const trace = await db.auditEvent.findFirstOrThrow({
      where: { action: 'photos.setRule' },
      orderBy: { id: 'desc' },
    });
    expect(trace).toMatchObject({
      actorId: company.id,
      before: DEFAULT_PHOTO_RULE,
      after: { days: 20, km: 100, bits: 6 },
    });
    await db.setting.deleteMany({ where: { key: PHOTO_RULE_KEY } });
    expect(await flagsOf(tree.a.id, '签到表-旧照.jpg')).toEqual(['distance', 'time']);
  });

  it('an audit team opens the records of the unit it audits while the plan is open, and no other', async () => {
    const auditor = await makeUser(db, 'AUDITOR', tree.root);
    const stranger = await makeUser(db, 'AUDITOR', tree.root);
    const id = await meetingWith(clerkA, tree.a.id, d1, [
      { name: '审计看.jpg', bytes: await scenePhoto(501) },
    ]);
    const file = await db.meetingFile.findFirstOrThrow({ where: { meetingId: id } });
    await expect(meetingFor(auditor.subject, id, db)).rejects.toThrow();
    const hb = await makePublishedHandbook(db, uniq('版'));
    const standard = await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
    const plan = await makePlan(db, {
      periodKey: '2026-Q4',
      orgPath: tree.root.path,
      createdById: committee.id,
      team: [auditor.id],
      units: [tree.a.id],
      standardId: standard.id,
    });
    // A draft stays the unit's own; once submitted, the team opens it and its files.
    await expect(meetingFor(auditor.subject, id, db)).rejects.toThrow();
    await db.meeting.update({ where: { id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    expect((await meetingFor(auditor.subject, id, db)).id).toBe(id);
    expect((await meetingFileFor(auditor.subject, file.id, db)).id).toBe(file.id);
    expect((await meetingFor(auditor.subject, id, db)).editable).toBe(false);
    // A task's evidence likewise: a done task's files open to the team; returned for rework, they are the
    // unit's draft again (the committee, which supervises, still opens them).
    const task = await themeDayTask(hb, 'P-09-1', 'team', addDays(today, 10));
    const photo = { name: '党日签到.jpg', bytes: await scenePhoto(701) };
    await completeTask(db, clerkA.ctx, { taskId: task.id, activityDate: d1 }, [photo]);
    const evidence = await db.evidence.findFirstOrThrow({ where: { taskId: task.id } });
    expect((await evidenceFileFor(auditor.subject, evidence.id, db)).id).toBe(evidence.id);
    // The photo lists link the file only to whom the route opens it.
    const opens = async (who: TestUser) =>
      (
        await photoChecksOf(db, { orgIds: [tree.a.id], from: addDays(today, -30), to: today }, who.subject)
      ).items.find((p) => p.recordId === task.id)?.opens;
    expect(await opens(auditor)).toBe(true);
    await returnTask(db, committee.ctx, { taskId: task.id, reason: '照片看不清签到人数，请补充' });
    await expect(evidenceFileFor(auditor.subject, evidence.id, db)).rejects.toThrow('errors.forbidden');
    expect([await opens(auditor), await opens(committee), await opens(clerkA)]).toEqual([false, true, true]);
    expect((await evidenceFileFor(committee.subject, evidence.id, db)).id).toBe(evidence.id);
    expect((await evidenceFileFor(clerkA.subject, evidence.id, db)).id).toBe(evidence.id);
    // The audited unit's party group is reached too (its records are drawn with the unit's).
    const groupMeeting = await db.meeting.create({
      data: {
        orgId: tree.a1.id,
        orgPath: tree.a1.path,
        kind: 'GROUP',
        status: 'SUBMITTED',
        heldOn: new Date(`${d1}T00:00:00Z`),
        createdById: clerkA.id,
        submittedAt: new Date(),
      },
    });
    expect((await meetingFor(auditor.subject, groupMeeting.id, db)).id).toBe(groupMeeting.id);
    await expect(meetingFor(stranger.subject, id, db)).rejects.toThrow();
    const bMeeting = await meetingWith(clerkB, tree.b.id, d1, []);
    await db.meeting.update({
      where: { id: bMeeting },
      data: { status: 'SUBMITTED', submittedAt: new Date() },
    });
    await expect(meetingFor(auditor.subject, bMeeting, db)).rejects.toThrow();
    await db.auditPlan.update({ where: { id: plan.id }, data: { closedAt: new Date() } });
    await expect(meetingFileFor(auditor.subject, file.id, db)).rejects.toThrow();
    await expect(meetingFor(auditor.subject, groupMeeting.id, db)).rejects.toThrow();
  });

  it("督办 reads the flagged photos of the units in the supervisor's scope (by path): the company committee both branches, a committee of A only A, the filter one unit, a clerk none", async () => {
    const units = async (s: Subject, orgId?: string) =>
      new Set(
        (await supervisionPhotosFor(s, { from: addDays(today, -90), to: today, orgId }, db)).items.map(
          (p) => p.orgId,
        ),
      );
    // Both branches have flagged photos from the tests above (A: taken ten days off; B: a borrowed photo).
    expect(await units(committee.subject)).toEqual(new Set([tree.a.id, tree.b.id]));
    expect(await units(committee.subject, tree.b.id)).toEqual(new Set([tree.b.id]));
    const committeeOfA = await makeUser(db, 'COMMITTEE', tree.a);
    expect(await units(committeeOfA.subject)).toEqual(new Set([tree.a.id]));
    expect(await units(committeeOfA.subject, tree.b.id)).toEqual(new Set());
    expect(await units(clerkA.subject)).toEqual(new Set());
  });

  it('a list of flagged photos, prefiltered by the database, is exactly the flagged ones of all photos, at the edges too', async () => {
    // Default rule: more than 3 days, more than 5 km. China time decides the photo's day.
    const edge = (seed: number, takenAt: string, latitude = SITE.latitude) =>
      scenePhoto(seed, { takenAt, latitude, longitude: SITE.longitude });
    const photos = {
      '三天-深夜.jpg': await edge(301, stamp(addDays(d2, -3), '23:50:00')),
      '四天-凌晨.jpg': await edge(302, stamp(addDays(d2, -4), '00:10:00')),
      '三天后-凌晨.jpg': await edge(303, stamp(addDays(d2, 3), '00:10:00')),
      '4.97公里.jpg': await edge(304, stamp(d2), SITE.latitude + 0.0447),
      '5.2公里.jpg': await edge(305, stamp(d2), SITE.latitude + 0.0468),
    };
    await meetingWith(
      clerkA,
      tree.a.id,
      d2,
      Object.entries(photos).map(([name, bytes]) => ({ name, bytes })),
    );
    // (A synthetic scene may come near another test's in its hash: reuse is not what these photos are about.)
    const edges = async (name: string) => (await flagsOf(tree.a.id, name)).filter((c) => c !== 'reuse');
    expect(await edges('三天-深夜.jpg')).toEqual([]);
    expect(await edges('四天-凌晨.jpg')).toEqual(['time']);
    expect(await edges('三天后-凌晨.jpg')).toEqual([]);
    expect(await edges('4.97公里.jpg')).toEqual([]);
    expect(await edges('5.2公里.jpg')).toEqual(['distance']);
    for (const orgIds of [[tree.a.id], [tree.b.id], [tree.a.id, tree.b.id]]) {
      const window = { orgIds, from: addDays(today, -90), to: today };
      const all = await photoChecksOf(db, window, committee.subject);
      const flagged = await photoChecksOf(db, { ...window, flaggedOnly: true }, committee.subject);
      expect(flagged.flagged).toBeGreaterThan(0);
      expect(flagged.checked).toBe(all.checked);
      expect(flagged.flagged).toBe(all.flagged);
      expect(flagged.items).toEqual(all.items.filter((i) => i.flags.length));
    }
  });
});
