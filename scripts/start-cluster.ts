/**
 * `npm run start:cluster`: the store as it runs when it outgrows one machine, here on one machine.
 *   1. applies migrations (and loads the demo data into an empty store) once, before any server starts;
 *   2. builds when needed (as `npm start` does);
 *   3. starts CLUSTER_SERVERS app servers (`next start` on 3001, 3002, …) on PostgreSQL and Redis;
 *   4. starts nginx in front of them on PORT (default 8080) with scripts/nginx-config.ts.
 * Ctrl-C stops them all. README "Running on several servers" says what each part does.
 */
import path from 'node:path';
import { z } from 'zod';
import { killGroupsNow, startCluster } from './cluster';
import { ensureBuild } from './ensure-build';
import { prepareDatabase } from './prepare-db';

const env = z
  .object({
    DATABASE_URL: z
      .string({
        error: 'Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://root@127.0.0.1:5432/shop: several servers cannot share the embedded database.',
      })
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a PostgreSQL URL (postgresql://…): several servers cannot share the embedded database.'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
      .default('redis://127.0.0.1:6379'),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    CLUSTER_SERVERS: z.coerce.number().int('CLUSTER_SERVERS must be a whole number').min(1).max(16).default(2),
    CLUSTER_FIRST_PORT: z.coerce.number().int().min(1).max(65000).default(3001),
  })
  .safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`[cluster] ${issue.message}`);
  process.exit(2);
}
const o = env.data;
const siteUrl = process.env.SITE_URL ?? `http://localhost:${o.PORT}`;
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: siteUrl, REDIS_URL: o.REDIS_URL };

const { changed } = await prepareDatabase((m) => console.log(`[cluster] ${m}`));
ensureBuild('.next', changed, childEnv);

const cluster = await startCluster({
  ports: Array.from({ length: o.CLUSTER_SERVERS }, (_, i) => o.CLUSTER_FIRST_PORT + i),
  nginxPort: o.PORT,
  distDir: '.next',
  databaseUrl: o.DATABASE_URL,
  redisUrl: o.REDIS_URL,
  stateDir: path.resolve('.data/nginx'),
  env: { SITE_URL: siteUrl },
  output: 'inherit',
  log: (m) => console.log(`[cluster] ${m}`),
});
console.log(`[cluster] serving on ${siteUrl} (nginx → ${cluster.serverUrls.join(', ')})`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void cluster.stop().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A closed terminal or a crash must not leave servers behind (they run in their own process groups).
process.on('SIGHUP', stop);
process.on('exit', () => killGroupsNow(cluster.pids()));
