/**
 * `npm run bench`: measures the store the way a load balancer would see it. Starts `next start`
 * on a fresh embedded database (an existing build is used; `npm run build` first if there is none),
 * warms each page once, then loads it with autocannon from 127.0.0.1 for a bounded time.
 * Prints req/s and latency percentiles; asserts nothing (this machine is shared and noisy).
 *   BENCH_SECONDS=15 BENCH_CONNECTIONS=50 npm run bench
 * BENCH_MODE=cluster measures nginx + several app servers instead (scripts/bench-cluster.ts).
 * BENCH_CATALOG=large: first the catalog's reads with 27 and with 10,017 products (scripts/bench-catalog.ts),
 * then the same load tests on a store holding the large catalog, plus per-request pages (a search, a price range).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { prepareDatabase } from './prepare-db';
import { createDb } from '../lib/db';
import { reportBundleSizes } from './bundle-size';
import { benchCatalog, catalogBenchOptions, loadLargeCatalog } from './bench-catalog';
import { loopbackEnv, nextStartArgs } from './next-start';

if (process.env.BENCH_MODE === 'cluster') {
  await import('./bench-cluster');
  process.exit(0);
}

const opts = z
  .object({
    BENCH_PORT: z.coerce.number().int().default(3200),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(50),
    BENCH_CART_CLIENTS: z.coerce.number().int().min(1).max(200).default(20),
    BENCH_PATHS: z.string().default('/products/gobi-crew-neck-sweater,/,/products,/products?material=cashmere&sort=price-asc'),
    BENCH_CATALOG: z.enum(['demo', 'large'], { error: 'BENCH_CATALOG is demo (the default) or large' }).default('demo'),
  })
  .parse(process.env);
// Rendered per request (never cached), so they cost their queries every time at any catalog size.
const UNCACHED_PATHS = ',/products?q=sweater,/products?minPrice=50&maxPrice=120';
if (opts.BENCH_CATALOG === 'large') {
  await benchCatalog(catalogBenchOptions.parse(process.env));
  console.log();
  if (!process.env.BENCH_PATHS) opts.BENCH_PATHS += UNCACHED_PATHS;
}

// BENCH_DATABASE_URL=postgresql://…?schema=bench measures on a PostgreSQL server instead (an empty schema).
const dataDir = '.data/bench';
if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
else {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.DATABASE_URL = `pglite:${dataDir}`;
}
await prepareDatabase(() => {});
if (opts.BENCH_CATALOG === 'large') console.log(`store loaded with ${await loadLargeCatalog(catalogBenchOptions.parse(process.env).BENCH_CATALOG_PRODUCTS)}\n`);
// The variant the cart benchmark adds and removes: plenty of stock, so no request is refused.
const benchDb = createDb();
const cartVariant = await benchDb.prisma.variant.findFirstOrThrow({ where: { stock: { gte: 20 }, product: { status: 'active' } }, orderBy: { sku: 'asc' } });
await benchDb.close();

const nextBin = path.resolve('node_modules/next/dist/bin/next');
// A fresh database each run: pages cached from the last one would point at rows that no longer exist.
fs.rmSync('.next-bench', { recursive: true, force: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-bench' };
if (!fs.existsSync('.next-bench/BUILD_ID')) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// What each page costs a phone before any request is measured (the same report as `npm run bench:bundle`).
reportBundleSizes('.next-bench');
console.log();

const base = `http://127.0.0.1:${opts.BENCH_PORT}`;
const server: ChildProcess = spawn(process.execPath, nextStartArgs(opts.BENCH_PORT), {
  env: loopbackEnv(env),
  stdio: 'ignore',
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
};
process.on('exit', stop);

try {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false))
  )
    throw new Error('the store did not become healthy within 60 s');
  console.log(
    `autocannon -c ${opts.BENCH_CONNECTIONS} -d ${opts.BENCH_SECONDS} against next start (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})\n`,
  );
  console.log('path'.padEnd(52), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8));
  for (const p of opts.BENCH_PATHS.split(',')) {
    await fetch(base + p); // warm: the first request renders and fills the cache
    const result = await autocannon({ url: base + p, connections: opts.BENCH_CONNECTIONS, duration: opts.BENCH_SECONDS });
    console.log(
      p.padEnd(52),
      result.requests.average.toFixed(0).padStart(8),
      String(result.latency.p50).padStart(8),
      String(result.latency.p99).padStart(8),
      String(result.non2xx).padStart(8),
    );
  }

  // Add-to-cart round trip: each client has its own cart and alternately adds one unit and
  // removes the line, so every request does the full work (lock the cart, read stock, write).
  const cookies: string[] = [];
  for (let i = 0; i < opts.BENCH_CART_CLIENTS; i++) {
    const res = await fetch(`${base}/api/cart/lines`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variantId: cartVariant.id, quantity: 1 }),
    });
    cookies.push(res.headers.get('set-cookie')!.split(';')[0]!);
  }
  let next = 0;
  type Ctx = { cookie?: string };
  const withCookie = (req: { headers?: Record<string, string> }, ctx: Ctx) => {
    ctx.cookie ??= cookies[next++ % cookies.length];
    return { ...req, headers: { ...req.headers, 'content-type': 'application/json', cookie: ctx.cookie! } };
  };
  const cart = await autocannon({
    url: base,
    connections: opts.BENCH_CART_CLIENTS,
    duration: opts.BENCH_SECONDS,
    requests: [
      { method: 'POST', path: '/api/cart/lines', body: JSON.stringify({ variantId: cartVariant.id, quantity: 1 }), setupRequest: withCookie as never },
      { method: 'DELETE', path: `/api/cart/lines/${cartVariant.id}`, setupRequest: withCookie as never },
    ],
  });
  console.log(
    `cart add/remove (${opts.BENCH_CART_CLIENTS} clients)`.padEnd(52),
    cart.requests.average.toFixed(0).padStart(8),
    String(cart.latency.p50).padStart(8),
    String(cart.latency.p99).padStart(8),
    String(cart.non2xx).padStart(8),
  );
} finally {
  stop();
}
// Order placement, on its own database (the store above owns its embedded one).
console.log();
spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bench-orders.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL ? process.env.BENCH_DATABASE_URL.replace(/schema=[^&]*/, 'schema=bench_orders') : '',
  },
});
process.exit(0);
