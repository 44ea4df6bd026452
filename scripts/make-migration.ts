// npm run db:make-migration -- NAME
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema saved beside the
// last migration to the current prisma/schema.prisma, plus a copy of that schema for the next diff. Only the
// latest migration keeps its copy (the diff base); the previous one's is removed.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffSchemas, loadMigrations, MIGRATIONS_DIR, SCHEMA_FILE } from '../lib/db/schema-engine';
import { resolveDatabaseUrl } from './lib/database-url';

const name = (process.argv[2] ?? '')
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:make-migration -- NAME');
  process.exit(1);
}

const { url, stop } = await resolveDatabaseUrl();
try {
  const list = await loadMigrations();
  const last = list.migrationDirectories.at(-1);
  const fromSchema = last
    ? await readFile(path.join(MIGRATIONS_DIR, last.path, 'schema.prisma'), 'utf8')
    : null;
  const sql = await diffSchemas(url, fromSchema);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma has no changes since the last migration: nothing written.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    await writeFile(path.join(dir, 'schema.prisma'), await readFile(SCHEMA_FILE, 'utf8'));
    if (last) await rm(path.join(MIGRATIONS_DIR, last.path, 'schema.prisma'), { force: true });
    await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    console.log(
      `wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, add hand-written parts (triggers) below the generated SQL, then run npm run db:migrate`,
    );
  }
} finally {
  await stop();
}
