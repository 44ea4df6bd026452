// Shared by the exam load benches: a unit of its own with `n` candidates, a small bank tagged for
// this run, and one exam open now for the unit (10 questions: 5 single choice, 5 true/false).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/client';
import { pct } from './bench';

/** Durations in ms by kind of step, and a timer that records each call's own. */
export function stepTimer<K extends string>(kinds: readonly K[]) {
  const times = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const timed = async <T>(kind: K, f: () => Promise<T>) => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      times[kind].push(performance.now() - t);
    }
  };
  return { times, timed };
}

/** Runs `candidate(i)` for every i below `count`, `inFlight` at a time; returns the wall time in seconds. */
export async function runCandidates(
  count: number,
  inFlight: number,
  candidate: (i: number) => Promise<void>,
) {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await candidate(next++);
    }),
  );
  return (performance.now() - t0) / 1000;
}

/** Prints one line per kind of step (how many, p50 and p95 in ms), in the order given. */
export function printTimes<K extends string>(times: Record<K, number[]>, kinds: readonly K[]) {
  for (const k of kinds)
    console.log(
      `${k.padEnd(7)} n=${String(times[k].length).padStart(5)}  p50 ${pct(times[k], 0.5).toFixed(1).padStart(7)} ms  p95 ${pct(times[k], 0.95).toFixed(1).padStart(7)} ms`,
    );
}

export async function setupExam(db: Db, n: number, passwordHash = 'x') {
  const run = randomUUID().slice(0, 8);
  const root = await db.organization.create({
    data: { name: `压测党委-${run}`, type: 'COMMITTEE', path: 'tmp' },
  });
  const rootPath = `/${root.id}/`;
  await db.organization.update({ where: { id: root.id }, data: { path: rootPath } });
  const users = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.user.create({
        data: { username: `load-${run}-${i}`, name: `考生${i}`, passwordHash, orgId: root.id },
        select: { id: true, username: true },
      }),
    ),
  );
  await db.roleAssignment.createMany({
    data: users.map((u) => ({ userId: u.id, role: 'MEMBER' as const, orgId: root.id })),
  });
  const k = randomUUID();
  await db.question.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      key: randomUUID(),
      type: i % 2 ? ('SINGLE' as const) : ('JUDGE' as const),
      stem: `压测题${run}-${i}`,
      options:
        i % 2
          ? [
              { id: 'A', text: '甲' },
              { id: 'B', text: '乙' },
            ]
          : [],
      answer: i % 2 ? ['A'] : [true],
      articleKeys: [k],
      tags: [`load-${run}`],
    })),
  });
  const now = new Date();
  const exam = await db.exam.create({
    data: {
      title: `压测-${run}`,
      rules: {
        parts: [
          { type: 'SINGLE', count: 5 },
          { type: 'JUDGE', count: 5 },
        ],
        tags: [`load-${run}`],
      },
      opensAt: new Date(now.getTime() - 60_000),
      closesAt: new Date(now.getTime() + 3_600_000),
      durationMin: 30,
      passMark: 60,
      orgIds: [root.id],
      roles: [],
      orgPath: rootPath,
      createdById: users[0]!.id,
    },
  });
  return { run, root: { id: root.id, path: rootPath }, users, exam };
}

/** After the run: attempts by status, and how many submit traces (goal: one per attempt). */
export async function examOutcome(db: Db, examId: string) {
  const counts = await db.examAttempt.groupBy({ by: ['status'], where: { examId }, _count: { _all: true } });
  const ids = (await db.examAttempt.findMany({ where: { examId }, select: { id: true } })).map((a) => a.id);
  const traces = await db.auditEvent.count({ where: { action: 'exams.submit', entityId: { in: ids } } });
  return {
    attempts: ids.length,
    byStatus: counts.map((c) => `${c.status} ${c._count._all}`).join(', '),
    traces,
  };
}
