/**
 * The embedded default: PostgreSQL compiled to WASM (PGlite), served on a loopback TCP port so that
 * the app, the migration engine, Vitest and Playwright all talk to it with the ordinary pg driver.
 * The serving process must keep its event loop free: start children with async spawn only.
 */
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts PGlite on `dataDir` (a folder, kept across restarts) or in memory when dataDir is null. */
export async function startEmbeddedDb(dataDir: string | null, port?: number): Promise<EmbeddedDb> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { pg_trgm } });
  const chosen = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port: chosen, host: '127.0.0.1', maxConnections: 100 });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${chosen}/postgres?sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
