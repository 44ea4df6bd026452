/**
 * 明标 demo: a question bank drawn from the 52 articles in force (for each: who does it, when, what it
 * must achieve, and a true/false on its standard) plus a few written by hand; two finished exams with
 * attempts and results (some failed); one open exam the demo member can take. Runs once (marker).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../lib/db/client';
import { companyActor } from './seed-context';
import type { Prisma } from '../lib/generated/prisma/client';
import { gradeShortAnswer, startAttempt, saveAnswer, submitAttempt } from '../lib/exams/mutations/attempts';
import { createExam } from '../lib/exams/mutations/create';
import { bankFromArticles } from './exam-bank';
import { FIRST_BRANCH_NAME } from './seed-data';

const MARKER = 'demo.exams';
const SHORT_ANSWERS = [
  '会前由支部书记确定议题并征求委员意见，提前通知参会人员；会上逐项讨论，形成决议并由专人记录；会后按分工落实，下次会议通报落实情况。',
  '先定议题，再通知开会，会上讨论后表决，会议记录要签字，会后抓落实。',
  '提前通知，按时开会，做好记录。',
];

export async function seedExams(db: Db, now = new Date()) {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return;
  const committee = await companyActor(db, 'committee', 'COMMITTEE');
  if (!committee) return;
  const { root, ctx } = committee;
  const arts = await db.article.findMany({
    where: { version: { status: 'PUBLISHED' } },
    orderBy: { number: 'asc' },
    select: { key: true, number: true, title: true, who: true, when: true, standard: true },
  });
  if (arts.length < 4) return;
  const rows: Prisma.QuestionCreateManyInput[] = bankFromArticles(arts);
  const k = (n: number) => arts.find((a) => a.number === n)?.key ?? arts[0]!.key;
  rows.push(
    {
      key: randomUUID(),
      type: 'BLANK',
      stem: '“三会一课”是指定期召开支部党员大会、支部委员会、党小组会，按时上好____。',
      options: [],
      answer: ['党课'],
      points: 2,
      difficulty: 1,
      articleKeys: [k(3)],
      tags: ['应知应会'],
    },
    {
      key: randomUUID(),
      type: 'BLANK',
      stem: '支部委员会会议每月至少召开____次。',
      options: [],
      answer: ['1', '一'],
      points: 2,
      difficulty: 1,
      articleKeys: [k(4)],
      tags: ['应知应会'],
    },
    {
      key: randomUUID(),
      type: 'BLANK',
      stem: '支部党员大会全年不少于____次。',
      options: [],
      answer: ['4', '四'],
      points: 2,
      difficulty: 1,
      articleKeys: [k(3)],
      tags: ['应知应会'],
    },
    {
      key: randomUUID(),
      type: 'JUDGE',
      stem: '党员组织关系应随人走、不断线，项目党支部撤销时档案须完整移交。',
      options: [],
      answer: [true],
      points: 1,
      difficulty: 1,
      articleKeys: [k(1)],
      tags: ['应知应会'],
    },
    {
      key: randomUUID(),
      type: 'SHORT',
      stem: '结合本项目实际，简述支部委员会会议从确定议题到会后落实的基本程序。',
      options: [],
      answer: ['会前确定议题并征求意见、提前通知；会上逐项研究、形成决议并记录；会后分工落实、跟踪反馈。'],
      points: 6,
      difficulty: 3,
      articleKeys: [k(4)],
      tags: ['简答'],
    },
  );
  await db.question.createMany({ data: rows });

  // Two finished exams (taken in the first branch: some pass, some fail) and one open for the member.
  const firstBranch = await db.organization.findFirst({
    where: { name: FIRST_BRANCH_NAME },
    select: { id: true },
  });
  const audience = firstBranch ? [firstBranch.id] : [root.id];
  const day = 86_400_000;
  const paper = [
    { type: 'SINGLE' as const, count: 10 },
    { type: 'MULTIPLE' as const, count: 3 },
    { type: 'JUDGE' as const, count: 5 },
  ];
  const iso = (d: Date) => d.toISOString();
  const past = [
    { title: '三季度支部书记应知应会测试', opens: new Date(now.getTime() - 60 * day) },
    { title: '“三会一课”专题测试', opens: new Date(now.getTime() - 30 * day), short: true },
  ];
  const takers = await db.user.findMany({
    where: { orgId: { in: audience }, active: true },
    select: { id: true, org: { select: { id: true, path: true } } },
    take: 12,
    orderBy: { username: 'asc' },
  });
  for (const [n, p] of past.entries()) {
    const exam = await createExam(db, ctx, {
      title: p.title,
      parts: 'short' in p ? [...paper, { type: 'SHORT' as const, count: 1 }] : paper,
      opensAt: iso(p.opens),
      closesAt: iso(new Date(p.opens.getTime() + 7 * day)),
      durationMin: 30,
      passMark: 60,
      orgIds: audience,
      roles: [],
      retakes: 0,
    });
    for (const [i, person] of takers.entries()) {
      const who = {
        user: {
          id: person.id,
          grants: [{ role: 'MEMBER', orgId: person.org!.id, orgPath: person.org!.path }],
        },
        actor: { id: person.id, name: null },
      };
      const at = new Date(p.opens.getTime() + (i + 1) * 3_600_000);
      const { id } = await startAttempt(db, who, exam.id, at);
      const att = await db.examAttempt.findUniqueOrThrow({ where: { id } });
      const qs = await db.question.findMany({ where: { id: { in: att.questionIds } } });
      // Some know the handbook well, some do not: the share of right answers varies by person.
      const skill = [0.95, 0.85, 0.75, 0.6, 0.45, 0.9][(i + n) % 6]!;
      for (const [j, q] of qs.entries()) {
        const right = ((j * 37 + i * 11 + n) % 100) / 100 < skill;
        const ans = q.answer as (string | boolean)[];
        const given =
          q.type === 'SHORT'
            ? SHORT_ANSWERS[(i + j) % SHORT_ANSWERS.length]
            : q.type === 'MULTIPLE'
              ? right
                ? ans
                : ['C']
              : q.type === 'JUDGE'
                ? right
                  ? ans[0]
                  : !ans[0]
                : right
                  ? ans[0]
                  : 'D';
        await saveAnswer(
          db,
          who.user,
          { attemptId: id, questionId: q.id, answer: given as never },
          new Date(at.getTime() + 60_000),
        );
      }
      await submitAttempt(db, who, id, new Date(at.getTime() + 20 * 60_000));
      // The committee has graded the first half of the short answers; the rest wait in its queue.
      const short = qs.find((q) => q.type === 'SHORT');
      if (short && i < takers.length / 2)
        await gradeShortAnswer(db, ctx, {
          attemptId: id,
          questionId: short.id,
          points: [5, 4, 6, 3][i % 4]!,
        });
    }
  }
  await createExam(db, ctx, {
    title: `${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now).slice(0, 7)} 党员月度学习测试`,
    parts: [
      { type: 'SINGLE', count: 5 },
      { type: 'JUDGE', count: 3 },
      { type: 'BLANK', count: 2 },
    ],
    opensAt: iso(new Date(now.getTime() - day)),
    closesAt: iso(new Date(now.getTime() + 30 * day)),
    durationMin: 20,
    passMark: 60,
    orgIds: audience,
    roles: [],
    retakes: 0,
  });
  // Two demonstration sites, each visited once.
  const sites = [
    {
      name: FIRST_BRANCH_NAME,
      numbers: [3, 4],
      text: '“三会一课”标准化：会前议题公示、会中规范记录、会后24小时归档，台账可追溯。',
      visitors: ['北环快速路三标段项目党支部', '临港物流园一期项目党支部'],
      notes: '观摩了支部党员大会记录本、会议议题公示栏和台账归档柜，现场交流了施工高峰期组织生活的安排方法。',
    },
    {
      name: '南山大桥项目党支部',
      numbers: [1],
      text: '“支部建在项目上”：项目进场即建支部，党员责任区覆盖每个作业面。',
      visitors: ['城西安置房项目党支部', '高铁站前广场项目党支部'],
      notes: '参观了大桥主塔作业面的党员责任区公示牌和“红旗责任区”评比记录。',
    },
  ];
  for (const [i, site] of sites.entries()) {
    const org = await db.organization.findFirst({ where: { name: site.name }, select: { id: true } });
    const visitors = await db.organization.findMany({
      where: { name: { in: site.visitors } },
      select: { id: true },
    });
    const keys = arts.filter((a) => site.numbers.includes(a.number)).map((a) => a.key);
    if (!org || !keys.length) continue;
    await db.demoSite.create({
      data: {
        orgId: org.id,
        fromDate: new Date(`${now.getUTCFullYear()}-01-01`),
        toDate: new Date(`${now.getUTCFullYear()}-12-31`),
        articleKeys: keys,
        description: site.text,
        createdById: committee.id,
        visits: {
          create: [
            {
              date: new Date(now.getTime() - (40 + i * 20) * day),
              visitingOrgIds: visitors.map((v) => v.id),
              notes: site.notes,
              createdById: committee.id,
            },
          ],
        },
      },
    });
  }
  await db.setting.create({ data: { key: MARKER, value: { questions: rows.length } } });
}
