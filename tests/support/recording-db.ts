import type { Db } from '@/lib/db';

/** The same client, recording every query it sends (model operations and raw SQL alike), for tests of what is asked. */
export function recordingDb(db: Db): { db: Db; log: string[] } {
  const log: string[] = [];
  const recorded = db.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        log.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as Db;
  return { db: recorded, log };
}
