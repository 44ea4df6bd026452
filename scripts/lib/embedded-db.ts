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

/** The application_name of connections to the embedded database, in its address (lib/db/client.ts reads it). */
export const EMBEDDED_APP_NAME = 'wubiao-embedded';

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
  // Every connection shares one PGlite session, so one connection's named statement would collide with another's:
  // clients made from here on (this process's and its children's) send unnamed statements (lib/db/client.ts), as does
  // any client given the address (it names the embedded database in application_name).
  process.env.DATABASE_STATEMENT_CACHE = 'off';
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: dataDir ?? undefined,
    extensions: { pg_trgm },
    // PostgreSQL's 128 MB of shared buffers live in PGlite's WASM memory, which never shrinks; the data files are
    // ordinary files the OS caches anyway. 32 MB took the idle process from about 360 to 260 MB (bench:embedded),
    // 16 MB the process after bench:embedded's load from 226 to 209 MB at the same requests a second.
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      'shared_buffers=16MB',
      '-c',
      'maintenance_work_mem=32MB',
    ],
  });
  const chosen = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port: chosen, host: '127.0.0.1', maxConnections: 100 });
  keepExtendedQueriesWhole(server, db);
  await server.start();
  let stopped = false;
  return {
    // application_name marks the address as the embedded one, whoever uses it (lib/db/client.ts: no named statements).
    url: `postgresql://postgres:postgres@127.0.0.1:${chosen}/postgres?sslmode=disable&application_name=${EMBEDDED_APP_NAME}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (id: number) => void;
};

// Frontend messages of the extended query protocol that leave a group open until Sync (Parse, Bind, Describe,
// Execute, Close, Flush); Sync and a simple Query end one.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const ENDS_GROUP = new Set([0x53, 0x51, 0x58]);

/**
 * pglite-socket serves every connection from one PGlite session, one protocol message at a time. Between a
 * connection's Parse and its Bind, another connection's Parse could run and replace the unnamed statement
 * ("bind message supplies 3 parameters, but prepared statement "" requires 2" — seen under load at start-up).
 * Here the queue serves a connection's extended-query group whole, up to its Sync, as it already does a
 * transaction; a connection that goes away mid-group releases it.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer, db: PGlite) {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let open: number | null = null;
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    if (open === id) open = null;
    clear(id);
    if (!q.processing) void q.processQueue();
  };
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = open ?? (db.isInTransaction() ? this.lastHandlerId : null);
        let item: QueuedMessage | undefined;
        if (owner !== null) {
          const k = this.queue.findIndex((m) => m.handlerId === owner);
          // The owner's next message is not here yet: wait for it (its enqueue runs the queue again).
          if (k === -1) break;
          item = this.queue.splice(k, 1)[0];
        } else item = this.queue.shift();
        if (!item) break;
        const type = item.message[0]!;
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (e) {
          open = null;
          item.reject(e);
          continue;
        }
        if (ENDS_GROUP.has(type)) open = null;
        else if (EXTENDED.has(type)) open = item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
