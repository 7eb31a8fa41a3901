import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as http, test, type APIRequestContext, type Browser } from '@playwright/test';
import pg from 'pg';
import { startCluster, type Cluster } from '../../scripts/cluster';
import { freePort, startTestRedis, type TestRedis } from '../support/redis-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { fillAddress } from './support/checkout';
import { hydrated, OWNER, signInAsOwner, SLOW } from './support/staff';

/**
 * The store on several app servers (README "Running on several servers"): two `next start` of the e2e
 * build on one fresh PostgreSQL schema and a Redis of the test's own, behind nginx, started with the
 * same code as `npm run start:cluster` (scripts/cluster.ts). The app servers reach PostgreSQL through a
 * TCP proxy the last test cuts and restores. Needs PostgreSQL, redis-server and nginx (CI installs nginx);
 * elsewhere it is skipped with the reason.
 */
const POSTGRES = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/test';
const missing = ['nginx', 'redis-server'].filter((bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0);
test.skip(missing.length > 0 && !process.env.CI, `needs ${missing.join(' and ')}`);
test.describe.configure({ mode: 'serial' });

const schema = `cluster_${Date.now().toString(36)}`;
let cluster: Cluster;
let redis: TestRedis;
let dbProxy: TcpProxy;
let db: pg.Client;
let A: string;
let B: string;
let N: string;
let stateDir: string;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, values)).rows;
}

async function variantOf(sku: string): Promise<string> {
  const [row] = await sql<{ id: string }>('SELECT id FROM "Variant" WHERE sku = $1', [sku]);
  if (!row) throw new Error(`no variant ${sku}`);
  return row.id;
}

interface CartBody {
  cart: { lines: { variantId: string; quantity: number }[] };
}
const linesOf = async (res: { json(): Promise<unknown> }) => ((await res.json()) as CartBody).cart.lines.map((l) => [l.variantId, l.quantity]);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  db = new pg.Client({ connectionString: POSTGRES });
  await db.connect();
  await db.query(`CREATE SCHEMA "${schema}"`);
  await db.query(`SET search_path TO "${schema}"`);
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/prepare-db.ts'], {
    env: { ...process.env, DATABASE_URL: `${POSTGRES}?schema=${schema}` },
    encoding: 'utf8',
  });
  if (prepared.status !== 0) throw new Error(`prepare-db failed: ${prepared.stderr}`);
  const server = new URL(POSTGRES);
  dbProxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const throughProxy = new URL(POSTGRES);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(dbProxy.port);
  throughProxy.searchParams.set('schema', schema);
  const databaseUrl = throughProxy.href;
  redis = await startTestRedis();
  const ports = [await freePort(), await freePort()];
  cluster = await startCluster({
    ports,
    nginxPort: await freePort(),
    distDir: '.next-e2e',
    databaseUrl,
    redisUrl: redis.url,
    stateDir: (stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-'))),
    env: { PAYMENTS_TEST_MODE: '1' },
  });
  [A, B] = cluster.serverUrls as [string, string];
  N = cluster.nginxUrl;
});

test.afterAll(async () => {
  await cluster?.stop();
  await redis?.stop();
  await dbProxy?.close();
  await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
  await db?.end();
});

/** On a failure: what each server answers now, and the ends of the servers' and nginx's logs. */
async function attachClusterLogs(what: string) {
  const lines: string[] = [what];
  for (const server of [N, A, B]) {
    const res = await fetch(`${server}/products?q=yak`, { signal: AbortSignal.timeout(3_000) }).catch((e: unknown) => e as Error);
    lines.push(res instanceof Error ? `${server}: ${res.message}` : `${server}: ${res.status} ${JSON.stringify(Object.fromEntries(res.headers))}`);
  }
  for (const file of fs.readdirSync(stateDir).filter((f) => f.endsWith('.log'))) {
    const text = fs.readFileSync(path.join(stateDir, file), 'utf8').split('\n').slice(-60).join('\n');
    lines.push(`--- ${file}`, text);
  }
  console.log(lines.join('\n'));
  await test.info().attach('cluster logs', { body: lines.join('\n'), contentType: 'text/plain' });
}

async function page(url: string) {
  const res = await fetch(url);
  return { status: res.status, cache: res.headers.get('x-nextjs-cache'), proxy: res.headers.get('x-cache-status'), html: await res.text() };
}

test('a price changed by staff on server A shows on server B at once and through nginx within 10 s; the staff session works on both', async ({ browser }) => {
  const slug = 'felt-yurt-coasters';
  // Both servers have the page cached before the change.
  for (const server of [A, B]) {
    await page(`${server}/products/${slug}`);
    await expect.poll(async () => (await page(`${server}/products/${slug}`)).cache).toBe('HIT');
  }
  await page(`${N}/products/${slug}`);
  expect((await page(`${N}/products/${slug}`)).proxy).toBe('HIT');
  expect((await page(`${B}/products/${slug}`)).html).toContain('$22.00');

  const staff = await browser.newContext({ baseURL: A });
  const tab = await staff.newPage();
  await signInAsOwner(tab, '/admin/products?q=FYC-SETOF6');
  await tab.getByRole('link', { name: 'Felt Coasters, Set of Six' }).click();
  await hydrated(tab);
  await tab.getByLabel('Price (variant 1)', { exact: true }).fill('23.50');
  await tab.getByRole('button', { name: 'Save product' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible(SLOW);

  const saved = Date.now();
  await expect.poll(async () => (await page(`${B}/products/${slug}`)).html.includes('$23.50'), { timeout: 5_000, intervals: [50] }).toBe(true);
  const onB = Date.now() - saved;
  await expect.poll(async () => (await page(`${N}/products/${slug}`)).html.includes('$23.50'), { timeout: 10_000, intervals: [250] }).toBe(true);
  const throughNginx = Date.now() - saved;
  test.info().annotations.push({ type: 'measured', description: `new price on server B after ${onB} ms, through nginx after ${throughNginx} ms` });
  console.log(`[cluster] new price on server B after ${onB} ms, through nginx after ${throughNginx} ms`);

  // The session made on A is good on B (one database, one secret).
  const onOther = await tab.goto(`${B}/admin`);
  expect(onOther?.status()).toBe(200);
  await expect(tab.getByRole('heading', { level: 1, name: `Hello, ${OWNER.name}` })).toBeVisible();
  await staff.close();
});

test('a cart made on server A is read and changed on server B', async () => {
  const shopper = await http.newContext();
  const coasters = await variantOf('FYC-SETOF6-MIX');
  expect((await shopper.post(`${A}/api/cart/lines`, { data: { variantId: coasters, quantity: 1 } })).status()).toBe(200);
  expect(await linesOf(await shopper.get(`${B}/api/cart`))).toEqual([[coasters, 1]]);
  expect((await shopper.patch(`${B}/api/cart/lines/${coasters}`, { data: { quantity: 3 } })).status()).toBe(200);
  expect(await linesOf(await shopper.get(`${A}/api/cart`))).toEqual([[coasters, 3]]);
  await shopper.dispose();
});

test('through nginx, pages come from its cache but carts never do, and no shopper sees another’s cart', async () => {
  const [one, two] = [await http.newContext(), await http.newContext()];
  const coasters = await variantOf('FYC-SETOF6-MIX');
  expect((await one.post(`${N}/api/cart/lines`, { data: { variantId: coasters, quantity: 2 } })).status()).toBe(200);
  for (let i = 0; i < 2; i++) {
    const mine = await one.get(`${N}/api/cart`);
    expect(mine.headers()['x-cache-status']).toBeUndefined();
    expect(await linesOf(mine)).toEqual([[coasters, 2]]);
    const theirs = await two.get(`${N}/api/cart`);
    expect(await linesOf(theirs)).toEqual([]);
    // The cart page and checkout are rendered for each shopper, never stored.
    const mineInPage = await one.get(`${N}/cart`);
    expect(mineInPage.headers()['x-cache-status'] ?? 'none').not.toBe('HIT');
    expect(await mineInPage.text()).toContain('Felt Coasters, Set of Six');
    const cartPage = await two.get(`${N}/cart`);
    expect(cartPage.headers()['x-cache-status'] ?? 'none').not.toBe('HIT');
    expect(await cartPage.text()).not.toContain('Felt Coasters, Set of Six');
    const checkout = await one.get(`${N}/checkout`);
    expect(checkout.headers()['x-cache-status']).toBeUndefined();
  }
  const first = await page(`${N}/products/gobi-crew-neck-sweater`);
  expect(first.status).toBe(200);
  const second = await page(`${N}/products/gobi-crew-neck-sweater`);
  expect(second.proxy).toBe('HIT');
  // What nginx serves itself: the build's scripts, immutable.
  const script = second.html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(script).toBeTruthy();
  const asset = await fetch(`${N}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  await Promise.all([one.dispose(), two.dispose()]);
});

async function shopperReadyToPay(browser: Browser, server: string, variantId: string, i: number) {
  const context = await browser.newContext({ baseURL: server, javaScriptEnabled: false });
  const api: APIRequestContext = context.request;
  expect((await api.post('/api/cart/lines', { data: { variantId, quantity: 1 } })).status()).toBe(200);
  const tab = await context.newPage();
  await tab.goto('/checkout');
  await fillAddress(tab, `buyer${i}@example.com`);
  await tab.getByRole('radio', { name: /Test payment/ }).check();
  return { context, tab };
}

test('20 checkouts at once, split across both servers, for 3 units: exactly 3 orders', async ({ browser }) => {
  test.setTimeout(180_000);
  const sku = 'FYC-SETOF6-MIX';
  const variantId = await variantOf(sku);
  await sql('UPDATE "Variant" SET stock = 3 WHERE sku = $1', [sku]);
  const before = Number((await sql<{ n: string }>('SELECT count(*) AS n FROM "Order"'))[0]!.n);
  const shoppers: Awaited<ReturnType<typeof shopperReadyToPay>>[] = [];
  // Made ready five at a time (a 2-core machine), then all 20 press Place order together.
  for (let i = 0; i < 20; i += 5)
    shoppers.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => shopperReadyToPay(browser, (i + j) % 2 ? B : A, variantId, i + j)))));
  await Promise.all(shoppers.map(({ tab }) => tab.getByRole('button', { name: /Place order/ }).click()));
  const outcomes = await Promise.all(
    shoppers.map(async ({ tab }) => {
      const thanks = tab.getByRole('heading', { level: 1, name: 'Thank you for your order' });
      const soldOut = tab.getByRole('alert').filter({ hasText: /is sold out/ });
      await expect(thanks.or(soldOut)).toBeVisible({ timeout: 60_000 });
      return (await thanks.isVisible()) ? 'ordered' : 'sold out';
    }),
  );
  expect(outcomes.filter((o) => o === 'ordered')).toHaveLength(3);
  expect(outcomes.filter((o) => o === 'sold out')).toHaveLength(17);
  const orders = await sql<{ n: string }>('SELECT count(DISTINCT o.id) AS n FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id WHERE l."variantId" = $1', [
    variantId,
  ]);
  expect(Number(orders[0]!.n)).toBe(3);
  expect(Number((await sql<{ n: string }>('SELECT count(*) AS n FROM "Order"'))[0]!.n) - before).toBe(3);
  expect((await sql<{ stock: number }>('SELECT stock FROM "Variant" WHERE sku = $1', [sku]))[0]!.stock).toBe(0);
  await Promise.all(shoppers.map(({ context }) => context.close()));
});

test('with Redis stopped pages still answer and health says the cache is degraded; when it is back, caching resumes', async () => {
  const url = `${A}/products/tuul-cashmere-scarf`;
  await page(url);
  await redis.stop();
  try {
    await expect.poll(async () => ((await (await fetch(`${A}/api/health`)).json()) as { cache: string }).cache).toBe('degraded');
    const health = await fetch(`${B}/api/health`);
    for (const server of [A, B]) {
      const res = await page(`${server}/products/tuul-cashmere-scarf`);
      expect(res.status).toBe(200);
      expect(res.html).toContain('Tuul');
    }
    expect((await page(`${N}/`)).status).toBe(200);
    expect(health.status).toBe(200);
  } finally {
    await redis.start();
  }
  await expect.poll(async () => ((await (await fetch(`${A}/api/health`)).json()) as { cache: string }).cache, { timeout: 15_000 }).toBe('shared');
  await page(url);
  await expect.poll(async () => (await page(url)).cache).toBe('HIT');
});

test('with PostgreSQL out of reach: cached pages answer, health is 503, cart writes are refused in words and change nothing, an uncached page is the styled 503 page; then all resumes', async ({
  page: tab,
}) => {
  // Its waits (the outage, the recovery, the searches after it) add up past the default 30 s when something is slow.
  test.setTimeout(120_000);
  const [row] = await sql<{ id: string }>(
    'SELECT v.id FROM "Variant" v JOIN "Product" p ON p.id = v."productId" WHERE v.stock > 5 AND p.status = \'active\' ORDER BY v.sku LIMIT 1',
  );
  const variant = row!.id;
  const shopper = await http.newContext();
  expect((await shopper.post(`${A}/api/cart/lines`, { data: { variantId: variant, quantity: 1 } })).status()).toBe(200);
  const cached = '/products/khangai-cable-cardigan';
  for (const server of [A, B]) await expect.poll(async () => (await page(`${server}${cached}`)).cache).toBe('HIT');
  await page(`${N}${cached}`);

  dbProxy.cut();
  try {
    for (const server of [A, B, N]) {
      const res = await page(`${server}${cached}`);
      expect(res.status, server).toBe(200);
      expect(res.html).toContain('Khangai');
    }
    const health = await fetch(`${A}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: 'down' });

    const write = await shopper.post(`${B}/api/cart/lines`, { data: { variantId: variant, quantity: 2 } });
    expect(write.status()).toBe(503);
    expect(write.headers()['retry-after']).toBe('30');
    expect(((await write.json()) as { error: string }).error).toBe('We can’t reach your cart right now, so nothing was changed. Please try again in a minute.');

    // A search is rendered per request: it cannot be, so the styled page with 503 and Retry-After,
    // through nginx and straight from an app server alike (proxy.ts), never Next's bare 500.
    // An app server notices within a second (lib/outage-watch.ts: one probe a second while requests come).
    for (const server of [N, A, B]) {
      await expect.poll(async () => (await fetch(`${server}/products?q=yak`)).status, { timeout: 5_000 }).toBe(503);
      const search = await fetch(`${server}/products?q=yak`);
      expect(search.status, server).toBe(503);
      expect(search.headers.get('retry-after'), server).toBe('30');
      expect(await search.text(), server).toContain('We’ll be back in a moment');
    }
    // The same from an app server's cached page: it still answers 200 on the outage path.
    expect((await page(`${B}${cached}`)).status).toBe(200);
    const direct = await tab.goto(`${A}/products?q=camel`);
    expect(direct?.status()).toBe(503);
    await expect(tab.getByRole('heading', { level: 1, name: 'We’ll be back in a moment' })).toBeVisible();
    await expect(tab.getByRole('link', { name: 'Try again' })).toBeVisible();
  } finally {
    dbProxy.restore();
  }

  // Back without a restart; what was acknowledged is there, what was refused is not.
  await expect.poll(async () => (await fetch(`${B}/api/health`)).status, { timeout: 30_000 }).toBe(200);
  await expect.poll(async () => (await fetch(`${A}/api/health`)).status, { timeout: 30_000 }).toBe(200);
  expect(await linesOf(await shopper.get(`${B}/api/cart`))).toEqual([[variant, 1]]);
  expect((await shopper.post(`${A}/api/cart/lines`, { data: { variantId: variant, quantity: 1 } })).status()).toBe(200);
  expect(await linesOf(await shopper.get(`${B}/api/cart`))).toEqual([[variant, 2]]);
  // A page rendered per request is a page again within a few seconds of the database's return, on
  // every server and through nginx (each server's watch asks again at most a second later).
  const back = Date.now();
  for (const server of [N, A, B]) {
    try {
      await expect.poll(async () => (await fetch(`${server}/products?q=yak`)).status, { timeout: 10_000 }).toBe(200);
    } catch (e) {
      await attachClusterLogs(`search after the outage, ${server}`).catch((d: unknown) => console.error('cluster diagnostics failed', d));
      throw e;
    }
  }
  test.info().annotations.push({ type: 'measured', description: `searches answer 200 everywhere ${Date.now() - back} ms after the cart worked again` });
  await shopper.dispose();
});
