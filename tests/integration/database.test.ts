import { expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema } from '@/lib/db/migrator';
import { createDb } from '@/lib/db';
import { checkHealth } from '@/lib/health';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('migrations and health', (ctx) => {
  it('applying the migrations again applies nothing', async () => {
    expect(await applyMigrations(ctx.handle.factory)).toEqual([]);
    const rows = await ctx.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
  });

  it('reports the database up', async () => {
    const report = await checkHealth(() => ctx.db);
    expect(report).toMatchObject({ ok: true, database: 'up' });
  });
});

it('the migrations produce exactly what schema.prisma describes (no migration forgotten)', async () => {
  const handle = createDb({ kind: 'pglite', dataDir: null });
  try {
    const sql = await diffMigrationsToSchema(handle.factory);
    expect(sql.replace(/--.*$/gm, '').trim()).toBe('');
  } finally {
    await handle.close();
  }
});

it('reports the database down when it cannot be reached', async () => {
  const handle = createDb({ kind: 'postgres', url: 'postgresql://nobody@127.0.0.1:1/none', schema: null });
  try {
    const report = await checkHealth(() => handle.prisma, 3000);
    expect(report).toMatchObject({ ok: false, database: 'down' });
  } finally {
    await handle.close();
  }
});
