/**
 * `prisma generate` offline. Generation itself is WebAssembly; the CLI only insists that a
 * schema-engine binary exists, which it would otherwise try to download. Point it at any file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(os.tmpdir(), 'prisma-schema-engine-unused');
  if (!fs.existsSync(placeholder)) fs.writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const r = spawnSync(process.execPath, [path.resolve('node_modules/prisma/build/index.js'), 'generate'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
