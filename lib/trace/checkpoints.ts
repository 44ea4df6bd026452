/**
 * Signed checkpoints of the trace (issue 16.6), written outside the database: the head event's id and hash, how many
 * events there are up to it, and when — signed with an HMAC under TRACE_KEY. The chain alone shows an edited,
 * inserted or deleted event; it cannot show events cut off its end (the shorter chain is still a chain). A checkpoint
 * can: its head must still be there, with the same hash, and as many events up to it.
 *
 * Where: a folder (TRACE_CHECKPOINT_DIR, default .data/trace-checkpoints), or the S3 bucket under
 * trace-checkpoints/ when S3_BUCKET is set (a bucket with object lock makes them unchangeable too). A scheduled job
 * writes one an hour after checking the whole trace (lib/jobs.ts); `npm run trace:verify` checks everything.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, traceKey, verifyTraceChain, type ChainBreak } from '../audit-log';
import type { Db } from '../db/client';
import { dataDir } from '../secrets';
import { s3Client, s3OptionsFromEnv } from '../storage';

export type Checkpoint = {
  v: 1;
  at: string;
  headId: string;
  headHash: string;
  count: number;
  /** The last event written before the chain was keyed ('0': none); later unkeyed events are refused. */
  legacyUntil: string;
  sig: string;
};

export interface CheckpointStore {
  put(name: string, body: string): Promise<void>;
  list(): Promise<string[]>;
  get(name: string): Promise<string>;
}

const NAME = /^[0-9TZ:.-]+-\d+\.json$/;

export function folderCheckpoints(dir: string): CheckpointStore {
  return {
    async put(name, body) {
      await mkdir(dir, { recursive: true });
      // 'wx': a checkpoint is never overwritten.
      await writeFile(path.join(dir, name), body, { flag: 'wx', mode: 0o640 });
    },
    async list() {
      try {
        return (await readdir(dir)).filter((n) => NAME.test(n)).sort();
      } catch {
        return [];
      }
    },
    get: (name) => readFile(path.join(dir, name), 'utf8'),
  };
}

export function s3Checkpoints(env = process.env): CheckpointStore {
  const o = s3OptionsFromEnv(env)!;
  const client = s3Client(o);
  const Bucket = o.bucket;
  const prefix = 'trace-checkpoints/';
  return {
    async put(name, body) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: prefix + name, Body: body, ContentType: 'application/json' }),
      );
    },
    async list() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const r = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const o of r.Contents ?? []) if (o.Key) names.push(o.Key.slice(prefix.length));
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
      return names.filter((n) => NAME.test(n)).sort();
    },
    async get(name) {
      const r = await client.send(new GetObjectCommand({ Bucket, Key: prefix + name }));
      return r.Body!.transformToString();
    },
  };
}

export function checkpointStore(env = process.env): CheckpointStore {
  if (env.S3_BUCKET) return s3Checkpoints(env);
  return folderCheckpoints(
    path.resolve(
      /*turbopackIgnore: true*/ env.TRACE_CHECKPOINT_DIR ?? path.join(dataDir(), 'trace-checkpoints'),
    ),
  );
}

const signKey = () => createHmac('sha256', traceKey()).update('checkpoint').digest();
function signature(c: Omit<Checkpoint, 'sig'>): string {
  return createHmac('sha256', signKey()).update(canonicalJson(c)).digest('hex');
}
function signatureHolds(c: Checkpoint): boolean {
  const { sig, ...body } = c;
  const a = Buffer.from(signature(body));
  const b = Buffer.from(String(sig));
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TraceProblem =
  | ({ kind: 'chain' } & ChainBreak)
  | { kind: 'checkpoint-forged'; checkpoint: string }
  | { kind: 'truncated'; checkpoint: string; id: bigint }
  | { kind: 'head-changed'; checkpoint: string; id: bigint }
  | { kind: 'count'; checkpoint: string; id: bigint; expected: number; found: number };

export type TraceReport = { ok: boolean; checked: number; checkpoints: number; problems: TraceProblem[] };

async function readAll(store: CheckpointStore) {
  const out: { name: string; c: Checkpoint | null }[] = [];
  for (const name of await store.list()) {
    try {
      out.push({ name, c: JSON.parse(await store.get(name)) as Checkpoint });
    } catch {
      out.push({ name, c: null });
    }
  }
  return out;
}

/**
 * Checks the chain and every checkpoint: each must be signed with the key, its head event still there with the same
 * hash, and as many events up to it as it counted. Lists every problem found (the chain's first break, then each
 * checkpoint's).
 */
export async function verifyTrace(
  client: Db,
  store: CheckpointStore = checkpointStore(),
): Promise<TraceReport> {
  const problems: TraceProblem[] = [];
  const all = await readAll(store);
  const valid: { name: string; c: Checkpoint }[] = [];
  for (const { name, c } of all) {
    if (!c || c.v !== 1 || !signatureHolds(c)) problems.push({ kind: 'checkpoint-forged', checkpoint: name });
    else valid.push({ name, c });
  }
  const legacyUntil = valid.length ? BigInt(valid[0]!.c.legacyUntil) : undefined;
  const chain = await verifyTraceChain(client, { legacyUntil });
  if (!chain.ok) problems.push({ kind: 'chain', id: chain.brokenAt!, reason: chain.reason! });
  for (const { name, c } of valid) {
    const id = BigInt(c.headId);
    if (id === 0n) continue;
    const head = await client.auditEvent.findUnique({ where: { id }, select: { hash: true } });
    if (!head) {
      problems.push({ kind: 'truncated', checkpoint: name, id });
      continue;
    }
    if (head.hash !== c.headHash) problems.push({ kind: 'head-changed', checkpoint: name, id });
    const found = await client.auditEvent.count({ where: { id: { lte: id } } });
    if (found !== c.count) problems.push({ kind: 'count', checkpoint: name, id, expected: c.count, found });
  }
  return { ok: problems.length === 0, checked: chain.checked, checkpoints: all.length, problems };
}

/** Signs and stores a checkpoint of the trace as it is now. */
export async function writeCheckpoint(
  client: Db,
  store: CheckpointStore = checkpointStore(),
  now = new Date(),
): Promise<Checkpoint> {
  const [head, count, firstKeyed, earlier] = await Promise.all([
    client.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true, hash: true } }),
    client.auditEvent.count(),
    client.auditEvent.findFirst({ where: { keyed: true }, orderBy: { id: 'asc' }, select: { id: true } }),
    store.list(),
  ]);
  let legacyUntil: string | undefined;
  // The boundary of the first checkpoint whose signature holds (a planted file is not believed).
  for (const name of earlier) {
    const c = await store
      .get(name)
      .then((t) => JSON.parse(t) as Checkpoint)
      .catch(() => null);
    if (c && c.v === 1 && signatureHolds(c)) {
      legacyUntil = c.legacyUntil;
      break;
    }
  }
  if (legacyUntil === undefined) {
    // The boundary is fixed by the first checkpoint: unkeyed events before the first keyed one, and no more.
    const lastUnkeyed = await client.auditEvent.findFirst({
      where: { keyed: false, ...(firstKeyed ? { id: { lt: firstKeyed.id } } : {}) },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    legacyUntil = String(lastUnkeyed?.id ?? 0n);
  }
  const body: Omit<Checkpoint, 'sig'> = {
    v: 1,
    at: now.toISOString(),
    headId: String(head?.id ?? 0n),
    headHash: head?.hash ?? '',
    count: head ? await client.auditEvent.count({ where: { id: { lte: head.id } } }) : count,
    legacyUntil,
  };
  const c: Checkpoint = { ...body, sig: signature(body) };
  await store.put(`${body.at.replace(/:/g, '-')}-${body.headId}.json`, JSON.stringify(c, null, 2));
  return c;
}

/** One line per problem, naming the event (for the console and the 审计管理员's notice). */
export function describeProblem(p: TraceProblem): string {
  switch (p.kind) {
    case 'chain':
      return {
        edited: `event ${p.id}: its content does not give its hash (edited, or written without the key)`,
        link: `event ${p.id}: does not follow the event before it (an event was deleted or inserted before ${p.id})`,
        unkeyed: `event ${p.id}: unkeyed, after the boundary the first checkpoint signed`,
      }[p.reason];
    case 'checkpoint-forged':
      return `checkpoint ${p.checkpoint}: signature does not hold (forged or changed)`;
    case 'truncated':
      return `event ${p.id}: missing — checkpoint ${p.checkpoint} saw it as the head (the trace was cut short)`;
    case 'head-changed':
      return `event ${p.id}: hash differs from checkpoint ${p.checkpoint}`;
    case 'count':
      return `checkpoint ${p.checkpoint}: ${p.expected} events up to ${p.id}, now ${p.found} (events deleted or inserted)`;
  }
}
