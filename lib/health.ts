import type { Db } from './db';
import { sharedCacheHealth, type SharedCacheHealth } from './cache/shared-cache-status';
import { within } from './within';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  /** A cache that is away does not make the store unhealthy: pages are still served, rendered uncached. */
  cache: SharedCacheHealth;
  latencyMs: number;
}

/** Whether the store can serve: the database answers a trivial query within the time allowed. */
export async function checkHealth(db: () => Db, timeoutMs = 2000, cache: () => SharedCacheHealth = sharedCacheHealth): Promise<HealthReport> {
  const started = performance.now();
  try {
    await within(db().$queryRaw`SELECT 1`, timeoutMs);
    return { ok: true, database: 'up', cache: cache(), latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, database: 'down', cache: cache(), latencyMs: Math.round(performance.now() - started) };
  }
}
