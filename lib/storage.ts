import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * Files (templates, evidence, announcement attachments), content-addressed by SHA-256: same content,
 * same key, so copies of a draft share their files. One interface, two stores: local disk under
 * FILES_DIR (default .data/files), or an S3-compatible bucket when S3_BUCKET is set (MinIO, OSS, COS, …).
 */
export type StoredFile = { key: string; sha256: string; size: number };
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

const checkKey = (key: string) => {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad storage key');
  return key;
};

export function localStore(root: string): FileStore {
  const fileOf = (key: string) => path.join(root, checkKey(key).slice(0, 2), key);
  return {
    async put(key, bytes) {
      await mkdir(path.dirname(fileOf(key)), { recursive: true });
      await writeFile(fileOf(key), bytes);
    },
    get: (key) => readFile(fileOf(key)),
  };
}

export type S3Options = {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
};

/** The bucket settings from the environment (`S3_*`), or null when no bucket is set. */
export function s3OptionsFromEnv(env: NodeJS.ProcessEnv = process.env): S3Options | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || undefined,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : undefined,
  };
}

/** An S3 client for an S3-compatible server (MinIO, OSS, COS, …): path-style when an endpoint is given. */
export function s3Client(o: S3Options) {
  return new S3Client({
    region: o.region ?? 'us-east-1',
    endpoint: o.endpoint,
    forcePathStyle: o.forcePathStyle ?? !!o.endpoint,
    credentials:
      o.accessKeyId && o.secretAccessKey
        ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey }
        : undefined,
    // Many S3-compatible servers do not know the SDK's newer default checksums; send them only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function s3Store(o: S3Options): FileStore {
  const client = s3Client(o);
  return {
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket: o.bucket,
          Key: checkKey(key),
          Body: bytes,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    async get(key) {
      const r = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: checkKey(key) }));
      return Buffer.from(await r.Body!.transformToByteArray());
    },
  };
}

/** The store this process is configured for (read once). */
let configured: FileStore | null = null;
export function fileStore(env = process.env): FileStore {
  if (configured) return configured;
  const s3 = s3OptionsFromEnv(env);
  configured = s3
    ? s3Store(s3)
    : localStore(
        path.resolve(
          /*turbopackIgnore: true*/ env.FILES_DIR ??
            path.join(/*turbopackIgnore: true*/ env.WUBIAO_DATA_DIR ?? '.data', 'files'),
        ),
      );
  return configured;
}

export async function putFile(bytes: Buffer): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await fileStore().put(sha256, bytes);
  return { key: sha256, sha256, size: bytes.length };
}

export function getFile(key: string): Promise<Buffer> {
  return fileStore().get(key);
}
