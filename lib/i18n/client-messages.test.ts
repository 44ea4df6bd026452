import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from './messages/zh-CN.json';
import { BASE_NAMESPACES, pickMessages, SECTION_NAMESPACES } from './client-messages';

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(e) && !e.endsWith('.test.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The namespaces the client components reachable from `entry` use (through static and dynamic imports). */
function clientNamespaces(entry: string, seen = new Set<string>(), inClient = false): Set<string> {
  const out = new Set<string>();
  if (seen.has(entry)) return out;
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  const client = inClient || src.startsWith("'use client'");
  if (client) {
    for (const m of src.matchAll(/useTranslations\('([^'.]+)/g)) out.add(m[1]!);
    // A translator of the whole catalogue: the keys it is called with name their namespaces.
    if (src.includes('useTranslations()'))
      for (const m of src.matchAll(/\bt\([`'](\w+)\./g)) if (m[1]! in zh) out.add(m[1]!);
  }
  for (const m of src.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
    if (
      m[0].startsWith('from') &&
      /import type /.test(src.slice(src.lastIndexOf('\n', m.index) + 1, m.index))
    )
      continue;
    const file = resolve(entry, m[1]!);
    // lib/ holds no client components: its modules are not followed.
    if (file && !file.startsWith(path.join(ROOT, 'lib')))
      for (const n of clientNamespaces(file, seen, client)) out.add(n);
  }
  return out;
}

describe('client messages', () => {
  it('each section sends every namespace its client components use', () => {
    const missing: string[] = [];
    for (const group of ['(portal)', '(auth)']) {
      const groupDir = path.join(ROOT, 'app', group);
      for (const file of walk(groupDir)) {
        const rel = path.relative(groupDir, file).split(path.sep);
        const section = rel.length > 1 && !rel[0]!.startsWith('_') ? rel[0]! : null;
        const sent = new Set([...BASE_NAMESPACES, ...(section ? (SECTION_NAMESPACES[section] ?? []) : [])]);
        for (const n of clientNamespaces(file))
          if (!sent.has(n))
            missing.push(`${path.relative(ROOT, file)} uses '${n}', not sent to ${section ?? 'the root'}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('each section with client messages has its layout, and every listed namespace exists', () => {
    for (const [section, names] of Object.entries(SECTION_NAMESPACES)) {
      const layout = ['(portal)', '(auth)']
        .map((g) => path.join(ROOT, 'app', g, section, 'layout.tsx'))
        .find((p) => existsSync(p));
      expect(layout, section).toBeDefined();
      expect(readFileSync(layout!, 'utf8')).toContain(`section="${section}"`);
      for (const n of names) expect(zh, `${section}: ${n}`).toHaveProperty(n);
    }
    for (const n of BASE_NAMESPACES) expect(zh).toHaveProperty(n);
  });

  it('every message key an action or a schema may return reaches every page', () => {
    const base = pickMessages(zh, BASE_NAMESPACES);
    const has = (key: string) =>
      key
        .split('.')
        .reduce<unknown>((t, p) => (t && typeof t === 'object' ? (t as never)[p] : undefined), base);
    const keys = new Set<string>();
    for (const dir of ['lib', 'app'])
      for (const file of walk(path.join(ROOT, dir)))
        for (const m of readFileSync(file, 'utf8').matchAll(
          /(?:msg|UserError|new \w*Error)\(\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g,
        ))
          keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => typeof has(k) !== 'string')).toEqual([]);
  });

  it('sends a fraction of the catalogue: the section’s namespaces whole, the others’ errors only', () => {
    const picked = pickMessages(zh, [...BASE_NAMESPACES, 'orgs']);
    expect(picked.orgs).toEqual(zh.orgs);
    expect(picked.meetings).toEqual({ errors: zh.meetings.errors });
    expect(picked).not.toHaveProperty('nav');
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(zh).length / 2);
  });
});
