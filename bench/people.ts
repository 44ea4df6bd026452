// npm run bench:people — people at company scale (issue 13), the app's code against raw SQL in the same run:
//   1. importing 10,000 people from an .xlsx through importPeople against the same rows by one multi-row INSERT;
//   2. the roster of a 300-person branch (first page, total, counts by status) as its secretary;
//   3. the committee's in-transit transfers and its 发展 violation list over 100,000 people.
// Needs the seed:large data (made here when missing). Prints medians and ratios (goals: import ≤ 3×, reads ≤ 1.5×).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { addMonths, cstDay } from '../lib/calendar';
import { developmentViolations } from '../lib/people/development';
import { guessMapping } from '../lib/people/excel';
import { importPeople } from '../lib/people/mutations/import';
import { db as appDb } from '../lib/db';
import { clearDevelopmentMemo, developmentFor } from '../lib/people/queries/development';
import { rosterFor } from '../lib/people/queries/roster';
import { transfersFor } from '../lib/people/queries/transfers';
import type { Subject } from '../lib/policy';
import { LARGE_BIG_BRANCH } from '../prisma/seed-large';
import { largeRoot, median, openBench, sampleInTurn } from './lib/bench';

const { database, db, raw, close } = await openBench('people');
// The roster and the 发展 list are traced reads. The app's own client (lib/db.ts) writes the event in two round trips;
// any other client through an ORM transaction, five (11.8 against 1.5 ms a read on this machine), which is not what
// a page pays. So the reads go through the app's client wherever it is this bench's database (DATABASE_URL).
const reader = process.env.DATABASE_URL === database.url ? appDb : db;
if (reader === db)
  console.log('(embedded database: traced reads through the bench client, about 10 ms more each)');
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const line = (label: string, app: number, base: number, extra = '') =>
  console.log(
    `${label.padEnd(44)} ${app.toFixed(1).padStart(9)} ms ${base.toFixed(1).padStart(9)} ms   ${(app / base).toFixed(2)}×${extra}`,
  );
try {
  const root = await largeRoot(db, database.url);
  const big = await db.organization.findFirstOrThrow({ where: { name: LARGE_BIG_BRANCH } });
  const people = await db.person.count();
  const grant = (role: string, o: { id: string; path: string }): Subject => ({
    id: randomUUID(),
    grants: [{ role, orgId: o.id, orgPath: o.path }],
  });
  const committee = grant('COMMITTEE', root);
  const secretary = grant('SECRETARY', big);
  const actor = { id: null, name: 'bench' };
  console.log(
    `${people} people; branch "${big.name}" holds ${await db.person.count({ where: { orgId: big.id } })}\n`,
  );
  console.log(`${'case'.padEnd(44)} ${'app'.padStart(12)} ${'raw SQL'.padStart(12)}   ratio`);

  // 1. Import.
  const HEAD = ['工号', '姓名', '性别', '党内身份', '接收预备党员日期', '转正日期', '组织关系所在党组织'];
  const target = await db.organization.findFirstOrThrow({ where: { name: '压测项目2党支部' } });
  const sheet = async (prefix: string) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员名册');
    ws.addRow(HEAD);
    for (let i = 0; i < 10_000; i += 1)
      ws.addRow([
        `${prefix}${i}`,
        `导入${i}`,
        i % 2 ? '男' : '女',
        '正式党员',
        '2012-07-01',
        '2013-07-02',
        target.name,
      ]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const mapping = guessMapping(['', ...HEAD]);
  const runs = 3;
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  const readTimes: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const prefix = `B${Date.now().toString(36)}${r}-`;
    const file = await sheet(prefix);
    let t = performance.now();
    const result = await importPeople(db, { user: committee, actor }, file, {
      mapping,
      createAccounts: false,
    });
    appTimes.push(performance.now() - t);
    if (!result.ok || result.created !== 10_000)
      throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
    await raw.query(`DELETE FROM "Person" WHERE "employeeNo" LIKE $1`, [`${prefix}%`]);
    // The same rows, already in memory, by one INSERT … SELECT FROM unnest.
    const n = Array.from({ length: 10_000 }, (_, i) => i);
    t = performance.now();
    await raw.query(
      `INSERT INTO "Person" (id, "employeeNo", name, gender, status, "admittedOn", "fullOn", "orgId", posts, "updatedAt")
       SELECT gen_random_uuid(), x.no, x.name, x.g::"Gender", 'FULL', '2012-07-01', '2013-07-02', $4, '{}', now()
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS x(no, name, g)`,
      [
        n.map((i) => `${prefix}R${i}`),
        n.map((i) => `导入${i}`),
        n.map((i) => (i % 2 ? 'MALE' : 'FEMALE')),
        target.id,
      ],
    );
    rawTimes.push(performance.now() - t);
    await raw.query(`DELETE FROM "Person" WHERE "employeeNo" LIKE $1`, [`${prefix}%`]);
    // What reading the workbook alone costs (exceljs), for the reader of the figures.
    t = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    readTimes.push(performance.now() - t);
  }
  const [appImport, rawImport, read] = [median(appTimes), median(rawTimes), median(readTimes)];
  line('import 10,000 people (xlsx → rows)', appImport, rawImport);
  line(
    '  … without reading the workbook',
    appImport - read,
    rawImport,
    `   (reading the .xlsx: ${read.toFixed(0)} ms)`,
  );

  // 2. The roster of the 300-person branch, as its secretary: the page the app shows. The raw SQL takes the scope
  //    the best way we know (units by path in a subquery, people by their unit indexes).
  //    Both sides first read the units in scope (ids by path prefix), then people by their unit indexes.
  const unitIds = async (path: string) =>
    (
      await pool.query<{ id: string }>(`SELECT id FROM "Organization" WHERE path LIKE $1`, [`${path}%`])
    ).rows.map((r) => r.id);
  const SCOPE = `(p."orgId" = ANY($1::uuid[]) OR p."workOrgId" = ANY($1::uuid[]) OR p."userId" = $2)`;
  const rosterRaw = async () => {
    const ids = await unitIds(big.path);
    return Promise.all([
      pool.query(
        `SELECT p.id, p."employeeNo", p.name, p.gender, p."birthDate", p.phone, p.education, p.status, p."appliedOn",
                p."activistOn", p."candidateOn", p."admittedOn", p."fullOn", p.posts, p."userId",
                o.id AS oid, o.name AS oname, o.path AS opath, w.id AS wid, w.name AS wname, w.path AS wpath,
                g.id AS gid, g.name AS gname,
                (SELECT t2.name FROM "Transfer" t JOIN "Organization" t2 ON t2.id = t."toOrgId"
                  WHERE t."personId" = p.id AND t.status = 'ISSUED' LIMIT 1) AS transit
         FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
         LEFT JOIN "Organization" w ON w.id = p."workOrgId" LEFT JOIN "Organization" g ON g.id = p."partyGroupId"
         WHERE p."leftOn" IS NULL AND ${SCOPE}
         ORDER BY o.path, p."employeeNo" LIMIT 50`,
        [ids, secretary.id],
      ),
      pool.query(`SELECT count(*) FROM "Person" p WHERE p."leftOn" IS NULL AND ${SCOPE}`, [
        ids,
        secretary.id,
      ]),
      pool.query(
        `SELECT p.status, count(*) FROM "Person" p WHERE p."leftOn" IS NULL AND ${SCOPE} GROUP BY p.status`,
        [ids, secretary.id],
      ),
    ]);
  };
  const roster = await rosterFor(secretary, actor, {}, reader);
  const check = await rosterRaw();
  const rawTotal = check[1].rows.reduce((n: number, r: { count: string }) => n + Number(r.count), 0);
  if (rawTotal !== roster.total) throw new Error(`roster totals differ: ${roster.total} vs ${rawTotal}`);
  const [rApp, rRaw] = (
    await sampleInTurn(10, 60, [() => rosterFor(secretary, actor, {}, reader), rosterRaw])
  ).map(median) as [number, number];
  line(`roster of a ${roster.total}-person branch (page, counts)`, rApp, rRaw);

  // 3a. The committee's in-transit list.
  const transitRaw = () =>
    Promise.all([
      pool.query(
        `SELECT t.*, p.id AS pid, p.name AS pname, p."employeeNo", p.status AS pstatus, f.id AS fid, f.name AS fname, f.path AS fpath,
                o.id AS tid, o.name AS tname, o.path AS tpath
         FROM "Transfer" t JOIN "Person" p ON p.id = t."personId"
         LEFT JOIN "Organization" f ON f.id = t."fromOrgId" LEFT JOIN "Organization" o ON o.id = t."toOrgId"
         WHERE (f.path LIKE $1 OR o.path LIKE $1) AND t.status IN ('PROPOSED', 'ISSUED')
         ORDER BY t."issuedAt", t."proposedAt"`,
        [`${root.path}%`],
      ),
      pool.query(
        `SELECT t.*, p.id AS pid, p.name AS pname, f.name AS fname, o.name AS tname
         FROM "Transfer" t JOIN "Person" p ON p.id = t."personId"
         LEFT JOIN "Organization" f ON f.id = t."fromOrgId" LEFT JOIN "Organization" o ON o.id = t."toOrgId"
         WHERE (f.path LIKE $1 OR o.path LIKE $1)
           AND (t."receivedAt" >= now() - interval '90 days' OR t."cancelledAt" >= now() - interval '90 days')
         ORDER BY t."updatedAt" DESC LIMIT 50`,
        [`${root.path}%`],
      ),
    ]);
  const transit = await transfersFor(committee, db);
  const [tApp, tRaw] = (await sampleInTurn(5, 30, [() => transfersFor(committee, db), transitRaw])).map(
    median,
  ) as [number, number];
  line(`committee: ${transit.inTransit.length} transfers in transit`, tApp, tRaw);

  // 3b. The committee's 发展 violation list: the same rows by raw SQL, checked by the same rules.
  const today = cstDay(new Date());
  const devRaw = async () => {
    const { rows } = await pool.query(
      `SELECT p.id, p.name, p."employeeNo", p.status, p."appliedOn", p."talkOn", p."activistOn", p."candidateOn",
              p."trainingDays", p."trainingHours", p."politicalReviewOn", p."admittedOn", p."approvedOn", p."fullOn",
              p."probationExtendedMonths", o.id AS oid, o.name AS oname,
              CASE WHEN p."workOrgId" IS NOT NULL THEN COALESCE(w."projectActualEnd", w."projectPlannedEnd")
                   ELSE COALESCE(o."projectActualEnd", o."projectPlannedEnd") END AS "projectEnd"
       FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" LEFT JOIN "Organization" w ON w.id = p."workOrgId"
       WHERE p."leftOn" IS NULL AND (o.path LIKE $1 OR w.path LIKE $1)
         AND (p.status IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY') OR (p.status = 'FULL' AND p."admittedOn" >= $2))
       ORDER BY o.path, p."employeeNo"`,
      [`${root.path}%`, addMonths(today, -36)],
    );
    const d = (v: Date | null) => (v ? v.toISOString().slice(0, 10) : null);
    return rows.filter(
      (p) =>
        developmentViolations(
          {
            ...p,
            appliedOn: d(p.appliedOn),
            talkOn: d(p.talkOn),
            activistOn: d(p.activistOn),
            candidateOn: d(p.candidateOn),
            politicalReviewOn: d(p.politicalReviewOn),
            admittedOn: d(p.admittedOn),
            approvedOn: d(p.approvedOn),
            fullOn: d(p.fullOn),
            projectEnd: d(p.projectEnd),
          },
          today,
        ).length > 0,
    );
  };
  const dev = await developmentFor(committee, actor, {}, reader);
  const devCheck = await devRaw();
  if (devCheck.length !== dev.violations.total)
    throw new Error(`violations differ: ${dev.violations.total} vs ${devCheck.length}`);
  // Each view checks every person again unless nothing it reads changed (the memo); both, against the raw SQL.
  const computed = () => {
    clearDevelopmentMemo();
    return developmentFor(committee, actor, {}, reader);
  };
  const [dApp, dRaw] = (await sampleInTurn(2, 10, [computed, devRaw])).map(median) as [number, number];
  const pipeline = Object.values(dev.stages).reduce((s, x) => s + x.total, 0);
  line(`committee: 发展 list (${pipeline} in pipeline, ${dev.violations.total} violations)`, dApp, dRaw);
  await developmentFor(committee, actor, {}, reader);
  const [mApp, mRaw] = (
    await sampleInTurn(2, 10, [() => developmentFor(committee, actor, {}, reader), devRaw])
  ).map(median) as [number, number];
  line('committee: 发展 list, nothing changed (memo)', mApp, mRaw);
} finally {
  await pool.end().catch(() => {});
  if (reader === appDb) await appDb.$disconnect();
  await close();
}
