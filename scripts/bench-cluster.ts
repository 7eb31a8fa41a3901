/**
 * `BENCH_MODE=cluster npm run bench` (or `npm run bench:cluster`): the product page three ways, under wrk from
 * 127.0.0.1, in one run:
 *   1. the limit: nginx serving the page's HTML as a static file;
 *   2. the recipe: nginx (proxy cache) in front of two app servers on PostgreSQL and Redis (scripts/cluster.ts);
 *   3. one `next start` on its own, as a single-server shop runs.
 * Prints req/s, p50 and p99 and the recipe's share of the static file's req/s. Asserts nothing: the
 * machine is shared and noisy; run it on an idle one and compare runs of the same day.
 *   BENCH_SECONDS=15 BENCH_CONNECTIONS=50 BENCH_MODE=cluster npm run bench
 * Needs wrk, nginx and Redis (Debian: apt-get install wrk nginx redis-server) and a PostgreSQL server
 * (BENCH_DATABASE_URL, default a fresh schema on postgresql://root@127.0.0.1:5432/test).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { killGroupsNow, startCluster, waitForUrl } from './cluster';
import { ensureBuild } from './ensure-build';
import { prepareDatabase } from './prepare-db';
import { loopbackEnv, nextStartArgs } from './next-start';

const opts = z
  .object({
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(50),
    BENCH_PRODUCT: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'BENCH_PRODUCT is a product slug')
      .default('gobi-crew-neck-sweater'),
    BENCH_POSTGRES_URL: z.string().default('postgresql://root@127.0.0.1:5432/test'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
      .default('redis://127.0.0.1:6379'),
  })
  .parse(process.env);

for (const bin of ['wrk', 'nginx']) {
  if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) {
    console.error(`[bench] ${bin} is needed for the cluster benchmark (Debian: apt-get install -y ${bin}).`);
    process.exit(2);
  }
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: string;
}

/** wrk's summary, read from its --latency output (latencies in ms). */
export function parseWrk(out: string): Result {
  const ms = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit]!;
  const pct = (p: string) => {
    const m = out.match(new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s|m)`));
    return m ? ms(m[1]!, m[2]!) : NaN;
  };
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN);
  const errors = [out.match(/Non-2xx or 3xx responses: (\d+)/)?.[0], out.match(/Socket errors: .*/)?.[0]].filter(Boolean).join('; ');
  return { rps, p50: pct('50'), p99: pct('99'), errors: errors || 'none' };
}

const WARM_UP_SECONDS = 10;

function wrk(url: string, seconds = opts.BENCH_SECONDS): Result {
  const r = spawnSync('wrk', ['-t2', `-c${opts.BENCH_CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  return parseWrk(r.stdout);
}

const stateDir = path.resolve('.data/bench-cluster');
fs.rmSync(stateDir, { recursive: true, force: true });
fs.mkdirSync(stateDir, { recursive: true });
fs.chmodSync(stateDir, 0o755);

// A fresh schema each run (or BENCH_DATABASE_URL as given).
const schema = `bench_cluster_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: opts.BENCH_POSTGRES_URL });
let databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) {
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const u = new URL(opts.BENCH_POSTGRES_URL);
  u.searchParams.set('schema', schema);
  databaseUrl = u.href;
}
process.env.DATABASE_URL = databaseUrl;
await prepareDatabase((m) => console.log(`[bench] ${m}`));
const distDir = '.next-bench-cluster';
// Rebuilt only when the code changed: the benchmark only reads pages, and every fresh schema holds the
// same demo catalog (the shared cache is keyed by a prefix of this run's own).
ensureBuild(distDir, false, { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

const children: ChildProcess[] = [];
const kill = (c: ChildProcess) => {
  try {
    process.kill(-c.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
};

const cluster = await startCluster({
  ports: [3211, 3212],
  nginxPort: 3210,
  distDir,
  databaseUrl,
  redisUrl: opts.REDIS_URL,
  stateDir: path.join(stateDir, 'cluster'),
  env: { REDIS_CACHE_PREFIX: `bench-${Date.now().toString(36)}:` },
});

// Whatever happens from here on (a throw, Ctrl-C, a closed terminal), nothing is left running.
process.on('exit', () => killGroupsNow([...children.map((c) => c.pid!), ...cluster.pids()]));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(1));
try {
  // One `next start` without Redis or nginx, as a one-server shop runs.
  const single = spawn(process.execPath, nextStartArgs(3213), {
    env: loopbackEnv({ ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, REDIS_URL: '', NEXT_TELEMETRY_DISABLED: '1' }),
    stdio: 'ignore',
    detached: true,
  });
  children.push(single);
  await waitForUrl('http://127.0.0.1:3213/api/health', 120_000, (s) => s === 200);

  // The limit: the same HTML as a static file from an nginx of its own, configured like the recipe's.
  const pagePath = `/products/${opts.BENCH_PRODUCT}`;
  const html = await (await fetch(`${cluster.nginxUrl}${pagePath}`)).text();
  const staticDir = path.join(stateDir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'product.html'), html);
  fs.chmodSync(staticDir, 0o755);
  const staticConf = path.join(stateDir, 'static.conf');
  fs.writeFileSync(
    staticConf,
    `worker_processes auto;
  pid ${stateDir}/static.pid;
  events { worker_connections 4096; }
  http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush off;
    keepalive_requests 10000;
    client_body_temp_path ${stateDir}/s-body;
    proxy_temp_path ${stateDir}/s-proxy;
    fastcgi_temp_path ${stateDir}/s-fastcgi;
    uwsgi_temp_path ${stateDir}/s-uwsgi;
    scgi_temp_path ${stateDir}/s-scgi;
    server {
      listen 127.0.0.1:3214 reuseport;
      location = /product.html { root ${staticDir}; }
    }
  }
  `,
  );
  const staticNginx = spawn('nginx', ['-p', stateDir, '-e', path.join(stateDir, 'static-error.log'), '-c', staticConf, '-g', 'daemon off;'], {
    stdio: 'ignore',
    detached: true,
  });
  children.push(staticNginx);
  await waitForUrl('http://127.0.0.1:3214/product.html', 10_000, (s) => s === 200);
  const targets = [
    { name: 'nginx, the page as a static file (the limit)', url: 'http://127.0.0.1:3214/product.html' },
    { name: 'nginx + 2 app servers + Redis (the recipe)', url: `${cluster.nginxUrl}${pagePath}` },
    { name: 'one next start (FS cache)', url: `http://127.0.0.1:3213${pagePath}` },
  ];
  console.log(`\nwrk -t2 -c${opts.BENCH_CONNECTIONS} -d${opts.BENCH_SECONDS}s --latency, ${pagePath} (${Buffer.byteLength(html)} bytes of HTML)\n`);
  console.log('target'.padEnd(48), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), ' errors');
  const results: Result[] = [];
  for (const t of targets) {
    for (let i = 0; i < 3; i++) await fetch(t.url).then((r) => r.arrayBuffer()); // warm every cache on the way
    // A discarded warm-up run first: servers just started are still compiling and settling, and their
    // spikes (on the same two cores as wrk and nginx) once put p99 at 330 ms where a settled run shows 9 ms.
    wrk(t.url, WARM_UP_SECONDS);
    const r = wrk(t.url);
    results.push(r);
    console.log(t.name.padEnd(48), r.rps.toFixed(0).padStart(9), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8), ` ${r.errors}`);
  }
  const [limit, recipe, one] = results as [Result, Result, Result];
  console.log(`\nrecipe / static file: ${(recipe.rps / limit.rps).toFixed(2)} (aim ≥ 0.5, p99 < 20 ms)`);
  console.log(`one next start / static file: ${(one.rps / limit.rps).toFixed(2)}`);
} finally {
  children.forEach(kill);
  await cluster.stop();
  if (!process.env.BENCH_DATABASE_URL) {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end();
  }
}
