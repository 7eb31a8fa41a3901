import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import RedisCacheHandler, {
  decodeEntry,
  disconnectSharedCache,
  encodeEntry,
  isOutdated,
  RENDER_GRACE_MS,
  settingsFrom,
} from '@/lib/cache/redis-cache-handler.mjs';
import { sharedCacheHealth } from '@/lib/cache/shared-cache-status';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * The page and data cache shared by several app servers (lib/cache/redis-cache-handler.mjs), against a
 * real Redis of the test's own, reached through a TCP proxy the test cuts (Redis keeps its data: a network
 * outage) and a server it freezes (a stalled Redis). The two-server and nginx journeys are in
 * tests/e2e/cluster.spec.ts.
 */
let redis: TestRedis;
let link: TcpProxy;
let distDir: string;
const PREFIX = `test-${process.pid}:`;
const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_CACHE_PREFIX: process.env.REDIS_CACHE_PREFIX };

function buildDir(buildId: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-build-'));
  fs.writeFileSync(path.join(dir, 'BUILD_ID'), buildId);
  fs.mkdirSync(path.join(dir, 'server'));
  return path.join(dir, 'server');
}

async function until(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A client of the test's own, straight to Redis (not through the proxy). */
const directClient = () => createClient({ url: redis.url });
async function direct<T>(run: (client: ReturnType<typeof directClient>) => Promise<T>): Promise<T> {
  const client = directClient();
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.destroy();
  }
}

const page = (html: string, tags: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
  postponed: undefined,
});

async function handler(serverDistDir = distDir) {
  const h = new RedisCacheHandler({ serverDistDir });
  await until(() => sharedCacheHealth() === 'shared');
  return h;
}

beforeAll(async () => {
  redis = await startTestRedis();
  link = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
  process.env.REDIS_URL = `redis://127.0.0.1:${link.port}`;
  process.env.REDIS_CACHE_PREFIX = PREFIX;
  distDir = buildDir('build-one');
});

afterEach(async () => {
  await disconnectSharedCache();
  link.restore();
  redis.resume();
});

afterAll(async () => {
  await disconnectSharedCache();
  await link.close();
  await redis.stop();
  process.env.REDIS_URL = saved.REDIS_URL;
  process.env.REDIS_CACHE_PREFIX = saved.REDIS_CACHE_PREFIX;
});

describe('the shared page cache', () => {
  it('gives back a page with its RSC payload, segments and lifetime as it was stored', async () => {
    const h = await handler();
    await h.set('/products/gobi', page('<p>Gobi</p>', '_N_T_/products/gobi,product:gobi'), { cacheControl: { revalidate: 300, expire: undefined } });
    const hit = (await h.get('/products/gobi', {})) as { value: ReturnType<typeof page>; lastModified: number; cacheControl: unknown };
    expect(hit.value.html).toBe('<p>Gobi</p>');
    expect(Buffer.isBuffer(hit.value.rscData)).toBe(true);
    expect(hit.value.rscData.toString()).toBe('rsc:<p>Gobi</p>');
    expect(hit.value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(hit.cacheControl).toEqual({ revalidate: 300 });
    expect(hit.lastModified).toBeLessThanOrEqual(Date.now());
    expect(await h.get('/products/other', {})).toBeNull();
  });

  it('misses on every server once one of the entry’s tags is revalidated on any server', async () => {
    const a = await handler();
    const b = new RedisCacheHandler({ serverDistDir: distDir });
    await a.set('/products/khangai', page('old price', '_N_T_/products/khangai,product:khangai'), {});
    await a.set('/products/tuul', page('other', '_N_T_/products/tuul,product:tuul'), {});
    await b.revalidateTag(['product:khangai']);
    expect(await a.get('/products/khangai', {})).toBeNull();
    expect(await b.get('/products/khangai', {})).toBeNull();
    // Another product's page is untouched.
    expect(await a.get('/products/tuul', {})).not.toBeNull();
  });

  it('expires data calls by their own tags and by the soft (path) tags the request brings', async () => {
    const h = await handler();
    const data = { kind: 'FETCH', data: { body: '[1,2]', headers: {}, status: 200, url: '' }, revalidate: 300 };
    await h.set('catalog-page-1', data, { tags: ['products-a'] });
    expect(await h.get('catalog-page-1', { tags: ['products-a'], softTags: ['_N_T_/products-a'] })).not.toBeNull();
    await h.revalidateTag('_N_T_/products-a');
    expect(await h.get('catalog-page-1', { tags: ['products-a'], softTags: ['_N_T_/products-a'] })).toBeNull();
    await h.set('catalog-page-2', data, { tags: ['products-b'] });
    await h.revalidateTag('products-b');
    expect(await h.get('catalog-page-2', { tags: [], softTags: [] })).toBeNull();
  });

  it('judges an entry by when its render began, with a second of room for the servers’ clocks', () => {
    const renderBegan = 1_000_000;
    expect(isOutdated(renderBegan, [String(renderBegan - RENDER_GRACE_MS + 1)])).toBe(true);
    expect(isOutdated(renderBegan, [String(renderBegan - RENDER_GRACE_MS)])).toBe(false);
    expect(isOutdated(renderBegan, [null, undefined])).toBe(false);
    expect(isOutdated(renderBegan, [Buffer.from(String(renderBegan + 5))])).toBe(true);
  });

  it('never serves an entry of another build', async () => {
    const one = await handler();
    await one.set('/', page('home of build one', '_N_T_/'), {});
    const two = new RedisCacheHandler({ serverDistDir: buildDir('build-two') });
    expect(await two.get('/', {})).toBeNull();
    expect(await one.get('/', {})).not.toBeNull();
  });

  it('treats an unreadable entry as a miss', async () => {
    expect(await decodeEntry(Buffer.from('not gzip'))).toBeNull();
    expect(await decodeEntry(await encodeEntry({ value: 1, lastModified: 5, tags: ['a'] }))).toEqual({ value: 1, lastModified: 5, tags: ['a'] });
  });

  it('keeps a tag’s time only ever moving forward, and only as long as an entry can live', async () => {
    const h = await handler();
    await h.revalidateTag('forward');
    const first = Number(await direct((c) => c.get(`${PREFIX}tag:forward`)));
    await direct((c) => c.set(`${PREFIX}tag:forward`, String(first + 60_000)));
    await h.revalidateTag('forward');
    expect(Number(await direct((c) => c.get(`${PREFIX}tag:forward`)))).toBe(first + 60_000);
    const ttl = await direct((c) => c.ttl(`${PREFIX}tag:forward`));
    expect(ttl === -1 || ttl > 86_400).toBe(true);
  });
});

describe('when Redis cannot be reached', () => {
  it('misses at once, drops writes, reports degraded, and catches up on the changes when Redis is back', async () => {
    const h = await handler();
    await h.set('/products/altai', page('cached before', '_N_T_/products/altai,product:altai'), {});
    await h.set('/products/orkhon', page('untouched', '_N_T_/products/orkhon,product:orkhon'), {});
    link.cut();
    await until(() => sharedCacheHealth() === 'degraded');

    const started = Date.now();
    expect(await h.get('/products/orkhon', {})).toBeNull();
    await h.set('/products/altai', page('during the outage', 'product:altai'), {});
    await h.revalidateTag(['product:altai']);
    expect(Date.now() - started).toBeLessThan(2_000);

    link.restore();
    await until(() => sharedCacheHealth() === 'shared');
    // Redis kept its entries; the change made while it was away reached it before anything was served.
    const back = new RedisCacheHandler({ serverDistDir: distDir });
    expect(await back.get('/products/altai', {})).toBeNull();
    expect(((await back.get('/products/orkhon', {})) as { value: { html: string } }).value.html).toBe('untouched');
  });

  it('does not hang on a Redis that stops answering on an open connection, and recovers when it answers again', async () => {
    const h = await handler();
    await h.set('/products/selenge', page('cached', '_N_T_/products/selenge,product:selenge'), {});
    redis.pause();
    const started = Date.now();
    expect(await h.get('/products/selenge', {})).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(sharedCacheHealth()).toBe('degraded');
    // While it is degraded, nothing waits on Redis at all.
    const again = Date.now();
    await h.set('/products/selenge', page('not stored', 'product:selenge'), {});
    expect(await h.get('/products/selenge', {})).toBeNull();
    expect(Date.now() - again).toBeLessThan(200);
    redis.resume();
    await until(() => sharedCacheHealth() === 'shared');
    expect(((await h.get('/products/selenge', {})) as { value: { html: string } }).value.html).toBe('cached');
  });

  it('stays shared when Redis refuses one write (out of memory): only that entry is not stored', async () => {
    const h = await handler();
    await h.set('/small', page('small', 'small'), {});
    await direct(async (c) => {
      await c.configSet({ maxmemory: '1', 'maxmemory-policy': 'noeviction' });
    });
    try {
      await h.set('/large', page('x'.repeat(500_000), 'large'), {});
      expect(sharedCacheHealth()).toBe('shared');
      expect(await h.get('/large', {})).toBeNull();
    } finally {
      await direct(async (c) => {
        await c.configSet({ maxmemory: '0' });
      });
    }
    expect(((await h.get('/small', {})) as { value: { html: string } }).value.html).toBe('small');
  });

  it('never stops a page for a Redis that was never there', async () => {
    link.cut();
    const h = new RedisCacheHandler({ serverDistDir: distDir });
    expect(await h.get('/', {})).toBeNull();
    await expect(h.set('/', page('x', ''), {})).resolves.toBeUndefined();
    await expect(h.revalidateTag('products')).resolves.toBeUndefined();
    expect(sharedCacheHealth()).toBe('degraded');
  });
});

describe('its settings', () => {
  it('are off without REDIS_URL and refuse a URL that is not Redis, in words', () => {
    expect(settingsFrom({})).toBeNull();
    expect(() => settingsFrom({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => settingsFrom({ REDIS_URL: 'redis://x', REDIS_CACHE_TIMEOUT_MS: 'soon' })).toThrow(/REDIS_CACHE_TIMEOUT_MS/);
    expect(settingsFrom({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'steppe-wool:',
      timeoutMs: 250,
      ttlSeconds: 86_400,
    });
  });
});
