/**
 * 明标 demo, part two: three past 解标 training classes with their attendance (scanned and recorded by
 * the organizer, some absent), one coming class the demo member is invited to, and the written exam of
 * the first branch's latest scored audit with its attempts (it feeds that year's annual exam component).
 * Each part runs once (its marker).
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { computeAnnual } from '../lib/annual/mutations';
import { DEFAULT_WEIGHTS } from '../lib/annual/rules';
import type { Db } from '../lib/db/client';
import { companyActor } from './seed-context';
import { saveAnswer, startAttempt, submitAttempt } from '../lib/exams/mutations/attempts';
import { createAuditExam } from '../lib/exams/mutations/create';
import type { Subject } from '../lib/policy';
import { createTraining, invitees, recordAttendance, signIn } from '../lib/training/mutations';
import { signInCode } from '../lib/training/rotating';
import { FIRST_BRANCH_NAME, SECOND_BRANCH_NAME } from './seed-data';
import { prng } from './seed-random';

const MIN = 60_000;
const DAY = 86_400_000;

/** A person as policy sees them: their role grants, or a member of their unit. */
async function subjectOf(db: Db, userId: string): Promise<Subject> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      org: { select: { id: true, path: true } },
      roles: { select: { role: true, orgId: true, org: { select: { path: true } } } },
    },
  });
  const grants = u.roles.map((r) => ({ role: r.role as string, orgId: r.orgId, orgPath: r.org.path }));
  return {
    id: u.id,
    grants: grants.length ? grants : u.org ? [{ role: 'MEMBER', orgId: u.org.id, orgPath: u.org.path }] : [],
  };
}

async function handout(title: string, lines: string[]) {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...lines.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** 14:30 China time, `days` from now. */
function afternoon(now: Date, days: number) {
  const d = new Date(now.getTime() + days * DAY + 8 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 6, 30));
}

export async function seedTraining(db: Db, now = new Date()) {
  const MARKER = 'demo.training';
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const ctx = (await companyActor(db, 'committee', 'COMMITTEE'))?.ctx;
  if (!ctx) return;
  const arts = await db.article.findMany({
    where: { version: { status: 'PUBLISHED' } },
    select: { id: true, number: true },
  });
  const ids = (...numbers: number[]) => arts.filter((a) => numbers.includes(a.number)).map((a) => a.id);
  const orgs = async (...names: string[]) =>
    (await db.organization.findMany({ where: { name: { in: names } }, select: { id: true } })).map(
      (o) => o.id,
    );
  const officers = await db.user.findMany({
    where: { active: true, roles: { some: { role: { in: ['SECRETARY', 'CLERK'] } } } },
    select: { id: true },
  });
  if (arts.length < 8) return;
  const classes = [
    {
      title: `${afternoon(now, -200).getUTCFullYear()}年第一期解标培训班（支部书记、党务工作者）`,
      days: -200,
      hours: 3,
      place: '公司总部三楼党员活动室',
      onlineUrl: null,
      lecturer: '孙丽华（党群工作部）',
      articleIds: ids(1, 2, 3, 4, 5, 6),
      invitedOrgIds: [],
      invitedUserIds: officers.map((o) => o.id),
      show: 0.92,
      materials: [
        {
          name: '解标培训讲义（第一期）.docx',
          bytes: await handout('基层党建标准化手册解标讲义', [
            '一、手册的结构：基层党建工作制度、党建主题活动要求及范例、党建资料台账要求及范例三部分，另附考核标准；每条写明做什么、谁来做、怎么做、何时做、做到什么程度。',
            '二、支部建在项目上：项目进场即成立党支部，党员组织关系随人走。',
            '三、“三会一课”：会前议题公示、会中规范记录、会后及时归档。',
            '四、对标自查：每季度末按考核标准逐项自查，如实填写扣分和理由。',
          ]),
        },
      ],
    },
    {
      title: '“三会一课”与党建台账专题解标（线上）',
      days: -45,
      hours: 2,
      place: null,
      // The company's own video meeting (an intranet address; the meeting number is the session's).
      onlineUrl: 'https://meeting.huayue-jg.cn/j/6183027',
      lecturer: '孙丽华（党群工作部）',
      articleIds: ids(3, 4, 5),
      invitedOrgIds: await orgs(FIRST_BRANCH_NAME, SECOND_BRANCH_NAME, '临港物流园一期项目党支部'),
      invitedUserIds: [],
      show: 0.7,
      materials: [],
    },
    {
      title: '项目党支部标准化建设现场解标（南山大桥）',
      days: -100,
      hours: 3,
      place: '南山大桥项目部党员活动室',
      onlineUrl: null,
      lecturer: '南山大桥项目党支部书记',
      articleIds: ids(1, 2),
      invitedOrgIds: await orgs(
        '南山大桥项目党支部',
        '城西安置房项目党支部',
        '高铁站前广场项目党支部',
        '西江航道整治项目党支部',
      ),
      invitedUserIds: [],
      show: 0.78,
      materials: [],
    },
    {
      title: `${afternoon(now, 3).getUTCFullYear()}年第四期解标培训班（党费收缴与组织关系转接）`,
      days: 3,
      hours: 2.5,
      place: '滨江新城项目部二楼会议室',
      onlineUrl: null,
      lecturer: '孙丽华（党群工作部）',
      articleIds: ids(12, 16),
      invitedOrgIds: await orgs(FIRST_BRANCH_NAME, '城西安置房项目党支部'),
      invitedUserIds: [],
      show: 0,
      materials: [],
    },
  ];
  const rand = prng(20260310);
  for (const c of classes) {
    const startsAt = afternoon(now, c.days);
    const endsAt = new Date(startsAt.getTime() + c.hours * 60 * MIN);
    const { id } = await createTraining(
      db,
      ctx,
      {
        title: c.title,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        place: c.place,
        onlineUrl: c.onlineUrl,
        lecturer: c.lecturer,
        articleIds: c.articleIds,
        invitedOrgIds: c.invitedOrgIds,
        invitedUserIds: c.invitedUserIds,
      },
      c.materials,
    );
    if (!c.show) continue;
    const s = await db.trainingSession.findUniqueOrThrow({ where: { id } });
    const paper: string[] = [];
    for (const p of await invitees(db, s)) {
      if (rand() >= c.show) continue;
      // Most scan the code on arrival; a few without a phone at hand are ticked off the paper list afterwards.
      if (rand() < 0.8) {
        const at = new Date(startsAt.getTime() - Math.floor(rand() * 25) * MIN);
        await signIn(
          db,
          { user: await subjectOf(db, p.id), actor: { id: p.id, name: p.name } },
          { sessionId: id, token: signInCode(s.signInToken, id, at) },
          at,
        );
      } else paper.push(p.id);
    }
    if (paper.length)
      await recordAttendance(
        db,
        ctx,
        { sessionId: id, userIds: paper },
        new Date(endsAt.getTime() + 10 * MIN),
      );
  }
  await db.setting.create({ data: { key: MARKER, value: { classes: classes.length } } });
}

export async function seedAuditExam(db: Db) {
  const MARKER = 'demo.auditExam';
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const ctx = (await companyActor(db, 'committee', 'COMMITTEE'))?.ctx;
  const audit = await db.audit.findFirst({
    where: {
      org: { name: FIRST_BRANCH_NAME },
      status: { in: ['SCORED', 'FEEDBACK_ISSUED'] },
      scoredAt: { not: null },
    },
    orderBy: { scoredAt: 'desc' },
    include: { plan: { select: { periodKey: true } } },
  });
  if (!ctx || !audit?.scoredAt) return;
  const opens = new Date(audit.scoredAt.getTime() - 2 * DAY);
  const { id: examId } = await createAuditExam(db, ctx, {
    auditId: audit.id,
    parts: [
      { type: 'SINGLE', count: 8 },
      { type: 'JUDGE', count: 6 },
      { type: 'BLANK', count: 2 },
    ],
    opensAt: opens.toISOString(),
    closesAt: new Date(opens.getTime() + 3 * DAY).toISOString(),
    durationMin: 20,
    passMark: 60,
  });
  const people = await db.user.findMany({
    where: { orgId: audit.orgId, active: true, username: { not: 'member' } },
    select: { id: true },
    orderBy: { username: 'asc' },
    take: 10,
  });
  const rand = prng(20251220);
  for (const [i, p] of people.entries()) {
    const who = { user: await subjectOf(db, p.id), actor: { id: p.id, name: null } };
    const at = new Date(opens.getTime() + (i + 2) * 3_600_000);
    const { id } = await startAttempt(db, who, examId, at);
    const att = await db.examAttempt.findUniqueOrThrow({ where: { id } });
    const qs = await db.question.findMany({ where: { id: { in: att.questionIds } } });
    const skill = [0.9, 0.8, 0.7, 0.55, 0.95][i % 5]!;
    for (const q of qs) {
      const ans = q.answer as (string | boolean)[];
      const right = rand() < skill;
      const given =
        q.type === 'JUDGE'
          ? right
            ? ans[0]
            : !ans[0]
          : right
            ? ans[0]
            : q.type === 'BLANK'
              ? '不清楚'
              : 'D';
      await saveAnswer(
        db,
        who.user,
        { attemptId: id, questionId: q.id, answer: given as never },
        new Date(at.getTime() + 5 * MIN),
      );
    }
    await submitAttempt(db, who, id, new Date(at.getTime() + 15 * MIN));
  }
  // The year's annual results were computed before this exam existed: compute them again so its component shows.
  const year = Number(audit.plan.periodKey.slice(0, 4));
  if (await db.annualComputation.findFirst({ where: { year } }))
    await computeAnnual(db, ctx, { year, weights: DEFAULT_WEIGHTS });
  await db.setting.create({ data: { key: MARKER, value: { examId, attempts: people.length } } });
}
