// A script that runs lib/ code which both is marked 'server-only' and renders e-mails (React Email
// needs react-dom/server, which the react-server condition forbids) loads lib/ like the tests do
// (vitest.config.mts): 'server-only' resolves to its empty module, without the react-server
// condition. Loaded with `node --import`, e.g. by scripts/e2e-server.ts for its seed.
import { register } from 'node:module';

// Its package exports only '.', so the file is named by path (the same file vitest.config.mts aliases).
const empty = new URL('../node_modules/server-only/empty.js', import.meta.url).href;

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      return next(specifier === 'server-only' ? ${JSON.stringify(empty)} : specifier, context);
    }`),
);
