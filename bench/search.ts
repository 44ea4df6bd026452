// npm run bench:search — handbook search (lib/handbook/queries searchArticles' SQL through the app client)
// over the 52 demo articles and over a synthetic 5,000-article handbook, against a plain ILIKE scan of the
// same rows through pg. Uses DATABASE_URL, else the embedded database under .data/pg-bench.
import { randomUUID } from 'node:crypto';
import type { Db } from '../lib/db/client';
import { searchColumns } from '../lib/handbook/mutations/articles';
import { searchWords } from '../lib/handbook/rules';
import { PART1 } from '../prisma/handbook/content-part1';
import { PART2 } from '../prisma/handbook/content-part2';
import { PART3 } from '../prisma/handbook/content-part3';
import { median, openBench, sampleInTurn } from './lib/bench';

const QUERIES = ['党费', '三会一课', '组织生活会', '安全'];

// The app's search is searchArticles(); its SQL is repeated here only to run it on the synthetic versions.
const FTS = `SELECT a.id, a.number, ts_rank('{0.1, 0.2, 0.4, 1.0}', a."searchVector", plainto_tsquery('simple', $2))::float8 AS rank
  FROM "Article" a WHERE a."versionId" = $1::uuid AND a."searchVector" @@ plainto_tsquery('simple', $2)
  ORDER BY rank DESC, a.number ASC LIMIT 50`;
const ILIKE = `SELECT a.id, a.number FROM "Article" a WHERE a."versionId" = $1::uuid
  AND (a.title ILIKE $2 OR a.what ILIKE $2 OR a.who ILIKE $2 OR a.how ILIKE $2 OR a."when" ILIKE $2 OR a.standard ILIKE $2)
  ORDER BY a.number LIMIT 50`;
// ILIKE can stop at the first 50 rows in article order; ranking needs every match, so this is the fairer baseline.
const ILIKE_ALL = `SELECT count(*) FROM "Article" a WHERE a."versionId" = $1::uuid
  AND (a.title ILIKE $2 OR a.what ILIKE $2 OR a.who ILIKE $2 OR a.how ILIKE $2 OR a."when" ILIKE $2 OR a.standard ILIKE $2)`;

/** A version of its own with `n` articles cycled from the demo content. */
async function makeVersion(db: Db, label: string, n: number) {
  const source = [...PART1.articles, ...PART2.articles, ...PART3.articles];
  const version = await db.handbookVersion.create({ data: { label, status: 'SUPERSEDED' } });
  const part = await db.handbookPart.create({ data: { versionId: version.id, number: 1, title: '合成' } });
  for (let i = 0; i < n; i += 1000) {
    await db.article.createMany({
      data: Array.from({ length: Math.min(1000, n - i) }, (_, j) => {
        const s = source[(i + j) % source.length]!;
        const fields = {
          title: `${s.title}（${i + j + 1}）`,
          what: s.what,
          who: s.who,
          how: s.how,
          when: s.when,
          standard: s.standard,
          tags: s.tags,
        };
        return {
          versionId: version.id,
          partId: part.id,
          key: randomUUID(),
          number: i + j + 1,
          orgTypes: s.orgTypes,
          ...fields,
          ...searchColumns(fields),
        };
      }),
    });
  }
  await db.$executeRawUnsafe('ANALYZE "Article"');
  return version.id;
}

const { db, raw, close } = await openBench('search');
try {
  const stamp = Date.now().toString(36);
  const small = await makeVersion(db, `bench-52-${stamp}`, 52);
  const large = await makeVersion(db, `bench-5000-${stamp}`, 5000);
  console.log(
    '\nhandbook        query      hits   search (FTS, ranked)   ILIKE first 50   ratio   ILIKE all matches   ratio',
  );
  for (const [label, versionId] of [
    ['52 articles', small],
    ['5,000 articles', large],
  ] as const) {
    for (const q of QUERIES) {
      const words = searchWords(q).join(' ');
      const fts = () => db.$queryRawUnsafe(FTS, versionId, words);
      const ilike = () => raw.query(ILIKE, [versionId, `%${q}%`]);
      const ilikeAll = () => raw.query(ILIKE_ALL, [versionId, `%${q}%`]);
      const runs = label === '52 articles' ? 300 : 60;
      const [a, b, c] = await sampleInTurn(10, runs, [fts, ilike, ilikeAll]);
      const [fa, fb, fc] = [median(a), median(b), median(c)];
      const hits = ((await fts()) as unknown[]).length;
      console.log(
        `${label.padEnd(15)} ${q.padEnd(8)} ${String(hits).padStart(5)}   ${fa.toFixed(2).padStart(14)} ms   ${fb.toFixed(2).padStart(11)} ms   ${(fa / fb).toFixed(2)}×   ${fc.toFixed(2).padStart(13)} ms   ${(fa / fc).toFixed(2)}×`,
      );
    }
  }
  // Leave nothing behind: the synthetic versions are removed again.
  await db.handbookVersion.deleteMany({ where: { id: { in: [small, large] } } });
} finally {
  await close();
}
