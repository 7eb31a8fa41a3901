// @ts-check
/**
 * Next's page and data cache (ISR pages, route handlers, unstable_cache) in Redis, shared by every app
 * server, when REDIS_URL is set (next.config.ts). Plain JavaScript because `next start` imports it by
 * path at run time; `// @ts-check` and the JSDoc types keep it strict.
 *
 * Why not @fortedigital/nextjs-cache-handler: it requires Node.js 22 (this shop runs on 20).
 *
 * The rules:
 * - An entry is stored with its tags (the page's x-next-cache-tags, the data call's tags) and the time its
 *   render began (Next makes one handler per request, so the handler's birth is at or before it).
 *   `revalidateTag` / `updateTag` / `revalidatePath` on any server write the tag's time into a key of its
 *   own (kept as long as an entry can live, only ever moved forward); an entry whose tags were revalidated
 *   after its render began (less RENDER_GRACE_MS for the servers' clocks) is a miss on every server, so
 *   the next request renders it afresh.
 * - Entries are keyed by build: a new deploy never serves pages that point at the old build's scripts.
 * - Redis is a cache, never a dependency. Every command has a deadline of its own (a Redis that stops
 *   answering on an open connection would otherwise hold the page); a missed deadline or a lost
 *   connection marks the cache degraded and starts a new connection. Meanwhile gets are misses (pages are
 *   rendered, uncached), sets are dropped, and tag revalidations are kept in memory and written when Redis
 *   is back, so no server keeps serving what changed meanwhile. An error Redis answers with (out of
 *   memory, say) drops that one write and changes nothing else. The status is on globalThis for
 *   /api/health (lib/cache/shared-cache-status.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { createClient, ErrorReply, RESP_TYPES } from 'redis';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Symbol.for, so lib/cache/shared-cache-status.ts reads the same object from Next's bundles. */
const STATE = Symbol.for('steppe-wool.shared-cache');
const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** Room for the servers' clocks to differ (they should run NTP). */
export const RENDER_GRACE_MS = 1_000;
/** A handler older than this was not made for one request: its birth says nothing of a render's start. */
const HANDLER_LIFETIME_MS = 60_000;
/** Moves each tag's time forward only: a late flush from a server cut off from Redis never moves it back. */
const REVALIDATE_SCRIPT = `for i, key in ipairs(KEYS) do
  local at = tonumber(ARGV[i])
  local current = tonumber(redis.call('GET', key) or '0')
  if current < at then redis.call('SET', key, ARGV[i], 'EX', ARGV[#ARGV]) end
end
return #KEYS`;

/**
 * @typedef {{ url: string, prefix: string, timeoutMs: number, ttlSeconds: number }} Settings
 * @typedef {'connecting' | 'up' | 'down' | 'off'} Status
 * @typedef {{ status: Status, since: number, lastError: string | null, pendingTags: Map<string, number>, client: any, settings: Settings | null, buildIds: Map<string, string> }} State
 * @typedef {{ value: unknown, lastModified: number, tags: string[], cacheControl?: unknown }} Entry
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
  return (g[STATE] ??= { status: 'off', since: Date.now(), lastError: null, pendingTags: new Map(), client: null, settings: null, buildIds: new Map() });
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
    commandOptions: { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } },
  });
  s.client = client;
  mark(s, 'connecting');
  client.on('ready', () => {
    if (s.client !== client) return;
    // Up only once the changes made while Redis was away are written: no get sees the old entries first.
    void flushPendingTags(s).then((ok) => ok && s.client === client && mark(s, 'up'));
  });
  client.on('error', (/** @type {unknown} */ e) => {
    if (s.client === client) mark(s, s.status === 'off' ? 'off' : 'down', e);
  });
  client.on('end', () => {
    if (s.client === client) mark(s, 'down');
  });
  client.connect().catch((/** @type {unknown} */ e) => {
    if (s.client === client) mark(s, 'down', e);
  });
  return s;
}

/**
 * A command that missed its deadline: the connection may be stalled (a paused or overloaded Redis keeps the
 * socket open), so it is dropped and a new one made; until it is ready, the cache is bypassed.
 * @param {State} s
 * @param {unknown} error
 */
function reconnect(s, error) {
  const old = s.client;
  const settings = s.settings;
  mark(s, 'down', error);
  s.client = null;
  if (old) void Promise.resolve(old.destroy()).catch(() => {});
  if (settings) connectSharedCache(settings);
}

/**
 * Runs one Redis command within the deadline. Redis's own answer of an error (out of memory, say) fails
 * only this command; a missed deadline or a lost connection degrades the cache.
 * @template T
 * @param {State} s
 * @param {(client: any) => Promise<T>} command
 * @returns {Promise<T>}
 */
async function run(s, command) {
  const client = s.client;
  const deadline = s.settings?.timeoutMs ?? 250;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${deadline} ms`)), deadline);
    timer.unref();
  });
  try {
    return /** @type {T} */ (await Promise.race([command(client), late]));
  } catch (e) {
    if (e instanceof ErrorReply) console.warn(`[cache] Redis refused a command: ${e.message}`);
    else if (s.client === client) reconnect(s, e);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes this process's connection (tests). */
export async function disconnectSharedCache() {
  const s = state();
  const client = s.client;
  s.client = null;
  s.settings = null;
  mark(s, 'off');
  s.pendingTags.clear();
  if (client) await Promise.resolve(client.destroy()).catch(() => {});
}

/**
 * Writes the tag times kept while Redis was away. Returns whether they are all written.
 * @param {State} s
 */
async function flushPendingTags(s) {
  const settings = s.settings;
  if (s.pendingTags.size === 0 || !settings) return true;
  const pending = [...s.pendingTags];
  try {
    await run(s, (client) =>
      client.eval(REVALIDATE_SCRIPT, {
        keys: pending.map(([tag]) => tagKey(settings, tag)),
        arguments: [...pending.map(([, at]) => String(at)), String(settings.ttlSeconds + 60)],
      }),
    );
    for (const [tag, at] of pending) if (s.pendingTags.get(tag) === at) s.pendingTags.delete(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each tag's latest revalidation, in a key of its own that lives as long as an entry can (bounded).
 * @param {Settings} settings
 * @param {string} tag
 */
const tagKey = (settings, tag) => `${settings.prefix}tag:${tag}`;

/**
 * @param {State} s
 * @param {string} serverDistDir
 */
function buildIdOf(s, serverDistDir) {
  let id = s.buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {
      id = 'unbuilt';
    }
    s.buildIds.set(serverDistDir, id);
  }
  return id;
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
export const encodeEntry = (entry) => gzipAsync(JSON.stringify(entry, replacer), { level: 1 });
/**
 * @param {Buffer} raw
 * @returns {Promise<Entry | null>}
 */
export async function decodeEntry(raw) {
  try {
    const entry = JSON.parse((await gunzipAsync(raw)).toString('utf8'), reviver);
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

/** Settings read once per process (a bad value fails the server's start, not every request). */
let processSettings = /** @type {Settings | null | undefined} */ (undefined);

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string }} ctx */
  constructor(ctx) {
    this.createdAt = Date.now();
    if (processSettings === undefined) processSettings = process.env.NEXT_PHASE === 'phase-production-build' ? null : settingsFrom(process.env);
    /** @type {State | null} */
    this.shared = processSettings ? connectSharedCache(processSettings) : null;
    this.buildId = buildIdOf(state(), ctx.serverDistDir ?? '.next/server');
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.shared?.settings?.prefix ?? ''}${this.buildId}:${key}`;
  }

  /** @returns {State | null} */
  ready() {
    const s = this.shared;
    return s && s.status === 'up' && s.client?.isReady ? s : null;
  }

  /**
   * @param {string} key
   * @param {{ tags?: string[], softTags?: string[] }} [ctx]
   */
  async get(key, ctx) {
    const s = this.ready();
    const settings = s?.settings;
    if (!s || !settings) return null;
    try {
      const raw = await run(s, (client) => client.get(this.entryKey(key)));
      if (!raw) return null;
      const entry = await decodeEntry(raw);
      if (!entry) return null;
      const tags = [...new Set([...entry.tags, ...tagsOf(undefined, ctx)])];
      if (tags.length > 0) {
        const times = await run(s, (client) => client.mGet(tags.map((t) => tagKey(settings, t))));
        if (isOutdated(entry.lastModified, times)) return null;
      }
      return { value: entry.value, lastModified: entry.lastModified, ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}) };
    } catch {
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ tags?: string[], softTags?: string[], cacheControl?: unknown }} [ctx]
   */
  async set(key, value, ctx) {
    const s = this.ready();
    const settings = s?.settings;
    if (!s || !settings) return;
    const now = Date.now();
    // The render began at or after this handler was made (one per request); a long-lived handler says nothing.
    const renderedFrom = now - this.createdAt < HANDLER_LIFETIME_MS ? this.createdAt : now;
    /** @type {Entry} */
    const entry = { value, lastModified: renderedFrom, tags: tagsOf(value, ctx), ...(ctx?.cacheControl ? { cacheControl: ctx.cacheControl } : {}) };
    const encoded = await encodeEntry(entry);
    try {
      await run(s, (client) => client.set(this.entryKey(key), encoded, { expiration: { type: 'EX', value: settings.ttlSeconds } }));
    } catch {
      /* not stored: the next request renders again */
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean);
    const s = this.shared;
    if (list.length === 0 || !s?.settings) return;
    const now = Date.now();
    for (const tag of list) s.pendingTags.set(tag, Math.max(now, s.pendingTags.get(tag) ?? 0));
    if (this.ready()) await flushPendingTags(s);
  }

  resetRequestCache() {}
}
