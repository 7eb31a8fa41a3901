/**
 * The store as the browser tests see it: a fresh embedded database with the demo data, a
 * production build, `next start` on E2E_PORT. Playwright starts and stops it (webServer).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { prepareDatabase } from './prepare-db';
import { startFakePayPal } from '../tests/fakes/paypal';
import { startFakeStripe } from '../tests/fakes/stripe';
import { loopbackEnv, nextStartArgs } from './next-start';

const { E2E_PORT, E2E_DATA_DIR } = z
  .object({ E2E_PORT: z.coerce.number().int().default(3100), E2E_DATA_DIR: z.string().default('.data/e2e') })
  .parse(process.env);

fs.rmSync(path.resolve(E2E_DATA_DIR), { recursive: true, force: true });
process.env.DATABASE_URL = `pglite:${E2E_DATA_DIR}`;
process.env.SITE_URL = `http://127.0.0.1:${E2E_PORT}`;

// Stripe and PayPal as local fakes (tests/fakes), reached through the real SDK and REST calls; the
// test provider stays on beside them. Tests read the fakes' addresses from fakes.json.
const WEBHOOK_SECRET = 'whsec_e2e_local_fake';
const stripeFake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, webhookUrl: `http://127.0.0.1:${E2E_PORT}/api/webhooks/stripe` });
const paypalFake = await startFakePayPal({ clientId: 'e2e-client-id', clientSecret: 'e2e-client-secret' });
Object.assign(process.env, {
  PAYMENTS_TEST_MODE: '1',
  STRIPE_SECRET_KEY: 'sk_test_e2e',
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_BASE: stripeFake.url,
  PAYPAL_CLIENT_ID: 'e2e-client-id',
  PAYPAL_CLIENT_SECRET: 'e2e-client-secret',
  PAYPAL_API_BASE: paypalFake.url,
});
fs.mkdirSync(path.resolve(E2E_DATA_DIR), { recursive: true });
fs.writeFileSync(path.resolve(E2E_DATA_DIR, 'fakes.json'), JSON.stringify({ stripe: stripeFake.url, paypal: paypalFake.url }));
await prepareDatabase((m) => console.log(`[e2e] ${m}`));
// Out of this process: requesting a return e-mails the customer, and React Email cannot render under the react-server condition.
const seeded = spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/e2e-seed-return.ts'], {
  stdio: 'inherit',
  env: process.env,
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const nextBin = path.resolve('node_modules/next/dist/bin/next');
// A fresh database each run: pages cached from the last one would point at rows that no longer exist.
if (!process.env.E2E_SKIP_BUILD) fs.rmSync('.next-e2e', { recursive: true, force: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-e2e' };
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Same process group as this script: Playwright stops the webServer by killing its group,
// which then takes next-server's child along with it.
const server = spawn(process.execPath, nextStartArgs(E2E_PORT), { stdio: 'inherit', env: loopbackEnv(env) });
const stop = () => {
  server.kill('SIGTERM');
  void Promise.all([stripeFake.close(), paypalFake.close()]).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
