/**
 * What /api/health says about the page cache. With REDIS_URL the pages and data are cached in Redis by
 * lib/cache/redis-cache-handler.mjs, which keeps its connection's status on globalThis under this symbol
 * (Next loads the handler outside the app's bundles, so a module import would see another copy).
 *   - 'local':    no REDIS_URL; each server keeps its own cache on disk (one server, or a demo).
 *   - 'shared':   Redis answers; every server reads and expires the same entries.
 *   - 'degraded': REDIS_URL is set but Redis is away; pages are rendered uncached until it is back.
 */
export type SharedCacheHealth = 'local' | 'shared' | 'degraded';

const STATE = Symbol.for('steppe-wool.shared-cache');

interface HandlerState {
  status: 'connecting' | 'up' | 'down' | 'off';
}

export function sharedCacheHealth(env: Record<string, string | undefined> = process.env, global: object = globalThis): SharedCacheHealth {
  if (!env.REDIS_URL?.trim()) return 'local';
  const state = (global as Record<symbol, HandlerState | undefined>)[STATE];
  return state?.status === 'up' ? 'shared' : 'degraded';
}
