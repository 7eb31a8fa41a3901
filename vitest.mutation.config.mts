import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * The vitest config Stryker runs (scripts/mutation.ts): the same projects as vitest.config.mts, but
 * only those named in MUTATION_PROJECTS (default: the unit tests, which need no database and are fast).
 */
const wanted = new Set((process.env.MUTATION_PROJECTS ?? 'unit').split(','));
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({ test: { projects: projects.filter((p) => wanted.has(p.test?.name ?? '')) } }),
);
