import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './connection';

describe('parseDatabaseUrl', () => {
  it('defaults to embedded PGlite in .data/pglite', () => {
    expect(parseDatabaseUrl(undefined, '/shop')).toEqual({ kind: 'pglite', dataDir: '/shop/.data/pglite' });
    expect(parseDatabaseUrl('', '/shop')).toEqual({ kind: 'pglite', dataDir: '/shop/.data/pglite' });
  });
  it('reads pglite folders and memory', () => {
    expect(parseDatabaseUrl('pglite:.data/e2e', '/shop')).toEqual({ kind: 'pglite', dataDir: '/shop/.data/e2e' });
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ kind: 'pglite', dataDir: null });
  });
  it('reads PostgreSQL URLs with an optional schema', () => {
    expect(parseDatabaseUrl('postgresql://root@127.0.0.1:5432/shop?schema=store')).toEqual({
      kind: 'postgres',
      url: 'postgresql://root@127.0.0.1:5432/shop?schema=store',
      schema: 'store',
    });
  });
  it('refuses anything else with a message a person understands', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/must start with postgresql/);
  });
});
