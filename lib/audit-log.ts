/**
 * 痕迹管理: every write appends an AuditEvent in the same transaction as the write.
 * The table refuses UPDATE/DELETE/TRUNCATE (trigger in the init migration); each event carries an HMAC of itself
 * and the previous event's hash under TRACE_KEY, a key kept outside the database (lib/secrets.ts). An edit made
 * around the trigger (by a superuser, or on a copy of the database) breaks the chain, and without the key it cannot
 * be re-computed: verifyTraceChain() finds it. Signed checkpoints outside the database (lib/trace/checkpoints.ts)
 * add what a chain alone cannot show: events cut off its end.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Db, Tx } from './db/client';
import { serverKey } from './secrets';

export type Actor = { id: string | null; name: string | null; ip?: string | null; userAgent?: string | null };

/** The scheduled jobs, when they write: no person, a name the trace page shows. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: null, name: '系统任务', ip: null, userAgent: null });

export type TraceInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Path of the organization the record belongs to; scopes who may read the event. */
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);
// One writer at a time extends the chain; the lock is released when the transaction ends.
export const CHAIN_LOCK = 5_218_001;
const SECRET_KEYS = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword']);

/** JSON with sorted keys and secrets removed, so the same content always hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object')
    return typeof value === 'bigint' ? value.toString() : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (SECRET_KEYS.has(key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = normalize(v);
  }
  return out;
}

export type HashedFields = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgPath: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

/** The event's hash: the HMAC-SHA256 under `key` (every event written now), or the plain SHA-256 of old events. */
export function eventHash(prevHash: string, e: HashedFields, key?: Buffer): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(body).digest('hex');
}

/** The key the chain is written under (derived from TRACE_KEY). */
export const traceKey = () => serverKey('TRACE_KEY');

/** The fields an event is stored and hashed with. */
function traceFields(actor: Actor, input: TraceInput): HashedFields {
  return {
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    orgPath: input.orgPath ?? null,
    before: normalize(input.before ?? null),
    after: normalize(input.after ?? null),
    ip: actor.ip?.slice(0, 64) ?? null,
    userAgent: actor.userAgent?.slice(0, 400) ?? null,
  };
}

/** Appends one event to the trace inside `tx`. Call it from every mutation. */
export async function appendTrace(tx: Tx, actor: Actor, input: TraceInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = traceFields(actor, input);
  const hash = eventHash(prevHash, fields, traceKey());
  return tx.auditEvent.create({
    data: {
      ...fields,
      before: fields.before === null ? undefined : (fields.before as object),
      after: fields.after === null ? undefined : (fields.after as object),
      prevHash,
      hash,
      keyed: true,
    },
    select: { id: true, hash: true },
  });
}

/** A connection of pg's pool (lib/db.ts `tracePool`): what `appendTraceAlone` uses of it. */
export type RawConnection = {
  query(text: string): Promise<unknown>;
  escapeLiteral(text: string): string;
  release(destroy?: boolean): void;
};

const COLUMNS = [
  'at',
  'actorId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'orgPath',
  'before',
  'after',
  'ip',
  'userAgent',
  'prevHash',
  'hash',
  'keyed',
] as const;

/**
 * One event that is a transaction of its own (a traced read: the roster, a profile), in two round trips: BEGIN, the
 * chain's lock and its head in one; the event and COMMIT in the other. Through the ORM the same event took five
 * (BEGIN, lock, head, insert, COMMIT), and the chain stayed locked while each reply waited its turn on a busy event
 * loop: under load, readers of the roster queued on the lock and held pool connections meanwhile (issue 17). The
 * same event, hash and chain as `appendTrace`; verifyTraceChain checks both alike.
 */
export async function appendTraceAlone(
  connect: () => Promise<RawConnection>,
  actor: Actor,
  input: TraceInput,
): Promise<{ id: bigint; hash: string }> {
  return (await chainAlone(connect, actor, input))!;
}

/**
 * A write of one SQL statement and its event, committed together in the same two round trips as
 * `appendTraceAlone`: the statement goes first in the first one, so the chain's lock is held only while the event's
 * hash is computed and sent, not across a busy event loop's four replies (the exam's saves, 50 at a time on two
 * nodes, queued on it). `statement` must carry its values as literals (`pg.escapeLiteral`). Returns the rows it
 * changed; when none, nothing is written and nothing traced.
 */
export async function writeTracedAlone(
  connect: () => Promise<RawConnection>,
  statement: string,
  actor: Actor,
  input: TraceInput,
): Promise<number> {
  const r = await chainAlone(connect, actor, input, statement);
  return r ? r.changed : 0;
}

async function chainAlone(
  connect: () => Promise<RawConnection>,
  actor: Actor,
  input: TraceInput,
  statement?: string,
): Promise<{ id: bigint; hash: string; changed: number } | null> {
  const c = await connect();
  try {
    const opened = (await c.query(
      `BEGIN ISOLATION LEVEL READ COMMITTED; ${statement ? `${statement}; ` : ''}SELECT pg_advisory_xact_lock(${CHAIN_LOCK}); SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`,
    )) as { rows: { hash?: string }[]; rowCount: number | null }[];
    const changed = statement ? (opened[1]!.rowCount ?? 0) : 1;
    if (!changed) {
      await c.query('ROLLBACK');
      c.release();
      return null;
    }
    const prevHash = opened.at(-1)?.rows[0]?.hash ?? GENESIS_HASH;
    const fields = traceFields(actor, input);
    const hash = eventHash(prevHash, fields, traceKey());
    const row: Record<(typeof COLUMNS)[number], string> = {
      at: `${c.escapeLiteral(fields.at.toISOString())}::timestamptz`,
      actorId: fields.actorId === null ? 'NULL' : `${c.escapeLiteral(fields.actorId)}::uuid`,
      actorName: literal(c, fields.actorName),
      action: literal(c, fields.action),
      entityType: literal(c, fields.entityType),
      entityId: literal(c, fields.entityId),
      orgPath: literal(c, fields.orgPath),
      before: fields.before === null ? 'NULL' : `${c.escapeLiteral(JSON.stringify(fields.before))}::jsonb`,
      after: fields.after === null ? 'NULL' : `${c.escapeLiteral(JSON.stringify(fields.after))}::jsonb`,
      ip: literal(c, fields.ip),
      userAgent: literal(c, fields.userAgent),
      prevHash: literal(c, prevHash),
      hash: literal(c, hash),
      keyed: 'TRUE',
    };
    const written = (await c.query(
      `INSERT INTO "AuditEvent" (${COLUMNS.map((k) => `"${k}"`).join(', ')}) VALUES (${COLUMNS.map((k) => row[k]).join(', ')}) RETURNING id; COMMIT`,
    )) as { rows: { id: string }[] }[];
    const id = BigInt(written[0]!.rows[0]!.id);
    c.release();
    return { id, hash, changed };
  } catch (e) {
    // The transaction is aborted or half-sent: end it, or drop the connection if even that fails. A reply that never
    // came (the driver's query_timeout) leaves nothing to roll back on: the connection is dropped, and the server
    // ends the transaction with it.
    if (e instanceof Error && e.message === 'Query read timeout') {
      c.release(true);
      throw e;
    }
    await c.query('ROLLBACK').then(
      () => c.release(),
      () => c.release(true),
    );
    throw e;
  }
}

/** The clients whose traced reads and statements take the two-round-trip path, and their plain connections. */
const aloneConnections = new WeakMap<object, () => Promise<RawConnection>>();

/** The app's client (lib/db.ts) writes its traced reads and statements alone, on these connections. */
export function traceAloneOn(client: object, connect: () => Promise<RawConnection>) {
  aloneConnections.set(client, connect);
}

/**
 * A read that is traced (personal data in bulk, a profile opened), as a transaction of its own: two round trips on
 * the app's client (`appendTraceAlone`), the ORM's transaction on any other client (a test's).
 */
export function traceRead(client: Db, actor: Actor, input: TraceInput) {
  const connect = aloneConnections.get(client);
  return connect
    ? appendTraceAlone(connect, actor, input)
    : client.$transaction((tx) => appendTrace(tx, actor, input));
}

/**
 * A write of one SQL statement (its values as `pg.escapeLiteral` literals) and its trace, committed together: in two
 * round trips on the app's client (`writeTracedAlone`), in the ORM's transaction on any other client (a test's), the
 * same statement either way. Returns the rows it changed; none → nothing written, nothing traced.
 */
export function tracedStatement(client: Db, statement: string, actor: Actor, input: TraceInput) {
  const connect = aloneConnections.get(client);
  return connect
    ? writeTracedAlone(connect, statement, actor, input)
    : client.$transaction(async (tx) => {
        const changed = await tx.$executeRawUnsafe(statement);
        if (changed) await appendTrace(tx, actor, input);
        return changed;
      });
}

const literal = (c: RawConnection, v: string | null) => (v === null ? 'NULL' : c.escapeLiteral(v));

/**
 * `appendTrace` in one line, as every mutation writes it: the action, the kind of record and its id, then what
 * changed (before, after) and the unit it belongs to.
 */
export function trace(
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string | null,
  change: Omit<TraceInput, 'action' | 'entityType' | 'entityId'> = {},
) {
  return appendTrace(tx, actor, { action, entityType, entityId, ...change });
}

export type ChainBreak = {
  /** The first event that does not hold. */
  id: bigint;
  /**
   * edited   – its content no longer gives its hash (changed, or written without the key);
   * link     – it does not follow the event before it (one was deleted or inserted before it);
   * unkeyed  – an unkeyed event where only keyed ones may be (after the boundary a checkpoint signed).
   */
  reason: 'edited' | 'link' | 'unkeyed';
};

/**
 * Recomputes the chain from the first event and reports the first event that does not hold. Unkeyed events (written
 * before the chain was keyed) are accepted only up to `legacyUntil` — the boundary the first signed checkpoint
 * names; without a checkpoint, only before the first keyed event.
 */
export async function verifyTraceChain(
  client: Db,
  opts: { legacyUntil?: bigint } = {},
): Promise<{
  ok: boolean;
  checked: number;
  brokenAt?: bigint;
  reason?: ChainBreak['reason'];
  head?: { id: bigint; hash: string };
}> {
  const key = traceKey();
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  let keyedSeen = false;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: 1000,
    });
    if (rows.length === 0)
      return { ok: true, checked, ...(cursor !== undefined ? { head: { id: cursor, hash: prevHash } } : {}) };
    for (const r of rows) {
      const { id: _id, prevHash: _prev, hash: _hash, keyed, ...stored } = r;
      const broken = (reason: ChainBreak['reason']) => ({ ok: false, checked, brokenAt: r.id, reason });
      if (!keyed && (keyedSeen || (opts.legacyUntil !== undefined && r.id > opts.legacyUntil)))
        return broken('unkeyed');
      keyedSeen ||= keyed;
      if (r.prevHash !== prevHash) return broken('link');
      const expected = eventHash(
        prevHash,
        { ...stored, before: r.before ?? null, after: r.after ?? null },
        keyed ? key : undefined,
      );
      if (r.hash !== expected) return broken('edited');
      prevHash = r.hash;
      checked += 1;
      cursor = r.id;
    }
  }
}
