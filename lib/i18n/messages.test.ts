import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import zh from './messages/zh-CN.json';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
// An argument is "{name}" or "{name, plural …}"; a plural branch's text ("{within the period}") is not one.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]))].sort();
const flat = (o: object) =>
  new Map(
    keys(o).map((k) => [
      k,
      k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string,
    ]),
  );

describe('messages', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it('every text is non-empty and uses the same placeholders in both languages', () => {
    const z = flat(zh);
    for (const [k, v] of flat(en)) {
      expect(v.trim(), k).not.toBe('');
      expect(z.get(k)!.trim(), k).not.toBe('');
      expect(placeholders(v), k).toEqual(placeholders(z.get(k)!));
    }
  });
});

/** The .ts files under a folder (generated code left out). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === 'generated' || n === 'node_modules') return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('trace action labels', () => {
  it('every action the code traces has words on the trace page, in both languages', () => {
    const traced = new Set<string>();
    for (const f of [...sources('lib'), ...sources('app')])
      for (const m of readFileSync(f, 'utf8').matchAll(
        /(?:\baction: |\btrace\([^')]*?)'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g,
      ))
        traced.add(m[1]!);
    expect(traced.size).toBeGreaterThan(50);
    const missing = [...traced].filter((a) => {
      const k = a.replaceAll('.', '_');
      return !(k in zh.actions) || !(k in en.actions);
    });
    expect(missing).toEqual([]);
  });
});
