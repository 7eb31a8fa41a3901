import type { Db } from './db';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  latencyMs: number;
}

/** Whether the store can serve: the database answers a trivial query within the time allowed. */
export async function checkHealth(db: () => Db, timeoutMs = 2000): Promise<HealthReport> {
  const started = performance.now();
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error('database timed out')), timeoutMs).unref())]);
    return { ok: true, database: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, database: 'down', latencyMs: Math.round(performance.now() - started) };
  }
}
