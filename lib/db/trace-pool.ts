import pg from 'pg';

/**
 * Two plain connections for the traced reads and statements (`appendTraceAlone`, `writeTracedAlone`: the roster, a
 * profile, the exam's saves): each writes its event in two round trips, and the ones waiting queue here rather than
 * on the chain's lock with a connection of the app's pool in hand. Two keep the lock busy: one holds it while the
 * other waits for it in PostgreSQL. Bounded
 * in time, so a stuck connection fails its page instead of holding every traced read behind it.
 */
export function createTracePool(connectionString: string | undefined) {
  const pool = new pg.Pool({
    connectionString: connectionString ?? 'postgresql://unset@127.0.0.1:1/unset',
    max: Math.max(1, Number(process.env.DATABASE_TRACE_POOL_SIZE) || 2),
    connectionTimeoutMillis: 10_000,
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 15_000,
    // The two limits above are the server's; these hold when the server itself stops answering (a network that
    // drops packets): the reply is given up after 20 s and the connection dropped (lib/audit-log.ts chainAlone).
    query_timeout: 20_000,
    keepAlive: true,
  });
  // A connection lost while idle (PostgreSQL restarted) is dropped and a new one opened when next needed.
  pool.on('error', (e) => console.error('trace pool: an idle connection failed:', e.message));
  // One lost while in use fails its call (which drops it); pg also emits it as an event, which must not be unheard:
  // outside Next (scripts, the job worker) an unheard error event ends the process.
  pool.on('connect', (c) =>
    c.on('error', (e) => console.error('trace pool: a connection in use failed:', e.message)),
  );
  return pool;
}
