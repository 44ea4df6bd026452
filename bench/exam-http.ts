// npm run bench:exam-http — 300 simulated candidates take one exam over HTTP against a running
// production build (next start on loopback), as their phones would: sign in through next-auth's
// credentials endpoint, start the attempt and save every answer through the same server actions the
// exam page posts (Next-Action ids from the build's manifest), submit (a tenth submit twice at once,
// as from two tabs). At most IN_FLIGHT candidates at a time; loopback only.
// Prints p50/p95 per step, errors (goal 0), and the attempts in the database (goal: 300, each graded
// and traced once). Baseline in the same run: the same save called in-process (lib/exams/attempts.ts),
// so the ratio is what HTTP, the session check and the action layer add.
// NODES=2: two app processes behind nginx (scripts/lib/cluster.ts), as "Beyond one machine" deploys them.
import { hashPassword } from '../lib/auth/password';
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { saveAnswer, startAttempt } from '../lib/exams/mutations/attempts';
import { benchDatabase } from '../scripts/lib/bench-db';
import { pct } from './lib/bench';
import { actionId, callAction, Jar, signIn, startServers } from './lib/http';
import { examOutcome, printTimes, runCandidates, setupExam, stepTimer } from './lib/exam-setup';

const CANDIDATES = Number(process.env.CANDIDATES ?? 300);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 50);
const PASSWORD = 'Bench@2026load';
const NODES = Math.max(1, Number(process.env.NODES ?? 1));

async function actionIds() {
  const file = 'lib/exams/actions.ts';
  return {
    start: await actionId('startAttemptAction', file),
    save: await actionId('saveAnswerAction', file),
    submit: await actionId('submitAttemptAction', file),
  };
}

const database = await benchDatabase();
const db = createPrismaClient(database.url);
let servers: Awaited<ReturnType<typeof startServers>> | undefined;
try {
  console.log(
    `bench:exam-http on ${database.where}, ${CANDIDATES} candidates, ${IN_FLIGHT} in flight, ${NODES} app node(s)${NODES > 1 ? ' behind nginx' : ''}`,
  );
  await applyMigrations(database.url);
  const { root, users, exam } = await setupExam(db, CANDIDATES, await hashPassword(PASSWORD));

  servers = await startServers(database.url, NODES);
  const base = servers.base;
  const ids = await actionIds();

  const { times, timed } = stepTimer(['login', 'start', 'page', 'save', 'submit'] as const);
  let errors = 0;
  let refusedSecond = 0;
  const act = (jar: Jar, page: string, id: string, arg: unknown) => callAction(base, jar, page, id, arg);
  const candidate = async (i: number) => {
    const jar = new Jar();
    try {
      await timed('login', () => signIn(base, users[i]!.username, PASSWORD, jar));
      const started = await timed('start', () => act(jar, '/exams', ids.start, { examId: exam.id }));
      if (!started.ok || !started.data?.id) throw new Error(`start refused: ${started.error}`);
      const attemptId = started.data.id;
      const page = `/exams/attempts/${attemptId}`;
      await timed('page', async () => {
        const r = await fetch(`${base}${page}`, { headers: { Cookie: jar.header } });
        jar.take(r);
        await r.text();
        if (r.status !== 200) throw new Error(`attempt page ${r.status}`);
      });
      const { questionIds } = await db.examAttempt.findUniqueOrThrow({
        where: { id: attemptId },
        select: { questionIds: true },
      });
      for (const q of questionIds) {
        const r = await timed('save', () =>
          act(jar, page, ids.save, { attemptId, questionId: q, answer: i % 3 ? 'A' : true }),
        );
        if (!r.ok) throw new Error(`save refused: ${r.error}`);
      }
      const t = performance.now();
      const subs = await Promise.allSettled(
        Array.from({ length: i % 10 === 0 ? 2 : 1 }, () => act(jar, page, ids.submit, { attemptId })),
      );
      times.submit.push(performance.now() - t);
      const results = subs.map((s) =>
        s.status === 'fulfilled' ? s.value : { ok: false, error: String(s.reason) },
      );
      refusedSecond += results.filter((r) => !r.ok && r.error === 'exams.errors.submitted').length;
      errors +=
        results.filter((r) => !r.ok && r.error !== 'exams.errors.submitted').length +
        (results.some((r) => r.ok) ? 0 : 1);
    } catch (e) {
      errors += 1;
      if (errors <= 5) console.error(String((e as Error).message).slice(0, 200));
    }
  };
  const wall = await runCandidates(CANDIDATES, IN_FLIGHT, candidate);

  // Baseline: the same save in-process, one at a time, on a second exam of 20 candidates.
  const base2 = await setupExam(db, 20);
  const direct: number[] = [];
  for (const u of base2.users) {
    const ctx = {
      user: { id: u.id, grants: [{ role: 'MEMBER', orgId: base2.root.id, orgPath: base2.root.path }] },
      actor: { id: u.id, name: null },
    };
    const { id } = await startAttempt(db, ctx, base2.exam.id);
    const { questionIds } = await db.examAttempt.findUniqueOrThrow({
      where: { id },
      select: { questionIds: true },
    });
    for (const q of questionIds) {
      const t = performance.now();
      await saveAnswer(db, ctx.user, { attemptId: id, questionId: q, answer: 'A' });
      direct.push(performance.now() - t);
    }
  }
  const outcome = await examOutcome(db, exam.id);
  console.log(
    `\n${CANDIDATES} candidates over HTTP, ${IN_FLIGHT} in flight, ${wall.toFixed(1)} s (unit ${root.path})`,
  );
  printTimes(times, ['login', 'start', 'page', 'save', 'submit']);
  console.log(
    `baseline: save in-process, one at a time, n=${direct.length}: p50 ${pct(direct, 0.5).toFixed(1)} ms → HTTP save p50 is ${(pct(times.save, 0.5) / pct(direct, 0.5)).toFixed(1)}× (queueing for ${IN_FLIGHT} in flight included)`,
  );
  console.log(
    `errors ${errors} · second submissions refused ${refusedSecond} · attempts ${outcome.attempts} (${outcome.byStatus}) · submit traces ${outcome.traces}`,
  );
  if (errors || outcome.attempts !== CANDIDATES || outcome.traces !== CANDIDATES) process.exitCode = 1;
} finally {
  await servers?.stop();
  await db.$disconnect();
  await database.stop();
}
