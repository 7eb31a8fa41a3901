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

/**
 * The page and data cache shared by several app servers (lib/cache/redis-cache-handler.mjs), against a
 * real Redis of the test's own, which the test stops and starts again. The two-server and nginx journeys
 * are in tests/cluster.
 */
let redis: TestRedis;
let distDir: string;
const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_CACHE_PREFIX: process.env.REDIS_CACHE_PREFIX };

function buildDir(buildId: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-build-'));
  fs.writeFileSync(path.join(dir, 'BUILD_ID'), buildId);
  fs.mkdirSync(path.join(dir, 'server'));
  return path.join(dir, 'server');
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
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
  process.env.REDIS_URL = redis.url;
  process.env.REDIS_CACHE_PREFIX = `test-${process.pid}:`;
  distDir = buildDir('build-one');
});

afterEach(async () => {
  await disconnectSharedCache();
  await redis.start();
});

afterAll(async () => {
  await disconnectSharedCache();
  await redis.stop();
  process.env.REDIS_URL = saved.REDIS_URL;
  process.env.REDIS_CACHE_PREFIX = saved.REDIS_CACHE_PREFIX;
});

describe('the shared page cache', () => {
  it('gives back a page with its RSC payload and segments as it was stored', async () => {
    const h = await handler();
    await h.set('/products/gobi', page('<p>Gobi</p>', '_N_T_/products/gobi,product:gobi'), {});
    const hit = (await h.get('/products/gobi', {})) as { value: ReturnType<typeof page>; lastModified: number };
    expect(hit.value.html).toBe('<p>Gobi</p>');
    expect(Buffer.isBuffer(hit.value.rscData)).toBe(true);
    expect(hit.value.rscData.toString()).toBe('rsc:<p>Gobi</p>');
    expect(hit.value.segmentData.get('/_tree')?.toString()).toBe('tree');
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
    await h.set('catalog-page-1', data, { tags: ['products'] });
    expect(await h.get('catalog-page-1', { tags: ['products'], softTags: ['_N_T_/products'] })).not.toBeNull();
    await h.revalidateTag('_N_T_/products');
    expect(await h.get('catalog-page-1', { tags: ['products'], softTags: ['_N_T_/products'] })).toBeNull();
    await h.set('catalog-page-2', data, { tags: ['products'] });
    await h.revalidateTag('products');
    expect(await h.get('catalog-page-2', { tags: [], softTags: [] })).toBeNull();
  });

  it('does not trust an entry stored just after a change: its render may have read the data before it', () => {
    const writtenAt = 1_000_000;
    expect(isOutdated(writtenAt, [String(writtenAt - RENDER_GRACE_MS + 1)])).toBe(true);
    expect(isOutdated(writtenAt, [String(writtenAt - RENDER_GRACE_MS)])).toBe(false);
    expect(isOutdated(writtenAt, [null, undefined])).toBe(false);
    expect(isOutdated(writtenAt, [Buffer.from(String(writtenAt + 5))])).toBe(true);
  });

  it('never serves an entry of another build', async () => {
    const one = await handler();
    await one.set('/', page('home of build one', '_N_T_/'), {});
    const two = new RedisCacheHandler({ serverDistDir: buildDir('build-two') });
    expect(await two.get('/', {})).toBeNull();
    expect(await one.get('/', {})).not.toBeNull();
  });

  it('treats an unreadable entry as a miss', () => {
    expect(decodeEntry(Buffer.from('not gzip'))).toBeNull();
    expect(decodeEntry(encodeEntry({ value: 1, lastModified: 5, tags: ['a'] }))).toEqual({ value: 1, lastModified: 5, tags: ['a'] });
  });
});

describe('when Redis goes away', () => {
  it('misses at once, drops writes, reports degraded, and catches up on the changes when Redis is back', async () => {
    const h = await handler();
    await h.set('/products/altai', page('cached', '_N_T_/products/altai,product:altai'), {});
    await redis.stop();
    await until(() => sharedCacheHealth() === 'degraded');

    const started = Date.now();
    expect(await h.get('/products/altai', {})).toBeNull();
    await h.set('/products/altai', page('during the outage', 'product:altai'), {});
    await h.revalidateTag(['product:altai']);
    expect(Date.now() - started).toBeLessThan(2_000);

    await redis.start();
    await until(() => sharedCacheHealth() === 'shared', 15_000);
    // The change made while Redis was away reached it when it came back.
    const check = createClient({ url: redis.url });
    await check.connect();
    try {
      await until(async () => (await check.hGet(`${process.env.REDIS_CACHE_PREFIX}tags`, 'product:altai')) !== null);
    } finally {
      await check.destroy();
    }
    await h.set('/products/altai', page('after', 'product:altai'), {});
    // Written after the grace period the entry is served again; within it, it is not trusted yet.
    expect(await h.get('/products/altai', {})).toBeNull();
  });

  it('never stops a page for a Redis that was never there', async () => {
    await redis.stop();
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
