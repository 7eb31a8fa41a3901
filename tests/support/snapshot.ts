import { ModelName } from '@/lib/generated/prisma/internal/prismaNamespace';
import type { Db } from '@/lib/db';

/**
 * Every row of every table, as one string: equal before and after means a call wrote nothing.
 * `except` leaves out tables a call is meant to write even when refused (e.g. SignInThrottle).
 */
export async function snapshotTables(db: Db, except: string[] = []): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const model of Object.values(ModelName)) {
    if (except.includes(model)) continue;
    const delegate = (db as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    tables[model] = await delegate.findMany();
  }
  return JSON.stringify(tables, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
