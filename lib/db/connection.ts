import path from 'node:path';
import { z } from 'zod';

/**
 * Where the data lives, parsed once from DATABASE_URL.
 *  - unset            -> embedded PGlite in `.data/pglite` (a fresh clone needs no server)
 *  - pglite:<folder>  -> embedded PGlite in that folder (tests use one folder per file)
 *  - pglite:memory    -> embedded PGlite in memory (unit-like integration tests)
 *  - postgres(ql)://  -> a PostgreSQL server, shared by several app servers
 */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; schema: string | null };

const urlSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || v.startsWith('pglite:') || /^postgres(ql)?:\/\//.test(v), {
    message: 'DATABASE_URL must start with postgresql://, postgres:// or pglite:',
  });

export const DEFAULT_PGLITE_DIR = '.data/pglite';

export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = urlSchema.parse(raw ?? '');
  if (value === '') return { kind: 'pglite', dataDir: path.resolve(cwd, DEFAULT_PGLITE_DIR) };
  if (value.startsWith('pglite:')) {
    const where = value.slice('pglite:'.length);
    if (where === 'memory' || where === 'memory://') return { kind: 'pglite', dataDir: null };
    return { kind: 'pglite', dataDir: path.resolve(cwd, where || DEFAULT_PGLITE_DIR) };
  }
  const schema = new URL(value).searchParams.get('schema');
  return { kind: 'postgres', url: value, schema };
}
