// Stryker's TypeScript checker imports 'typescript' for its JavaScript API, which TypeScript 7 (our
// `tsc`) no longer ships. Like eslint.config.mjs, it gets TypeScript 6's API side by side
// (@typescript/typescript6). Loaded with `node --import` by scripts/mutation.ts, so the checker's
// child processes (which inherit NODE_OPTIONS) see the same.
import Module, { register } from 'node:module';

const require = Module.createRequire(import.meta.url);
const ts6 = require.resolve('@typescript/typescript6');

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      return next(specifier === 'typescript' ? ${JSON.stringify(new URL(`file://${ts6}`).href)} : specifier, context);
    }`),
);
