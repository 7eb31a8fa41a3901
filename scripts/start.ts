/**
 * `npm start`: the whole store from a fresh clone, with no configuration.
 *   1. applies migrations and loads demo data when the store is empty (embedded PGlite by default);
 *   2. builds the app when there is no build yet, or the code changed since the last one;
 *   3. serves it with `next start` on PORT (default 3000).
 * The database is closed before `next start` opens it: PGlite belongs to one process at a time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { prepareDatabase } from './prepare-db';
import { ensureBuild } from './ensure-build';

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().default('0.0.0.0'),
  })
  .parse(process.env);

const nextBin = path.resolve('node_modules/next/dist/bin/next');
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const { changed } = await prepareDatabase((m) => console.log(`[store] ${m}`));

ensureBuild('.next', changed, childEnv);

console.log(`[store] serving on http://localhost:${env.PORT}`);
// Its own process group, so stopping the store also stops next-server's child.
const server = spawn(process.execPath, [nextBin, 'start', '-p', String(env.PORT), '-H', env.HOSTNAME], {
  stdio: 'inherit',
  env: childEnv,
  detached: true,
});
const stop = (signal: NodeJS.Signals) => {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    /* already gone */
  }
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
