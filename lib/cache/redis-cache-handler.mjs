// @ts-check
/**
 * Next's page and data cache (ISR pages, route handlers, unstable_cache) in Redis, shared by every app
 * server, when REDIS_URL is set (next.config.ts). Plain JavaScript because `next start` imports it by
 * path at run time; `// @ts-check` and the JSDoc types keep it strict.
 *
 * Why not @fortedigital/nextjs-cache-handler: it requires Node.js 22 (this shop runs on 20).
 *
 * The rules:
 * - An entry is stored with its tags (the page's x-next-cache-tags, the data call's tags) and the time it
 *   was written. `revalidateTag` / `updateTag` / `revalidatePath` on any server write the tag's time into
 *   one Redis hash; an entry whose tags were revalidated after it was written (less RENDER_GRACE_MS, for
 *   a render that read the database before the change and finished after it) is a miss on every server,
 *   so the next request renders it afresh.
 * - Entries are keyed by build: a new deploy never serves pages that point at the old build's scripts.
 * - Redis is a cache, never a dependency: every command has a short timeout; while Redis is away, gets
 *   are misses (pages are rendered, uncached), sets are dropped, and tag revalidations are kept in memory
 *   and written when Redis is back, so no server keeps serving what changed meanwhile. The status is on
 *   globalThis for /api/health (lib/cache/shared-cache-status.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createClient, RESP_TYPES } from 'redis';

/** Symbol.for, so lib/cache/shared-cache-status.ts reads the same object from Next's bundles. */
const STATE = Symbol.for('steppe-wool.shared-cache');
const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** A render that began this long before it was stored may have read data changed meanwhile. */
export const RENDER_GRACE_MS = 3_000;

/**
 * @typedef {{ url: string, prefix: string, timeoutMs: number, ttlSeconds: number }} Settings
 * @typedef {'connecting' | 'up' | 'down' | 'off'} Status
 * @typedef {{ status: Status, since: number, lastError: string | null, pendingTags: Map<string, number>, client: any, settings: Settings | null }} State
 * @typedef {{ value: unknown, lastModified: number, tags: string[] }} Entry
 */

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Settings | null}
 */
export function settingsFrom(env) {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${url}").`);
  const timeoutMs = Number(env.REDIS_CACHE_TIMEOUT_MS ?? 250);
  const ttlSeconds = Number(env.REDIS_CACHE_TTL_SECONDS ?? 86_400);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 10 || timeoutMs > 10_000)
    throw new Error('REDIS_CACHE_TIMEOUT_MS must be a whole number of milliseconds from 10 to 10000.');
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60) throw new Error('REDIS_CACHE_TTL_SECONDS must be a whole number of seconds, at least 60.');
  return { url, prefix: env.REDIS_CACHE_PREFIX?.trim() || 'steppe-wool:', timeoutMs, ttlSeconds };
}

/** @returns {State} */
function state() {
  const g = /** @type {Record<symbol, State | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[STATE] ??= { status: 'off', since: Date.now(), lastError: null, pendingTags: new Map(), client: null, settings: null });
}

/**
 * @param {State} s
 * @param {Status} status
 * @param {unknown} [error]
 */
function mark(s, status, error) {
  if (s.status !== status) {
    s.status = status;
    s.since = Date.now();
  }
  if (error !== undefined) s.lastError = error instanceof Error ? error.message : String(error);
}

/**
 * Opens the one Redis connection of this process (reconnecting for ever, two seconds apart at most).
 * @param {Settings} settings
 * @returns {State}
 */
export function connectSharedCache(settings) {
  const s = state();
  if (s.client) return s;
  s.settings = settings;
  const client = createClient({
    url: settings.url,
    // A command sent while disconnected fails at once rather than waiting in a queue: a page never
    // waits for Redis to come back.
    disableOfflineQueue: true,
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
    commandOptions: { timeout: settings.timeoutMs, typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } },
  });
  s.client = client;
  mark(s, 'connecting');
  client.on('ready', () => {
    mark(s, 'up');
    void flushPendingTags(s);
  });
  client.on('error', (/** @type {unknown} */ e) => mark(s, s.status === 'up' || s.status === 'connecting' ? 'down' : s.status, e));
  client.on('end', () => mark(s, 'down'));
  client.connect().catch((/** @type {unknown} */ e) => mark(s, 'down', e));
  return s;
}

/** Closes this process's connection (tests). */
export async function disconnectSharedCache() {
  const s = state();
  const client = s.client;
  s.client = null;
  s.settings = null;
  mark(s, 'off');
  s.pendingTags.clear();
  if (client) await client.destroy();
}

/** @param {State} s */
async function flushPendingTags(s) {
  if (s.pendingTags.size === 0 || !s.settings) return;
  const pending = [...s.pendingTags];
  try {
    await s.client.hSet(tagsKey(s.settings), Object.fromEntries(pending.map(([tag, at]) => [tag, String(at)])));
    for (const [tag, at] of pending) if (s.pendingTags.get(tag) === at) s.pendingTags.delete(tag);
  } catch (e) {
    mark(s, 'down', e);
  }
}

/** @param {Settings} settings */
const tagsKey = (settings) => `${settings.prefix}tags`;

/** @param {string} serverDistDir */
function buildIdOf(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

// Buffers and Maps (a page's RSC payload and its segments) survive the JSON round trip.
/**
 * @this {any}
 * @param {string} key
 * @param {unknown} value
 */
function replacer(key, value) {
  const raw = this[key];
  if (raw instanceof Uint8Array) return { __buffer: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  if (raw instanceof Map) return { __map: [...raw.entries()] };
  return value;
}

/**
 * @param {string} _key
 * @param {any} value
 */
function reviver(_key, value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (typeof value.__buffer === 'string') return Buffer.from(value.__buffer, 'base64');
    if (Array.isArray(value.__map)) return new Map(value.__map);
  }
  return value;
}

/** @param {Entry} entry */
export const encodeEntry = (entry) => gzipSync(JSON.stringify(entry, replacer), { level: 1 });
/**
 * @param {Buffer} raw
 * @returns {Entry | null}
 */
export function decodeEntry(raw) {
  try {
    const entry = JSON.parse(gunzipSync(raw).toString('utf8'), reviver);
    return entry && typeof entry.lastModified === 'number' && Array.isArray(entry.tags) ? entry : null;
  } catch {
    return null;
  }
}

/**
 * The tags of a cached value: a page's or route's header, and the data call's own.
 * @param {any} value
 * @param {{ tags?: string[], softTags?: string[] } | undefined} ctx
 */
export function tagsOf(value, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
  const header = value?.headers?.[NEXT_CACHE_TAGS_HEADER];
  if (typeof header === 'string') for (const t of header.split(',')) if (t) tags.add(t);
  if (Array.isArray(value?.tags)) for (const t of value.tags) if (typeof t === 'string') tags.add(t);
  return [...tags];
}

/**
 * Whether an entry written at `lastModified` is older than a revalidation of one of its tags.
 * @param {number} lastModified
 * @param {(string | Buffer | null | undefined)[]} revalidatedAt
 */
export function isOutdated(lastModified, revalidatedAt) {
  return revalidatedAt.some((at) => at != null && Number(String(at)) > lastModified - RENDER_GRACE_MS);
}

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string }} ctx */
  constructor(ctx) {
    const settings = process.env.NEXT_PHASE === 'phase-production-build' ? null : settingsFrom(process.env);
    /** @type {State | null} */
    this.shared = settings ? connectSharedCache(settings) : null;
    this.buildId = buildIdOf(ctx.serverDistDir ?? '.next/server');
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.shared?.settings?.prefix ?? ''}${this.buildId}:${key}`;
  }

  /** @returns {any} */
  ready() {
    const s = this.shared;
    return s && s.status === 'up' && s.client?.isReady ? s.client : null;
  }

  /**
   * @param {string} key
   * @param {{ tags?: string[], softTags?: string[] }} [ctx]
   */
  async get(key, ctx) {
    const client = this.ready();
    if (!client || !this.shared?.settings) return null;
    try {
      const raw = await client.get(this.entryKey(key));
      if (!raw) return null;
      const entry = decodeEntry(raw);
      if (!entry) return null;
      const tags = [...new Set([...entry.tags, ...tagsOf(undefined, ctx)])];
      if (tags.length > 0 && isOutdated(entry.lastModified, await client.hmGet(tagsKey(this.shared.settings), tags))) return null;
      return { value: entry.value, lastModified: entry.lastModified };
    } catch (e) {
      mark(this.shared, 'down', e);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ tags?: string[], softTags?: string[] }} [ctx]
   */
  async set(key, value, ctx) {
    const client = this.ready();
    if (!client || !this.shared?.settings) return;
    try {
      /** @type {Entry} */
      const entry = { value, lastModified: Date.now(), tags: tagsOf(value, ctx) };
      await client.set(this.entryKey(key), encodeEntry(entry), { expiration: { type: 'EX', value: this.shared.settings.ttlSeconds } });
    } catch (e) {
      mark(this.shared, 'down', e);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean);
    const s = this.shared;
    if (list.length === 0 || !s?.settings) return;
    const now = Date.now();
    for (const tag of list) s.pendingTags.set(tag, now);
    if (this.ready()) await flushPendingTags(s);
  }

  resetRequestCache() {}
}
