import 'server-only';
import pg from 'pg';
import { type RawConnection, traceAloneOn } from './audit-log';
import { createPrismaClient, type Db } from './db/client';

const globalForDb = globalThis as unknown as { wubiaoDb?: Db; wubiaoTracePool?: pg.Pool };

/** The one PrismaClient of the app (pg adapter; password hashes omitted unless asked for). */
export const db: Db = globalForDb.wubiaoDb ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForDb.wubiaoDb = db;

/**
 * Two plain connections for the traced reads and statements (`appendTraceAlone`, `writeTracedAlone`: the roster, a
 * profile, the exam's saves): each writes its event in two round trips, and the ones waiting queue here rather than
 * on the chain's lock with a connection of the app's pool in hand. Two keep the lock busy: one holds it while the
 * other waits for it in PostgreSQL. Bounded
 * in time, so a stuck connection fails its page instead of holding every traced read behind it.
 */
function createTracePool() {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgresql://unset@127.0.0.1:1/unset',
    max: Math.max(1, Number(process.env.DATABASE_TRACE_POOL_SIZE) || 2),
    connectionTimeoutMillis: 10_000,
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 15_000,
  });
  // A connection lost while idle (PostgreSQL restarted) is dropped and a new one opened when next needed.
  pool.on('error', (e) => console.error('trace pool: an idle connection failed:', e.message));
  return pool;
}
const tracePool = globalForDb.wubiaoTracePool ?? createTracePool();
if (process.env.NODE_ENV !== 'production') globalForDb.wubiaoTracePool = tracePool;

/** A connection for `appendTraceAlone` on the app's database. */
export const traceConnection = (): Promise<RawConnection> => tracePool.connect();
// The app's traced reads and statements take the two-round-trip path (lib/audit-log.ts traceRead, tracedStatement).
traceAloneOn(db, traceConnection);
