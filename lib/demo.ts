import type { Db } from './db/client';

/** Set by the demo seed: a database holding the invented demo company (every page then says 演示数据). */
export const DEMO_MARKER = 'demo';

let cached: { value: boolean; at: number } | null = null;

/** Whether this database holds the demo company; read at most once a minute per app instance. */
export async function isDemoDatabase(client: Db, now = Date.now()): Promise<boolean> {
  if (cached && now - cached.at < 60_000) return cached.value;
  const value = !!(await client.setting.findUnique({ where: { key: DEMO_MARKER }, select: { key: true } }));
  cached = { value, at: now };
  return value;
}
