// npm run bench:exam-load — 300 simulated candidates take one exam at once against PostgreSQL: each
// starts an attempt, saves every answer one by one, and submits (a tenth submit twice, as from two
// tabs). Runs the app's own exam operations (lib/exams/attempts.ts) with 50 in flight, loopback only.
// Prints p50/p95 per operation, errors (goal 0) and the attempts in the database (goal 300, all graded once).
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { saveAnswer, startAttempt, submitAttempt } from '../lib/exams/mutations/attempts';
import { benchDatabase } from '../scripts/lib/bench-db';
import { examOutcome, printTimes, runCandidates, setupExam, stepTimer } from './lib/exam-setup';

const CANDIDATES = 300;
const IN_FLIGHT = 50;

const database = await benchDatabase();
const db = createPrismaClient(database.url);
try {
  console.log(`bench:exam-load on ${database.where}`);
  await applyMigrations(database.url);
  const {
    root: { id: rootId, path: rootPath },
    users,
    exam,
  } = await setupExam(db, CANDIDATES);
  const { times, timed: time } = stepTimer(['start', 'save', 'submit'] as const);
  let errors = 0;
  let refusedSecond = 0;
  const candidate = async (i: number) => {
    const ctx = {
      user: { id: users[i]!.id, grants: [{ role: 'MEMBER', orgId: rootId, orgPath: rootPath }] },
      actor: { id: users[i]!.id, name: null },
    };
    try {
      const { id } = await time('start', () => startAttempt(db, ctx, exam.id));
      const att = await db.examAttempt.findUniqueOrThrow({ where: { id }, select: { questionIds: true } });
      for (const q of att.questionIds)
        await time('save', () =>
          saveAnswer(db, ctx.user, { attemptId: id, questionId: q, answer: i % 3 ? 'A' : true }),
        );
      const subs =
        i % 10 === 0
          ? [submitAttempt(db, ctx, id), submitAttempt(db, ctx, id)]
          : [submitAttempt(db, ctx, id)];
      const t = performance.now();
      const r = await Promise.allSettled(subs);
      times.submit.push(performance.now() - t);
      refusedSecond += r.filter(
        (x) => x.status === 'rejected' && String(x.reason?.message).includes('exams.errors.submitted'),
      ).length;
      errors += r.filter(
        (x) => x.status === 'rejected' && !String(x.reason?.message).includes('exams.errors.submitted'),
      ).length;
      if (r.every((x) => x.status === 'rejected')) errors += 1;
    } catch (e) {
      errors += 1;
      console.error(String((e as Error).message).slice(0, 200));
    }
  };
  const wall = await runCandidates(CANDIDATES, IN_FLIGHT, candidate);
  const outcome = await examOutcome(db, exam.id);
  console.log(`\n${CANDIDATES} candidates, ${IN_FLIGHT} in flight, ${wall.toFixed(1)} s`);
  printTimes(times, ['start', 'save', 'submit']);
  console.log(
    `errors ${errors} · second submissions refused ${refusedSecond} · attempts ${outcome.attempts} (${outcome.byStatus}) · submit traces ${outcome.traces}`,
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
