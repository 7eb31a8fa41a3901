import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseTarget } from './connection';

export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the embedded database (PGlite); a no-op for a PostgreSQL pool, which Prisma closes. */
  close: () => Promise<void>;
}

/**
 * Builds the driver adapter for a target, synchronously so the Prisma client can be created lazily
 * on first use (the build must not open the store's database by importing this module).
 */
export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === 'postgres') {
    // A per-schema search_path lets test runs (and several shops) share one server without colliding.
    const options = target.schema ? `-c search_path="${target.schema.replace(/"/g, '')}"` : undefined;
    const factory = new PrismaPg(
      // A new connection to a server that cannot be reached (packets dropped, not refused) fails within
      // 10 s instead of holding the request for ever: the cart answers 503, nginx the back-soon page. pg-pool
      // also gives up after 10 s waiting for a free connection (a pool exhausted under load answers 503 too).
      // keepAlive lets TCP notice an open connection whose server went silent.
      { connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options, connectionTimeoutMillis: 10_000, keepAlive: true },
      target.schema ? { schema: target.schema } : undefined,
    );
    return { factory, close: async () => {} };
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  // pg_trgm (typo-tolerant search, lib/catalog/search.ts) ships with PGlite as an extension to load.
  const extensions = { pg_trgm };
  const client = target.dataDir ? new PGlite(target.dataDir, { extensions }) : new PGlite({ extensions });
  return {
    factory: new PrismaPGlite(client),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
