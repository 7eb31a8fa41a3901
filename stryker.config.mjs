// Mutation testing of lib/ (README, "Mutation testing"). Run through `npm run test:mutation`
// (scripts/mutation.ts), which picks the area, the vitest projects and the TypeScript 6 API for
// the checker, then reads reports/mutation/mutation.json and enforces the thresholds per area.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  checkers: ['typescript'],
  // lib/ alone: checking the whole app for every mutant made the checker the slowest part by far.
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'lib/**/*.{ts,tsx}',
    '!lib/**/*.test.{ts,tsx}',
    '!lib/generated/**',
    // Wiring without rules of its own: the Prisma client, driver adapters and the WebAssembly migrator.
    '!lib/db.ts',
    '!lib/db/**',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 10_000,
  // The first run of every covering test, on a machine shared with builds, can take minutes.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  // Re-runs only test what changed since the last run; the file stays on this machine (reports/ is ignored).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: databases, builds and reports (a running browser test changes .data/e2e under it).
  ignorePatterns: ['.data', '.next', '.next-e2e', 'reports', 'test-results', 'playwright-report', '.stryker-tmp'],
  cleanTempDir: 'always',
  // Scores per area and the break thresholds are enforced by scripts/mutation.ts.
  thresholds: { high: 85, low: 70, break: null },
};

export default config;
