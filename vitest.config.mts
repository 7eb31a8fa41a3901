import path from 'node:path';
import { defineConfig } from 'vitest/config';

// 'server-only' throws outside React's server build; tests run lib/ code directly in Node.
const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each file makes its own databases (a PGlite and a PostgreSQL schema); two at a time suits 2 cores.
          pool: 'forks',
          maxWorkers: 2,
          // Generous: on a shared 2-core machine under load, a fresh PGlite with the migrations and the demo
          // catalog took over a minute to set up (the default 60 s timed whole files out). No assertion is timed.
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
