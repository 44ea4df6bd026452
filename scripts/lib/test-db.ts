import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedDb } from './embedded-db';

export type TestDb = { url: string; drop: () => Promise<void> };

/**
 * A fresh database for one test layer of one run: on the server named by TEST_DATABASE_URL /
 * DATABASE_URL (created here, dropped afterwards), else a fresh in-memory embedded database.
 */
export async function freshDatabase(label: string): Promise<TestDb> {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) {
    const db = await startEmbeddedDb(null);
    return { url: db.url, drop: db.stop };
  }
  const name = `wb_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}_${label}`;
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
