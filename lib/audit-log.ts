/**
 * 痕迹管理: every write appends an AuditEvent in the same transaction as the write.
 * The table refuses UPDATE/DELETE/TRUNCATE (trigger in the init migration); each event carries the
 * SHA-256 of the previous one, so an edit made around the trigger (by a superuser) breaks the chain
 * and verifyTraceChain() finds it.
 */
import { createHash } from 'node:crypto';
import type { Db, Tx } from './db/client';

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

export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one event to the trace inside `tx`. Call it from every mutation. */
export async function appendTrace(tx: Tx, actor: Actor, input: TraceInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
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
  const hash = eventHash(prevHash, fields);
  return tx.auditEvent.create({
    data: {
      ...fields,
      before: fields.before === null ? undefined : (fields.before as object),
      after: fields.after === null ? undefined : (fields.after as object),
      prevHash,
      hash,
    },
    select: { id: true, hash: true },
  });
}

/** Recomputes the chain from the first event; reports the first event whose hash or link does not hold. */
export async function verifyTraceChain(
  client: Db,
): Promise<{ ok: boolean; checked: number; brokenAt?: bigint }> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: 1000,
    });
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const { id: _id, prevHash: _prev, hash: _hash, ...stored } = r;
      const expected = eventHash(prevHash, { ...stored, before: r.before ?? null, after: r.after ?? null });
      if (r.prevHash !== prevHash || r.hash !== expected) return { ok: false, checked, brokenAt: r.id };
      prevHash = r.hash;
      checked += 1;
      cursor = r.id;
    }
  }
}
