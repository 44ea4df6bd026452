// npm run bench:reminders — on the seed:large organizations (5,000) with a synthetic published
// handbook of 80 prescribed actions: generating one quarter's tasks through the app (generateForPeriod)
// against the same rows by one raw INSERT … SELECT … ON CONFLICT DO NOTHING; then the reminder table of
// one branch and the committee's counts for the root through the app's reads, against raw SQL.
import { randomUUID } from 'node:crypto';
import { generateForPeriod } from '../lib/reminders/mutations/generate';
import { periodOf } from '../lib/calendar';
import { reminderSummaryFor, reminderTableFor } from '../lib/reminders/queries';
import { largeRoot, median, openBench, sampleInTurn } from './lib/bench';

const FREQS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const;

const { database, db, raw, close } = await openBench('reminders');
try {
  const root = await largeRoot(db, database.url);

  // A published handbook of 80 actions (20 quarterly), unless one is in force already.
  let version = await db.handbookVersion.findFirst({ where: { status: 'PUBLISHED' } });
  if (!version) {
    version = await db.handbookVersion.create({
      data: { label: 'bench', status: 'PUBLISHED', publishedAt: new Date() },
    });
    const part = await db.handbookPart.create({ data: { versionId: version.id, number: 1, title: 'bench' } });
    const article = await db.article.create({
      data: { versionId: version.id, partId: part.id, key: randomUUID(), number: 1, title: 'bench' },
    });
    await db.prescribedAction.createMany({
      data: Array.from({ length: 80 }, (_, i) => ({
        versionId: version!.id,
        articleId: article.id,
        key: randomUUID(),
        code: `B-${i}`,
        title: `动作${i}`,
        frequency: i < 20 ? 'QUARTER' : FREQS[i % FREQS.length]!,
        dueRule: { kind: 'DAYS_BEFORE_PERIOD_END', n: i % 10 },
        responsibleRole: 'SECRETARY',
        orgTypes: i % 3 === 0 ? ['BRANCH', 'PARTY_GROUP'] : ['BRANCH'],
      })),
    });
  }
  const quarterly = await db.prescribedAction.findMany({
    where: { versionId: version.id, frequency: 'QUARTER' },
    select: { id: true, dueRule: true },
  });
  const RAW = `INSERT INTO "ReminderTask" (id, "actionKey", "actionId", "orgId", "periodKey", "periodStart", "periodEnd", "dueDate")
    SELECT gen_random_uuid(), a.key, a.id, o.id, $1, $2::date, $3::date, ($3::date - ((a."dueRule"->>'n')::int))
    FROM "PrescribedAction" a JOIN "Organization" o ON o.status = 'ACTIVE' AND o.type = ANY(a."orgTypes")
    WHERE a.id = ANY($4::uuid[]) ON CONFLICT ("actionKey", "orgId", "periodKey") DO NOTHING`;

  console.log('\ncase                                   rows      app          raw SQL     ratio');
  const gen: number[] = [];
  const base: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i += 1) {
    // A different quarter each round, so both sides insert for real.
    const p1 = periodOf('QUARTER', `${2030 + i}-02-01`);
    const p2 = periodOf('QUARTER', `${2030 + i}-05-01`);
    let t = performance.now();
    rows = (await generateForPeriod(db, 'QUARTER', p1.start)).inserted;
    gen.push(performance.now() - t);
    t = performance.now();
    await raw.query(RAW, [p2.key, p2.start, p2.end, quarterly.map((a) => a.id)]);
    base.push(performance.now() - t);
  }
  const line = (label: string, n: number, a: number, b: number) =>
    console.log(
      `${label.padEnd(38)} ${String(n).padStart(6)}   ${a.toFixed(1).padStart(8)} ms   ${b.toFixed(1).padStart(8)} ms   ${(a / b).toFixed(2)}×`,
    );
  line('generate one quarter (20 actions)', rows, median(gen), median(base));
  // Idempotent rerun: nothing to insert.
  const again: number[] = [];
  const againRaw: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    let t = performance.now();
    await generateForPeriod(db, 'QUARTER', '2030-02-01');
    again.push(performance.now() - t);
    const p2 = periodOf('QUARTER', '2030-05-01');
    t = performance.now();
    await raw.query(RAW, [p2.key, p2.start, p2.end, quarterly.map((a) => a.id)]);
    againRaw.push(performance.now() - t);
  }
  line('rerun of the same quarter (no inserts)', 0, median(again), median(againRaw));

  // Reads: one branch's table, the root's counts — for the 2030-Q1 tasks just made.
  const branch = await db.organization.findFirstOrThrow({
    where: { path: { startsWith: root.path }, type: 'BRANCH' },
    orderBy: { path: 'asc' },
  });
  const now = new Date('2030-02-01T04:00:00Z');
  const secretary = { id: 'bench', grants: [{ role: 'SECRETARY', orgId: branch.id, orgPath: branch.path }] };
  const committee = { id: 'bench', grants: [{ role: 'COMMITTEE', orgId: root.id, orgPath: root.path }] };
  // The same rows and the same related data the page shows: article, its templates, evidence, the latest review.
  const TABLE = `SELECT t.*, o.name, a.code, a.title, a.frequency, a.evidence, ar.number, ar.title AS "articleTitle",
      (SELECT json_agg(json_build_object('id', f.id, 'title', f.title)) FROM "ArticleAttachment" f WHERE f."articleId" = ar.id) AS templates,
      (SELECT json_agg(json_build_object('id', e.id, 'fileName', e."fileName") ORDER BY e."createdAt") FROM "Evidence" e WHERE e."taskId" = t.id) AS files,
      (SELECT row_to_json(r) FROM (SELECT kind, quality, comment, "createdAt" FROM "TaskReview" v WHERE v."taskId" = t.id ORDER BY "createdAt" DESC LIMIT 1) r) AS review
    FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId" JOIN "PrescribedAction" a ON a.id = t."actionId" JOIN "Article" ar ON ar.id = a."articleId"
    WHERE o.path LIKE $1 AND (t."periodKey" = ANY($2) OR (t.status = 'OPEN' AND t."dueDate" < $3::date)) ORDER BY t."dueDate", a.code LIMIT 500`;
  const COUNTS = `SELECT t."periodKey", count(*) FILTER (WHERE t.status = 'DONE') AS done, count(*) FILTER (WHERE t.status = 'OPEN' AND t."dueDate" < $3::date) AS overdue, count(*) AS total
    FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId" WHERE o.path LIKE $1 AND t."periodKey" = ANY($2) GROUP BY 1`;
  const keys = FREQS.map((f) => periodOf(f, '2030-02-01').key);
  for (const [label, app, sql, params] of [
    [
      'reminder table of one branch',
      () => reminderTableFor(secretary, now),
      TABLE,
      [`${branch.path}%`, keys, '2030-02-01'],
    ],
    [
      'committee counts for the root',
      () => reminderSummaryFor(committee, now),
      COUNTS,
      [`${root.path}%`, keys, '2030-02-01'],
    ],
  ] as const) {
    const [a, b] = await sampleInTurn(5, 40, [app, () => raw.query(sql, [...params])]);
    const n = (await raw.query(sql, [...params])).rowCount ?? 0;
    line(label, n, median(a), median(b));
  }
} finally {
  await close();
}
