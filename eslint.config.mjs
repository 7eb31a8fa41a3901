import Module from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';

// typescript-eslint reads TypeScript's JavaScript API, which TypeScript 7 (our compiler, `tsc`)
// no longer ships. As TypeScript recommends, the linter gets the TypeScript 6 API side by side
// (@typescript/typescript6); builds and `npm run typecheck` still use TypeScript 7.
const require = Module.createRequire(import.meta.url);
const ts6 = require.resolve('@typescript/typescript6');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? ts6 : request, ...rest);
};
const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTs } = await import('eslint-config-next/typescript');

// Next's rules (React, hooks, core web vitals, TypeScript); Prettier owns formatting.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'lib/generated/**',
    'reports/**',
    '.stryker-tmp/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    '.data/**',
    'next-env.d.ts',
  ]),
]);
