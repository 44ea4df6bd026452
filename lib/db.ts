import 'server-only';
import type pg from 'pg';
import { type RawConnection, traceAloneOn } from './audit-log';
import { createPrismaClient, type Db } from './db/client';
import { createTracePool } from './db/trace-pool';

const globalForDb = globalThis as unknown as { wubiaoDb?: Db; wubiaoTracePool?: pg.Pool };

/** The one PrismaClient of the app (pg adapter; password hashes omitted unless asked for). */
export const db: Db = globalForDb.wubiaoDb ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForDb.wubiaoDb = db;

const tracePool = globalForDb.wubiaoTracePool ?? createTracePool(process.env.DATABASE_URL);
if (process.env.NODE_ENV !== 'production') globalForDb.wubiaoTracePool = tracePool;

/** A connection for `appendTraceAlone` on the app's database. */
export const traceConnection = (): Promise<RawConnection> => tracePool.connect();
// The app's traced reads and statements take the two-round-trip path (lib/audit-log.ts traceRead, tracedStatement).
traceAloneOn(db, traceConnection);
