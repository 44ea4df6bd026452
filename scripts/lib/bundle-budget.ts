import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every route's first-load JavaScript must fit in this many gzip kilobytes (issue 17). */
export const BUDGET_KB = 180;

export type RouteSize = { route: string; gzipBytes: number; chunks: number };

/**
 * Each route's first-load JavaScript, gzipped, from the build's own list of the chunks a route loads first
 * (.next/diagnostics/route-bundle-stats.json; Next writes only uncompressed sizes, so each chunk is gzipped
 * here, once). Largest first.
 */
export async function routeSizes(root: string): Promise<RouteSize[]> {
  const file = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  const stats = JSON.parse(await readFile(file, 'utf8')) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  if (!Array.isArray(stats) || stats.length === 0) throw new Error(`${file} lists no routes`);
  const gz = new Map<string, number>();
  const sizeOf = async (chunk: string) => {
    let n = gz.get(chunk);
    if (n === undefined) {
      n = gzipSync(await readFile(path.join(root, chunk))).length;
      gz.set(chunk, n);
    }
    return n;
  };
  const out: RouteSize[] = [];
  for (const s of stats) {
    let bytes = 0;
    for (const c of s.firstLoadChunkPaths) bytes += await sizeOf(c);
    out.push({ route: s.route, gzipBytes: bytes, chunks: s.firstLoadChunkPaths.length });
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kb = (bytes: number) => bytes / 1024;

/** The routes over the budget, each with its size, for the failure message. */
export function overBudget(sizes: RouteSize[], budgetKb = BUDGET_KB): RouteSize[] {
  return sizes.filter((s) => kb(s.gzipBytes) > budgetKb);
}
