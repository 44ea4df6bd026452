// npm run bench:exam-load — 300 simulated candidates take one exam at once against PostgreSQL: each
// starts an attempt, saves every answer one by one, and submits (a tenth submit twice, as from two
// tabs). Runs the app's own exam operations (lib/exams/attempts.ts) with 50 in flight, loopback only.
// Prints p50/p95 per operation, errors (goal 0) and the attempts in the database (goal 300, all graded once).
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { saveAnswer, startAttempt, submitAttempt } from '../lib/exams/attempts';
import { benchDatabase } from '../scripts/lib/bench-db';

const CANDIDATES = 300;
const IN_FLIGHT = 50;
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0; };

const database = await benchDatabase();
const db = createPrismaClient(database.url);
try {
  console.log(`bench:exam-load on ${database.where}`);
  await applyMigrations(database.url);
  const run = randomUUID().slice(0, 8);
  const root = await db.organization.create({ data: { name: `压测党委-${run}`, type: 'COMMITTEE', path: 'tmp' } });
  await db.organization.update({ where: { id: root.id }, data: { path: `/${root.id}/` } });
  const rootPath = `/${root.id}/`;
  const users = await Promise.all(Array.from({ length: CANDIDATES }, (_, i) => db.user.create({ data: { username: `load-${run}-${i}`, name: `考生${i}`, passwordHash: 'x', orgId: root.id }, select: { id: true } })));
  await db.roleAssignment.createMany({ data: users.map((u) => ({ userId: u.id, role: 'MEMBER' as const, orgId: root.id })) });
  const k = randomUUID();
  await db.question.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ key: randomUUID(), type: i % 2 ? ('SINGLE' as const) : ('JUDGE' as const), stem: `压测题${i}`, options: i % 2 ? [{ id: 'A', text: '甲' }, { id: 'B', text: '乙' }] : [], answer: i % 2 ? ['A'] : [true], articleKeys: [k], tags: [`load-${run}`] })) });
  const now = new Date();
  const exam = await db.exam.create({ data: { title: `压测-${run}`, rules: { parts: [{ type: 'SINGLE', count: 5 }, { type: 'JUDGE', count: 5 }], tags: [`load-${run}`] }, opensAt: new Date(now.getTime() - 60_000), closesAt: new Date(now.getTime() + 3_600_000), durationMin: 30, passMark: 60, orgIds: [root.id], roles: [], orgPath: rootPath, createdById: users[0]!.id } });
  const times: Record<'start' | 'save' | 'submit', number[]> = { start: [], save: [], submit: [] };
  let errors = 0;
  let refusedSecond = 0;
  const time = async <T,>(kind: keyof typeof times, f: () => Promise<T>) => { const t = performance.now(); try { return await f(); } finally { times[kind].push(performance.now() - t); } };
  const candidate = async (i: number) => {
    const ctx = { user: { id: users[i]!.id, grants: [{ role: 'MEMBER', orgId: root.id, orgPath: rootPath }] }, actor: { id: users[i]!.id, name: null } };
    try {
      const { id } = await time('start', () => startAttempt(db, ctx, exam.id));
      const att = await db.examAttempt.findUniqueOrThrow({ where: { id }, select: { questionIds: true } });
      for (const q of att.questionIds) await time('save', () => saveAnswer(db, ctx.user, { attemptId: id, questionId: q, answer: i % 3 ? 'A' : true }));
      const subs = i % 10 === 0 ? [submitAttempt(db, ctx, id), submitAttempt(db, ctx, id)] : [submitAttempt(db, ctx, id)];
      const t = performance.now();
      const r = await Promise.allSettled(subs);
      times.submit.push(performance.now() - t);
      refusedSecond += r.filter((x) => x.status === 'rejected' && String(x.reason?.message).includes('exams.errors.submitted')).length;
      errors += r.filter((x) => x.status === 'rejected' && !String(x.reason?.message).includes('exams.errors.submitted')).length;
      if (r.every((x) => x.status === 'rejected')) errors += 1;
    } catch (e) {
      errors += 1;
      console.error(String((e as Error).message).slice(0, 200));
    }
  };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => { while (next < CANDIDATES) await candidate(next++); }));
  const wall = (performance.now() - t0) / 1000;
  const counts = await db.examAttempt.groupBy({ by: ['status'], where: { examId: exam.id }, _count: { _all: true } });
  const events = await db.auditEvent.count({ where: { action: 'exams.submit', entityId: { in: (await db.examAttempt.findMany({ where: { examId: exam.id }, select: { id: true } })).map((a) => a.id) } } });
  console.log(`\n${CANDIDATES} candidates, ${IN_FLIGHT} in flight, ${wall.toFixed(1)} s`);
  for (const k of ['start', 'save', 'submit'] as const) console.log(`${k.padEnd(7)} n=${String(times[k].length).padStart(5)}  p50 ${pct(times[k], 0.5).toFixed(1).padStart(7)} ms  p95 ${pct(times[k], 0.95).toFixed(1).padStart(7)} ms`);
  console.log(`errors ${errors} · second submissions refused ${refusedSecond} · attempts ${counts.map((c) => `${c.status} ${c._count._all}`).join(', ')} · submit traces ${events}`);
} finally {
  await db.$disconnect();
  await database.stop();
}
