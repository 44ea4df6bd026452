import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { type Translator, wordFailure } from '../action-client';
import { PERMISSIONS } from '../policy';
import enMessages from './messages/en.json';
import zh from './messages/zh-CN.json';
import {
  ALL_ERRORS,
  BASE_NAMESPACES,
  mergeMessages,
  pickMessages,
  SECTION_NAMESPACES,
} from './client-messages';

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

/** The files `entry` (whose source is `src`) loads by value: its imports but `import type`, static and dynamic. */
function valueImports(entry: string, src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
    const line = src.slice(src.lastIndexOf('\n', m.index) + 1, m.index);
    if (m[0].startsWith('from') && /import type /.test(line)) continue;
    const file = resolve(entry, m[1]!);
    if (file) out.push(file);
  }
  return out;
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
  // lib/ holds no client components: its modules are not followed.
  for (const file of valueImports(entry, src).filter((f) => !f.startsWith(path.join(ROOT, 'lib'))))
    for (const n of clientNamespaces(file, seen, client)) out.add(n);
  return out;
}

const lookup = (tree: unknown, key: string) =>
  key.split('.').reduce<unknown>((t, p) => (t && typeof t === 'object' ? (t as never)[p] : undefined), tree);

/**
 * The message keys written in the client components reachable from `entry` and in the modules they load,
 * lib's included (a schema's messages): string literals that name a message of the catalogue.
 */
function clientKeys(entry: string, seen = new Set<string>(), inClient = false): Set<string> {
  const out = new Set<string>();
  if (seen.has(entry)) return out;
  seen.add(entry);
  // Comments name modules and keys as examples: they load nothing.
  const src = readFileSync(entry, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const client = inClient || /^'use client'/.test(src);
  if (client)
    for (const m of src.matchAll(/(\w*\(\s*)?['`]([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['`|]/g)) {
      const key = m[2]!;
      // A permission's name may read like a key; a refusal thrown (UserError) leaves through an action, in words.
      if (PERMISSIONS.includes(key as never) || /Error\(\s*$/.test(m[1] ?? '')) continue;
      if (typeof lookup(zh, key) === 'string') out.add(key);
    }
  // Server-only modules and server actions never run in the browser (a client holds only an action's reference).
  for (const file of valueImports(entry, src))
    if (!(client && /^(import 'server-only'|'use server')/m.test(readFileSync(file, 'utf8'))))
      for (const k of clientKeys(file, seen, client)) out.add(k);
  return out;
}

/** A file Next renders for a route: its components are checked where they are used, through its imports. */
const isRouteFile = (f: string) => /[/\\](page|layout|template|error|loading|not-found)\.tsx$/.test(f);

/** The sections whose layouts wrap a file (nested ones after their parent), by its path under the route group. */
function sectionsOf(groupDir: string, file: string): string[] {
  const dir = path.relative(groupDir, path.dirname(file)).split(path.sep).join('/');
  return Object.keys(SECTION_NAMESPACES)
    .filter((s) => dir === s || dir.startsWith(`${s}/`))
    .sort((a, b) => a.length - b.length);
}

describe('client messages', () => {
  it('each section sends every namespace its client components use', () => {
    const missing: string[] = [];
    for (const group of ['(portal)', '(auth)']) {
      const groupDir = path.join(ROOT, 'app', group);
      for (const file of walk(groupDir).filter(isRouteFile)) {
        const sections = sectionsOf(groupDir, file);
        const sent = new Set([...BASE_NAMESPACES, ...sections.flatMap((s) => SECTION_NAMESPACES[s]!)]);
        for (const n of clientNamespaces(file))
          if (!sent.has(n))
            missing.push(
              `${path.relative(ROOT, file)} uses '${n}', not sent to ${sections.at(-1) ?? 'the root'}`,
            );
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
      for (const n of names.filter((x) => x !== ALL_ERRORS)) expect(zh, `${section}: ${n}`).toHaveProperty(n);
    }
    for (const n of BASE_NAMESPACES) expect(zh).toHaveProperty(n);
    // And every layout that names a section names one of the table's.
    for (const group of ['(portal)', '(auth)'])
      for (const file of walk(path.join(ROOT, 'app', group)).filter((f) => f.endsWith('layout.tsx')))
        for (const m of readFileSync(file, 'utf8').matchAll(/section="([^"]+)"/g))
          expect(Object.keys(SECTION_NAMESPACES), path.relative(ROOT, file)).toContain(m[1]);
  });

  it('every message key the browser may put into words reaches the page that shows it', () => {
    // Keys written in a client component or in what it loads (lib's schemas and rules, validated in the
    // browser): each must be in the base or in the section's messages. An action's refusal is not among them: it
    // leaves the server in words (the next test).
    const missing: string[] = [];
    let seen = 0;
    for (const group of ['(portal)', '(auth)']) {
      const groupDir = path.join(ROOT, 'app', group);
      for (const file of walk(groupDir).filter(isRouteFile)) {
        const sections = sectionsOf(groupDir, file);
        const sent = sections.reduce(
          (m, s) => mergeMessages(m, pickMessages(zh, SECTION_NAMESPACES[s]!)),
          pickMessages(zh, BASE_NAMESPACES),
        );
        const section = sections.at(-1);
        for (const key of clientKeys(file)) {
          seen++;
          if (typeof lookup(sent, key) !== 'string')
            missing.push(
              `${path.relative(ROOT, file)} may show '${key}', not sent to ${section ?? 'the root'}`,
            );
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('an action’s refusal leaves the server in words: its key, its fields and the generic errors', () => {
    const t = createTranslator({ locale: 'zh-CN', messages: zh }) as unknown as Translator;
    const r = wordFailure(t, {
      ok: false,
      error: 'orgs.errors.duplicateName',
      params: { name: '第一党小组' },
      fieldErrors: { name: 'validation.tooLong|{"max":100}', other: 'no.such.key' },
    });
    expect(r.error).toBe('orgs.errors.duplicateName');
    expect(r.text).toContain('第一党小组');
    expect(r.text).not.toContain('orgs.errors');
    expect(r.fieldErrors?.name).toContain('100');
    expect(r.fieldErrors?.other).toBe('no.such.key');
    const en = createTranslator({ locale: 'en', messages: enMessages }) as unknown as Translator;
    expect(wordFailure(en, { ok: false, error: 'errors.unexpected', params: { ref: 'ab12' } }).text).toMatch(
      /ab12/,
    );
  });

  it('sends a fraction of the catalogue: namespaces whole, single messages alone, every errors only on demand', () => {
    const picked = pickMessages(zh, [...BASE_NAMESPACES, 'orgs', 'meetings.errors.badTime']);
    expect(picked.orgs).toEqual(zh.orgs);
    expect(picked.meetings).toEqual({ errors: { badTime: zh.meetings.errors.badTime } });
    expect(picked).not.toHaveProperty('nav');
    expect(picked).not.toHaveProperty('people');
    expect(picked.auth).toEqual({ password: zh.auth.password });
    const withErrors = pickMessages(zh, [ALL_ERRORS, 'auth.password']);
    expect(withErrors.people).toEqual({ errors: zh.people.errors });
    expect((withErrors.auth as Record<string, unknown>).password).toEqual(zh.auth.password);
    expect(JSON.stringify(pickMessages(zh, BASE_NAMESPACES)).length).toBeLessThan(
      JSON.stringify(zh).length / 10,
    );
  });

  it('a section’s messages lay over the root’s without changing either', () => {
    const root = { a: { x: '1', y: '2' }, b: '3' };
    const section = { a: { y: '20', z: '30' }, c: '4' };
    expect(mergeMessages(root, section)).toEqual({ a: { x: '1', y: '20', z: '30' }, b: '3', c: '4' });
    expect(root).toEqual({ a: { x: '1', y: '2' }, b: '3' });
  });

  it('keeps a compiled message (the build turns a message with values into an array) whole', () => {
    // As next-intl's precompile writes '现行手册中没有第 {number} 条' and '{count} 行'.
    const compiled = {
      bank: {
        title: '题库',
        import: { errors: { unknownArticle: ['现行手册中没有第 ', ['number'], ' 条'] } },
      },
      orgs: { errors: { rows: [['count'], ' 行'] } },
    } as unknown as Parameters<typeof pickMessages>[0];
    expect(pickMessages(compiled, [ALL_ERRORS])).toEqual({
      bank: { import: { errors: { unknownArticle: ['现行手册中没有第 ', ['number'], ' 条'] } } },
      orgs: { errors: { rows: [['count'], ' 行'] } },
    });
    expect(pickMessages(compiled, ['orgs.errors.rows'])).toEqual({
      orgs: { errors: { rows: [['count'], ' 行'] } },
    });
    const over = { orgs: { errors: { rows: [['count'], ' rows'] } } } as unknown as typeof compiled;
    expect(mergeMessages(compiled, over)).toEqual({
      ...compiled,
      orgs: { errors: { rows: [['count'], ' rows'] } },
    });
  });
});
