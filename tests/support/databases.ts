import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, type Db, type DbHandle } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrator';

/**
 * Every integration test runs against both engines the shop supports: a fresh in-memory PGlite,
 * and a fresh schema on the PostgreSQL server. Locally the server is optional (its tests are
 * skipped with a notice); in CI (CI=true) a missing server fails the run.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgUp = await postgresReachable();
if (!pgUp) {
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; CI must run the PostgreSQL tests.`);
  // Said loudly: PGlite runs one transaction at a time, so without the server every concurrency test
  // (the cart row lock, stock reservation) passes whether the lock is there or not.
  console.warn(
    [
      '',
      '!'.repeat(100),
      `!! PostgreSQL is not reachable at ${TEST_POSTGRES_URL}: running the PGlite half only.`,
      '!! NO LOCK IS TESTED: PGlite runs one transaction at a time, so the concurrency tests (cart row lock,',
      '!! concurrent set and add, stock reservation) pass even with the locks removed. CI runs both engines.',
      '!'.repeat(100),
      '',
    ].join('\n'),
  );
}

export type Engine = 'pglite' | 'postgres';
/**
 * TEST_ENGINES=postgres (or pglite) narrows the run to one engine. The mutation run uses it
 * (scripts/mutation.ts): the server half is the faster one and the only one that tests locks.
 */
const only = process.env.TEST_ENGINES?.split(',').map((e) => e.trim());
export const ENGINES: Engine[] = (pgUp ? (['pglite', 'postgres'] as Engine[]) : (['pglite'] as Engine[])).filter((e) => !only || only.includes(e));
if (ENGINES.length === 0) throw new Error(`TEST_ENGINES=${process.env.TEST_ENGINES} leaves no database to test on (PostgreSQL reachable: ${pgUp}).`);

export interface TestDatabase {
  handle: DbHandle;
  drop: () => Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = createDb({ kind: 'pglite', dataDir: null });
    await applyMigrations(handle.factory);
    return { handle, drop: () => handle.close() };
  }
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const handle = createDb({ kind: 'postgres', url: TEST_POSTGRES_URL, schema });
  await applyMigrations(handle.factory);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    },
  };
}

/** describe() once per engine, with a fresh migrated database for the block: `ctx.db` inside tests. */
export function describeEachDatabase(name: string, body: (ctx: { readonly db: Db; readonly handle: DbHandle; engine: Engine }) => void) {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      const ctx = {
        engine,
        get db() {
          if (!database) throw new Error('database not ready');
          return database.handle.prisma;
        },
        get handle() {
          if (!database) throw new Error('database not ready');
          return database.handle;
        },
      };
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.drop();
      });
      body(ctx);
    });
  }
}
