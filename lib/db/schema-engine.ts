/**
 * Prisma's schema engine, compiled to WebAssembly and driven through the pg driver adapter.
 * Prisma's CLI would download a native engine, which this network cannot reach; the WASM build
 * ships inside an npm package, applies the normal migration folders and keeps `_prisma_migrations`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
export const SCHEMA_FILE = path.resolve(process.cwd(), 'prisma/schema.prisma');
const noFilters = { externalTables: [], externalEnums: [] };

// The bindings module is a singleton: instantiate the WASM once per process and reuse it.
let engineModule: Promise<typeof import('@prisma/schema-engine-wasm')> | undefined;
function loadEngineModule() {
  engineModule ??= instantiateEngine();
  return engineModule;
}

async function instantiateEngine() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgPath);
  const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg as typeof import('@prisma/schema-engine-wasm');
}

type ScriptAdapter = { client: { query: (sql: string) => Promise<unknown> }; onError: (e: unknown) => never };

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks dollar-quoted
 * function bodies (our append-only trigger). Send the whole script as one simple-protocol query
 * instead: PostgreSQL then runs it as one implicit transaction, so a migration applies whole or not at all.
 */
function wholeScriptFactory(connectionString: string): PrismaPg {
  const base = new PrismaPg({ connectionString });
  const patch = <A extends object>(adapter: A): A => {
    const a = adapter as unknown as ScriptAdapter & { executeScript: (s: string) => Promise<void> };
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return adapter;
  };
  const factory = Object.create(base) as PrismaPg;
  factory.connect = async () => patch(await base.connect());
  factory.connectToShadowDb = async () => patch(await base.connectToShadowDb());
  return factory;
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(databaseUrl));
  const log = (msg: string) => {
    if (process.env.MIGRATE_DEBUG) console.error('[schema-engine]', msg);
  };
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_FILE, schema]] }, log, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Reads prisma/migrations the way Prisma's CLI does. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    names = [];
  }
  const migrationDirectories = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isDirectory()) continue;
    const sqlPath = path.join(full, 'migration.sql');
    let content: { tag: 'ok'; value: string } | { tag: 'error'; value: string };
    try {
      content = { tag: 'ok', value: await readFile(sqlPath, 'utf8') };
    } catch (e) {
      content = { tag: 'error', value: String(e) };
    }
    migrationDirectories.push({ path: name, migrationFile: { path: 'migration.sql', content } });
  }
  let lock: string | null = null;
  try {
    lock = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8');
  } catch {
    lock = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrations();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database from `fromSchema` (a schema.prisma text, or null for empty) to the
 * current prisma/schema.prisma. Empty string when they agree.
 */
export async function diffSchemas(databaseUrl: string, fromSchema: string | null): Promise<string> {
  const current = await readFile(SCHEMA_FILE, 'utf8');
  return withSchemaEngine(databaseUrl, async (engine) => {
    const from =
      fromSchema === null
        ? { tag: 'empty' as const }
        : { tag: 'schemaDatamodel' as const, files: [{ path: 'from.prisma', content: fromSchema }] };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: current }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (result as unknown as { stdout?: string }).stdout ?? '';
  });
}
