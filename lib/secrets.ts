/**
 * Keys kept outside the database: the sealing key of second-factor secrets (FACTOR_KEY) and the trace's HMAC key
 * (TRACE_KEY). Each is read from its environment variable; without one, from a file in the data folder, generated
 * there (mode 0600) on first use, as scripts/start.ts does for AUTH_SECRET. Several app instances share one key by
 * setting the variable. A database copy alone then opens no authenticator secret and cannot re-sign an edited trace.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type KeyName = 'FACTOR_KEY' | 'TRACE_KEY';
const FILES: Record<KeyName, string> = { FACTOR_KEY: 'factor-key', TRACE_KEY: 'trace-key' };
const cache = new Map<KeyName, Buffer>();

// Read at run time from the data folder (turbopackIgnore: not files of the build, so the build does not trace the
// whole project into its output).
export const dataDir = () =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.WUBIAO_DATA_DIR ?? '.data');

function loadOrCreate(name: KeyName): string {
  const fromEnv = process.env[name]?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(/*turbopackIgnore: true*/ dataDir(), FILES[name]);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir(), { recursive: true });
    const secret = randomBytes(32).toString('base64');
    // 'wx': two processes starting at once keep the first one's key.
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
    return secret;
  }
}

/** 32 bytes derived from the named key (any length of configured text becomes one fixed-size key). */
export function serverKey(name: KeyName): Buffer {
  let k = cache.get(name);
  if (!k) {
    k = createHash('sha256').update(`wubiao:${name}:`).update(loadOrCreate(name)).digest();
    cache.set(name, k);
  }
  return k;
}
