import 'server-only';
import { createPrismaClient, type Db } from './db/client';

const globalForDb = globalThis as unknown as { wubiaoDb?: Db };

/** The one PrismaClient of the app (pg adapter; password hashes omitted unless asked for). */
export const db: Db = globalForDb.wubiaoDb ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForDb.wubiaoDb = db;
