/**
 * Lighthouse (mobile) scores for one page of a running store, on the system Chromium.
 *   npm run lighthouse -- http://127.0.0.1:3000/blog/marshal-demid-1900-1937
 * Lighthouse 12.2.3 is the last release that runs on Node 20; it is fetched by npx, not installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const url = z.url({ error: 'Give the page to measure, e.g. npm run lighthouse -- http://127.0.0.1:3000/' }).parse(process.argv[2]);
const out = path.join(os.tmpdir(), `lighthouse-${Date.now()}.json`);
const chrome = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const flags = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const r = spawnSync('npx', ['--yes', 'lighthouse@12.2.3', url, '--quiet', `--chrome-flags=${flags}`, '--output=json', `--output-path=${out}`], {
  stdio: 'inherit',
  env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
});
if (r.status !== 0) process.exit(r.status ?? 1);
const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { displayValue?: string }>;
};
for (const [name, c] of Object.entries(report.categories)) console.log(`${name.padEnd(16)} ${Math.round((c.score ?? 0) * 100)}`);
for (const a of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'])
  console.log(`${a.padEnd(26)} ${report.audits[a]?.displayValue}`);
