import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files (templates, evidence) on local disk, content-addressed by SHA-256 under FILES_DIR
 * (default .data/files). Same content, same key: copies of a draft share their files.
 * An S3-compatible store arrives with the evidence issue behind this same interface.
 */
export type StoredFile = { key: string; sha256: string; size: number };

const root = () => path.resolve(/*turbopackIgnore: true*/ process.env.FILES_DIR ?? path.join(process.env.WUBIAO_DATA_DIR ?? '.data', 'files'));
const fileOf = (key: string) => {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad storage key');
  return path.join(root(), key.slice(0, 2), key);
};

export async function putFile(bytes: Buffer): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = fileOf(sha256);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return { key: sha256, sha256, size: bytes.length };
}

export function getFile(key: string): Promise<Buffer> {
  return readFile(fileOf(key));
}
