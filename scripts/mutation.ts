/**
 * npm run test:mutation [-- <area> ...] [--integration] [--no-check] [--concurrency N]
 *
 * Runs StrykerJS (stryker.config.mjs) over lib/, or over the areas given (a folder such as lib/cart
 * or a file such as lib/money.ts), then reads reports/mutation/mutation.json and prints the mutation
 * score per area. Exits non-zero when an area is under its threshold: 85 % for the money path and
 * the staff's powers (lib/cart/, lib/money.ts, lib/money-format.ts, lib/checkout/, lib/payments/,
 * lib/orders/, lib/returns/, lib/auth/), 70 % for the rest.
 *
 *   --integration   also run the integration tests for modules only they cover (on PostgreSQL: TEST_ENGINES)
 *   --both-engines  with --integration, run them on PGlite as well (slower; locks are only tested on PostgreSQL)
 *   --no-check      skip the TypeScript checker (faster; mutants that do not compile then count as killed)
 *   --report-only   do not run Stryker; score the last report
 *   --force         test every mutant again, ignoring the incremental file (needed after changing only tests:
 *                   the vitest runner does not tell Stryker which tests changed, so their old results are reused)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const STRICT = ['lib/cart/', 'lib/money.ts', 'lib/money-format.ts', 'lib/checkout/', 'lib/payments/', 'lib/orders/', 'lib/returns/', 'lib/auth/'];
const STRICT_THRESHOLD = 85;
const DEFAULT_THRESHOLD = 70;
const REPORT = 'reports/mutation/mutation.json';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const concurrency = option('--concurrency') ?? '1';
const areas = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--concurrency').map((a) => a.replace(/\/+$/, ''));

for (const area of areas) {
  if (!area.startsWith('lib/') || !fs.existsSync(area)) {
    console.error(`${area}: give a folder or file under lib/, e.g. lib/cart or lib/money.ts`);
    process.exit(2);
  }
}

/** The area a file is scored in: its folder under lib/ (lib/cart/), or the file itself at the top of lib/. */
export function areaOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : file;
}

export function thresholdOf(area: string): number {
  return STRICT.includes(area) ? STRICT_THRESHOLD : DEFAULT_THRESHOLD;
}

if (!flag('--report-only')) {
  // Stryker's --mutate splits on commas, so no {ts,tsx} braces here.
  const mutate = areas.flatMap((a) => (fs.statSync(a).isDirectory() ? [`${a}/**/*.ts`, `${a}/**/*.tsx`, `!${a}/**/*.test.ts`, `!${a}/**/*.test.tsx`] : [a]));
  const stryker = ['stryker', 'run', 'stryker.config.mjs', '--concurrency', concurrency];
  if (mutate.length) stryker.push('--mutate', mutate.join(','));
  if (flag('--no-check')) stryker.push('--checkers', '');
  if (flag('--force')) stryker.push('--force');
  const hook = path.resolve('scripts/typescript6-hook.mjs');
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${hook}`.trim(),
    MUTATION_PROJECTS: flag('--integration') ? 'unit,integration' : 'unit',
    // Integration tests on the PostgreSQL server only: twice as fast as both engines, and the only one
    // whose concurrency tests can fail (PGlite runs one transaction at a time). --both-engines for both.
    ...(flag('--both-engines') ? {} : { TEST_ENGINES: process.env.TEST_ENGINES ?? 'postgres' }),
  };
  console.log(`$ npx ${stryker.join(' ')}  (vitest projects: ${env.MUTATION_PROJECTS})`);
  const run = spawnSync('npx', stryker, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`Stryker failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status || 1);
  }
}

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}
const report = JSON.parse(fs.readFileSync(REPORT, 'utf8')) as Report;
const byArea = new Map<string, { killed: number; survived: number; noCoverage: number; ignored: number; compileErrors: number }>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const rel = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  if (areas.length && !areas.some((a) => rel === a || rel.startsWith(`${a}/`))) continue;
  const area = areaOf(rel);
  const s = byArea.get(area) ?? { killed: 0, survived: 0, noCoverage: 0, ignored: 0, compileErrors: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') s.killed++;
    else if (m.status === 'Survived') s.survived++;
    else if (m.status === 'NoCoverage') s.noCoverage++;
    else if (m.status === 'Ignored') s.ignored++;
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') s.compileErrors++;
  }
  byArea.set(area, s);
}

let failed = 0;
const rows = [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log(`\n${'area'.padEnd(24)} ${'score'.padStart(7)} ${'needs'.padStart(6)}  killed survived no-cover ignored`);
for (const [area, s] of rows) {
  const counted = s.killed + s.survived + s.noCoverage;
  const score = counted === 0 ? 100 : (100 * s.killed) / counted;
  const needs = thresholdOf(area);
  const ok = score >= needs;
  if (!ok) failed++;
  console.log(
    `${area.padEnd(24)} ${score.toFixed(1).padStart(6)}% ${`${needs}%`.padStart(6)}  ${String(s.killed).padStart(6)} ${String(s.survived).padStart(8)} ${String(s.noCoverage).padStart(8)} ${String(s.ignored).padStart(7)}  ${ok ? 'ok' : 'UNDER THRESHOLD'}`,
  );
}
console.log(`\nScore = killed (incl. timeouts) / (killed + survived + no coverage); ignored = disabled with a reason (stryker-equivalent.md).`);
console.log(`HTML report: ${path.resolve('reports/mutation/index.html')}`);
if (failed) {
  console.error(`${failed} area(s) under their threshold.`);
  process.exit(1);
}
