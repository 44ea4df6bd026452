import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../tests/fixtures/local-services';
import { localStore, s3Store, type FileStore } from './storage';

const key = 'ab'.repeat(32);
const bytes = Buffer.from('会议记录 minutes 2026-11');

async function roundTrip(store: FileStore) {
  await store.put(key, bytes);
  expect(Buffer.compare(await store.get(key), bytes)).toBe(0);
  await expect(store.get('cd'.repeat(32))).rejects.toThrow();
  await expect(store.put('../etc/passwd', bytes)).rejects.toThrow('bad storage key');
}

describe('file stores', () => {
  let dir: string;
  let server: S3rver;
  let port: number;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wubiao-store-'));
    // A real S3-compatible server on loopback, not a mock of the SDK.
    ({ server, port } = await startS3(dir, 'wubiao-test'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('local disk keeps and returns the bytes by key', () => roundTrip(localStore(path.join(dir, 'local'))));

  it('an S3-compatible bucket keeps and returns the same bytes by key', () =>
    roundTrip(
      s3Store({
        bucket: 'wubiao-test',
        endpoint: `http://127.0.0.1:${port}`,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      }),
    ));
});
