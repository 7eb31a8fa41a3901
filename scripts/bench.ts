/**
 * `npm run bench`: measures the store the way a load balancer would see it. Starts `next start`
 * on a fresh embedded database (an existing build is used; `npm run build` first if there is none),
 * warms each page once, then loads it with autocannon from 127.0.0.1 for a bounded time.
 * Prints req/s and latency percentiles; asserts nothing (this machine is shared and noisy).
 *   BENCH_SECONDS=15 BENCH_CONNECTIONS=50 npm run bench
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { prepareDatabase } from './prepare-db';

const opts = z
  .object({
    BENCH_PORT: z.coerce.number().int().default(3200),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(50),
    BENCH_PATHS: z.string().default('/products/gobi-crew-neck-sweater,/,/products,/products?material=cashmere&sort=price-asc'),
  })
  .parse(process.env);

const dataDir = '.data/bench';
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATABASE_URL = `pglite:${dataDir}`;
await prepareDatabase(() => {});

const nextBin = path.resolve('node_modules/next/dist/bin/next');
// A fresh database each run: pages cached from the last one would point at rows that no longer exist.
fs.rmSync('.next-bench', { recursive: true, force: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-bench' };
if (!fs.existsSync('.next-bench/BUILD_ID')) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const base = `http://127.0.0.1:${opts.BENCH_PORT}`;
const server: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(opts.BENCH_PORT), '-H', '127.0.0.1'], { env, stdio: 'ignore', detached: true });
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
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false))) throw new Error('the store did not become healthy within 60 s');
  console.log(`autocannon -c ${opts.BENCH_CONNECTIONS} -d ${opts.BENCH_SECONDS} against next start (embedded PGlite)\n`);
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
} finally {
  stop();
}
process.exit(0);
