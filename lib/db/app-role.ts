/**
 * The app's own database role (issue 16.6): on a PostgreSQL server the portal connects as a role that owns nothing,
 * so it cannot ALTER the trace tables (switch the append-only trigger off), and may only INSERT and SELECT them.
 * Migrations, the seed and the first administrator run as the owner (MIGRATION_DATABASE_URL); after migrating,
 * scripts/start.ts grants the app role (the user of DATABASE_URL) what it needs, again after every migration.
 * The role itself is made once by the deployer: CREATE ROLE wubiao_app LOGIN PASSWORD '…' (README, SECURITY.md).
 */
import pg from 'pg';

/** Tables the app appends to and reads, never changes. */
export const APPEND_ONLY_TABLES = ['AuditEvent', 'SecurityEvent'] as const;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return `"${name}"`;
};

/** The SQL that gives `role` its rights on the owner's schema (idempotent). */
export function appRoleGrants(role: string): string[] {
  const r = ident(role);
  const appendOnly = APPEND_ONLY_TABLES.map((t) => `"${t}"`).join(', ');
  return [
    `GRANT CONNECT ON DATABASE "${'{db}'}" TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Security events past their retention are purged only through this function (it keeps the 180-day floor).
    `GRANT EXECUTE ON FUNCTION purge_security_events() TO ${r}`,
    // The job queue (pg-boss) keeps its own schema, which the app creates and owns.
    `CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION ${r}`,
  ];
}

/** Applies the grants, connected as the owner. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    for (const sql of appRoleGrants(role)) await client.query(sql.replace('{db}', rows[0]!.db));
  } finally {
    await client.end();
  }
}

/** The user name a connection URL signs in as. */
export const userOf = (url: string) => decodeURIComponent(new URL(url).username || '');
