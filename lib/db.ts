import 'server-only';
import { PrismaClient } from './generated/prisma/client';
import { openAdapter } from './db/adapter';
import { parseDatabaseUrl, type DatabaseTarget } from './db/connection';

export type Db = PrismaClient;
export type { Prisma } from './generated/prisma/client';

export interface DbHandle {
  prisma: PrismaClient;
  target: DatabaseTarget;
  factory: ReturnType<typeof openAdapter>['factory'];
  close: () => Promise<void>;
}

/** Opens a database: a Prisma client on the driver adapter that DATABASE_URL (or `target`) names. */
export function createDb(target: DatabaseTarget = parseDatabaseUrl(process.env.DATABASE_URL)): DbHandle {
  const adapter = openAdapter(target);
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    target,
    factory: adapter.factory,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

// One client per process. Kept on globalThis so dev-mode reloads and duplicated module
// instances never open the embedded data folder twice.
const holder = globalThis as unknown as { __shopDb?: DbHandle };

/** The one Prisma client of this process, created on first use. */
export function db(): PrismaClient {
  holder.__shopDb ??= createDb();
  return holder.__shopDb.prisma;
}

/** Points db() at a handle the caller made (tests give each file its own database). */
export function useDb(handle: DbHandle): void {
  holder.__shopDb = handle;
}
