/**
 * `npm test`: unit and integration tests (vitest; the integration half on PGlite and PostgreSQL),
 * then the browser tests (Playwright on the production build). Ends with one line,
 * "N passed, N failed", summed from both runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

fs.mkdirSync('reports', { recursive: true });
const bin = (name: string) => path.resolve('node_modules/.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status ?? 1;
}

for (const f of ['reports/vitest.json', 'reports/playwright.json']) fs.rmSync(f, { force: true });
// The formatter and the linter first: each counts as one check in the summary.
const checks = [
  ['prettier --check', run(bin('prettier'), ['--check', '--log-level=warn', '.'])],
  ['eslint', run(bin('eslint'), ['--max-warnings=0', '.'])],
] as const;
const vitestCode = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const playwrightCode = run(bin('playwright'), ['test']);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, code] of checks) {
  if (code === 0) passed += 1;
  else {
    failed += 1;
    console.error(`${name} failed: run \`npm run format\` / \`npm run lint\``);
  }
}
function read<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
const v = read<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>('reports/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else failed += 1; // the runner itself failed before reporting
const p = read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('reports/playwright.json');
if (p) {
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
} else failed += 1;

if (failed === 0 && (vitestCode !== 0 || playwrightCode !== 0)) failed = 1; // e.g. an unhandled error outside any test
console.log(`\nvitest exit ${vitestCode}, playwright exit ${playwrightCode}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
