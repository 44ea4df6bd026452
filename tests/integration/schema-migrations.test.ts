// schema.prisma and prisma/migrations must agree: no hand-written DDL may drift from the model.
// The WASM engine cannot diff a live database (it fails on PostgreSQL's internal `char` columns), so:
//  1. the schema copy saved beside the last migration equals schema.prisma (nothing un-migrated), and
//  2. the database the migrations built has the same tables, columns, indexes and enums as a database
//     built straight from schema.prisma (the engine's empty → schema SQL, run in a scratch schema).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas, MIGRATIONS_DIR } from '../../lib/db/schema-engine';

const url = process.env.DATABASE_URL!;
const client = new pg.Client({ connectionString: url });
beforeAll(() => client.connect());
afterAll(() => client.end());

async function catalog(schema: string) {
  const cols = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, column_default
     FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
     ORDER BY table_name, column_name`,
    [schema],
  );
  const idx = await client.query(
    `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS def FROM pg_indexes
     WHERE schemaname = $1 AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'hw\\_%' ORDER BY indexname`,
    [schema],
  );
  const enums = await client.query(
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  const fks = await client.query(
    `SELECT conname, replace(pg_get_constraintdef(c.oid), $1 || '.', '') AS def FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND contype IN ('f','p','u') AND c.conrelid <> '_prisma_migrations'::regclass ORDER BY conname`,
    [schema],
  );
  const strip = (v: unknown) =>
    typeof v === 'string' ? v.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, '') : v;
  return [cols.rows, idx.rows, enums.rows, fks.rows].map((rows) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, strip(v)]))),
  );
}

describe('schema.prisma and the migrations agree', () => {
  it('the schema copy beside the last migration is schema.prisma', async () => {
    const last = (await readdir(MIGRATIONS_DIR))
      .filter((d) => /^\d{14}_/.test(d))
      .sort()
      .at(-1)!;
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, last, 'schema.prisma'), 'utf8');
    const sql = await diffSchemas(url, snapshot);
    expect(sql.replace(/^--.*$/gm, '').trim(), 'run npm run db:make-migration -- NAME').toBe('');
  });

  it('the migrated database matches a database built from schema.prisma', async () => {
    const sql = (await diffSchemas(url, null)).replace(/^CREATE SCHEMA IF NOT EXISTS "public";$/m, '');
    await client.query('DROP SCHEMA IF EXISTS wb_schema_check CASCADE; CREATE SCHEMA wb_schema_check');
    try {
      await client.query(`BEGIN; SET LOCAL search_path TO wb_schema_check; ${sql}; COMMIT;`);
      const fromMigrations = await catalog('public');
      const fromSchema = await catalog('wb_schema_check');
      expect(fromMigrations[0]!.length).toBeGreaterThan(10);
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      await client.query('DROP SCHEMA IF EXISTS wb_schema_check CASCADE');
    }
  });

  it('the hand-written indexes (hw_*) are in place', async () => {
    const r = await client.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'hw\\_%' ORDER BY indexname`,
    );
    expect(r.rows.map((x) => x.indexname)).toEqual([
      'hw_article_search',
      'hw_handbook_one_draft',
      'hw_handbook_one_published',
      'hw_person_employee_no_trgm',
      'hw_person_name_trgm',
      'hw_selfcheck_current',
    ]);
  });

  it('the append-only trigger from the hand-written part is in place', async () => {
    const r = await client.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(r.rows.map((x) => x.tgname)).toEqual(['audit_event_no_truncate', 'audit_event_no_update_delete']);
  });
});
