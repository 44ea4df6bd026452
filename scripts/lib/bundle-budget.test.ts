import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { overBudget, routeSizes } from './bundle-budget';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A pretend build: chunks of incompressible bytes, and the stats file naming which route loads which. */
async function build(routes: Record<string, string[]>, chunkBytes: Record<string, number>) {
  const root = await mkdtemp(path.join(tmpdir(), 'wb-bundle-'));
  dirs.push(root);
  await mkdir(path.join(root, '.next', 'diagnostics'), { recursive: true });
  await mkdir(path.join(root, '.next', 'static', 'chunks'), { recursive: true });
  for (const [name, n] of Object.entries(chunkBytes))
    await writeFile(path.join(root, '.next', 'static', 'chunks', name), randomBytes(n));
  const stats = Object.entries(routes).map(([route, chunks]) => ({
    route,
    firstLoadUncompressedJsBytes: 0,
    firstLoadChunkPaths: chunks.map((c) => `.next/static/chunks/${c}`),
  }));
  await writeFile(path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json'), JSON.stringify(stats));
  return root;
}

describe('bundle budget', () => {
  it('sums each route’s chunks gzipped, counting a shared chunk in every route that loads it', async () => {
    const root = await build(
      { '/': ['a.js'], '/big': ['a.js', 'b.js'] },
      { 'a.js': 50_000, 'b.js': 150_000 },
    );
    const sizes = await routeSizes(root);
    expect(sizes.map((s) => s.route)).toEqual(['/big', '/']);
    // Random bytes do not compress: gzip adds its framing, so each size is a little over the raw bytes.
    expect(sizes[1]!.gzipBytes).toBeGreaterThan(50_000 + gzipSync(Buffer.alloc(0)).length);
    expect(sizes[0]!.gzipBytes).toBeGreaterThan(200_000);
    expect(overBudget(sizes, 180).map((s) => s.route)).toEqual(['/big']);
    expect(overBudget(sizes, 250)).toEqual([]);
  });

  it('counts gzip bytes, not raw bytes: a repetitive chunk is small', async () => {
    const root = await build({ '/': ['a.js'] }, { 'a.js': 10 });
    await writeFile(path.join(root, '.next', 'static', 'chunks', 'a.js'), 'x'.repeat(400_000));
    const [s] = await routeSizes(root);
    expect(s!.gzipBytes).toBeLessThan(5_000);
  });

  it('fails loudly on a build without the stats file', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'wb-bundle-'));
    dirs.push(root);
    await expect(routeSizes(root)).rejects.toThrow();
  });
});
