// npm run bench:orgs — the subtree query through the app's code against the same raw SQL.
// Needs the seed:large data (made here when missing). Prints medians and the ratio (goal ≤ 1.5×).
import pg from 'pg';
import { subtreeOf } from '../lib/orgs/tree';
import { largeRoot, median, openBench, sampleInTurn } from './lib/bench';

const RAW = `SELECT id, name, "shortName", type, "parentId", path, depth, "sortOrder", status FROM "Organization"
  WHERE path LIKE $1 ORDER BY depth ASC, "sortOrder" ASC, name ASC`;

/** Each contender's median in ms, after 30 warm-up rounds (sampleInTurn). */
const compare = async (n: number, fns: (() => Promise<unknown>)[]) =>
  (await sampleInTurn(30, n, fns)).map(median);

const { database, db, raw, close } = await openBench('orgs');
// The app reaches PostgreSQL through a pool (the Prisma pg adapter), so a pooled baseline is printed too.
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
try {
  const root = await largeRoot(db, database.url);
  const mid = await db.organization.findFirstOrThrow({
    where: { path: { startsWith: root.path }, depth: 2 },
    orderBy: { sortOrder: 'asc' },
  });
  const cases = [
    { label: 'root subtree', path: root.path, n: 200 },
    { label: 'mid-level subtree (depth 2)', path: mid.path, n: 1000 },
  ];
  console.log(
    '\ncase                           rows   app (subtreeOf)   raw pg.Client   ratio   raw pg.Pool   ratio',
  );
  for (const c of cases) {
    const rows = (await subtreeOf(db, c.path)).length;
    const rawRows = (await raw.query(RAW, [`${c.path}%`])).rowCount;
    if (rows !== rawRows) throw new Error(`row counts differ: app ${rows}, raw ${rawRows}`);
    const [app, base, pooled] = (await compare(c.n, [
      () => subtreeOf(db, c.path),
      () => raw.query(RAW, [`${c.path}%`]),
      () => pool.query(RAW, [`${c.path}%`]),
    ])) as [number, number, number];
    console.log(
      `${c.label.padEnd(30)} ${String(rows).padStart(5)}   ${app.toFixed(2).padStart(12)} ms   ${base.toFixed(2).padStart(10)} ms   ${(app / base).toFixed(2)}×   ${pooled.toFixed(2).padStart(8)} ms   ${(app / pooled).toFixed(2)}×`,
    );
  }
} finally {
  await pool.end().catch(() => {});
  await close();
}
