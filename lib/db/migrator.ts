import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * Runs Prisma's own schema engine, compiled to WebAssembly, through a driver adapter.
 * The CLI's native engine is a download and does not work offline; this keeps the
 * standard `_prisma_migrations` table and the standard `prisma/migrations/<name>/migration.sql`
 * layout, on PGlite and on PostgreSQL alike.
 */

interface SchemaEngineInstance {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface SchemaEngineModule {
  SchemaEngine: {
    new: (options: unknown, log: (msg: string) => void, adapter: object) => Promise<SchemaEngineInstance>;
  };
}

let enginePromise: Promise<SchemaEngineModule> | null = null;

// The package targets bundlers (it imports the .wasm as a module); in Node we instantiate it by hand.
function loadEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const pkgDir = path.dirname(bgPath);
    const bg = (await import(pathToFileURL(bgPath).href)) as Record<string, unknown> & {
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    };
    const bytes = await fs.readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg as unknown as SchemaEngineModule;
  })();
  return enginePromise;
}

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');

async function readMigrations(dir: string) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lock = await fs.readFile(lockPath, 'utf8').catch(() => null);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => ({
        path: e.name,
        migrationFile: {
          path: 'migration.sql',
          content: await fs
            .readFile(path.join(dir, e.name, 'migration.sql'), 'utf8')
            .then((value) => ({ tag: 'ok' as const, value }))
            .catch((err: Error) => ({ tag: 'error' as const, value: err.message })),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: dir, lockfile: { path: 'migration_lock.toml', content: lock }, shadowDbInitScript: '', migrationDirectories };
}

/**
 * Prisma's pg adapter runs a migration script cut at every ";", which also cuts a function body ($$ … $$, the
 * catalog_counts triggers) and a comment apart. PostgreSQL takes a whole script as one simple query (one
 * implicit transaction), as psql would; PGlite's adapter already runs it whole.
 */
export function wholeScripts(a: SqlDriverAdapter): SqlDriverAdapter {
  if (a.adapterName !== '@prisma/adapter-pg') return a;
  const pgAdapter = a as SqlDriverAdapter & { underlyingDriver?: () => unknown; onError?: (e: unknown) => never };
  const driver = pgAdapter.underlyingDriver?.() as { query?: (sql: string) => Promise<unknown> } | undefined;
  const query = driver?.query?.bind(driver);
  if (!query) return a;
  a.executeScript = async (script: string) => {
    try {
      await query(script);
    } catch (e) {
      if (pgAdapter.onError) pgAdapter.onError(e);
      throw e;
    }
  };
  return a;
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (e: SchemaEngineInstance) => Promise<T>) {
  const mod = await loadEngineModule();
  // The engine opens its own connections (a pool, on PostgreSQL) and holds Prisma's migration
  // advisory lock on them; close them when done so the lock and the sockets are released.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const a = wholeScripts(await factory.connect());
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = wholeScripts(await factory.connectToShadowDb());
      opened.push(a);
      return a;
    },
  };
  const schema = await fs.readFile(SCHEMA_PATH, 'utf8');
  const log = (msg: string) => {
    if (process.env.MIGRATE_DEBUG) console.error('[schema-engine]', msg);
  };
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies every migration not yet applied; returns the names it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR) {
  const migrationsList = await readMigrations(dir);
  const out = await withEngine(factory, (e) => e.applyMigrations({ migrationsList, filters: noFilter }));
  return out.appliedMigrationNames;
}

/** SQL that takes the migrated database to what schema.prisma says (empty when they match). */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR) {
  const schema = await fs.readFile(SCHEMA_PATH, 'utf8');
  const migrations = await readMigrations(dir);
  return withEngine(factory, async (e) => {
    await e.applyMigrations({ migrationsList: migrations, filters: noFilter });
    const result = await e.diff({
      from: { tag: 'schemaDatasource', files: [{ path: SCHEMA_PATH, content: schema }], configDir: path.dirname(SCHEMA_PATH) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  });
}
