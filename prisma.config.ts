import { defineConfig } from 'prisma/config';

// The Prisma CLI is only used for `generate` here: migrations run through the WebAssembly
// schema engine (lib/db/migrator.ts), because the CLI's native engine cannot be downloaded offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
