import { describe, expect, it, vi } from 'vitest';
import type { Db } from './db';
import { checkHealth } from './health';

const dbThat = (query: () => Promise<unknown>) => () => ({ $queryRaw: query }) as unknown as Db;

describe('whether the store can serve', () => {
  it('is up when the database answers', async () => {
    const r = await checkHealth(dbThat(async () => [{ '?column?': 1 }]));
    expect(r).toMatchObject({ ok: true, database: 'up' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('is down when the database refuses, or when it cannot even be reached', async () => {
    expect(await checkHealth(dbThat(async () => Promise.reject(new Error('ECONNREFUSED'))))).toMatchObject({ ok: false, database: 'down' });
    const unreachable = () => {
      throw new Error('no connection string');
    };
    expect(await checkHealth(unreachable)).toMatchObject({ ok: false, database: 'down' });
  });

  it('is down when the database does not answer in time, without waiting for it', async () => {
    const started = Date.now();
    const r = await checkHealth(
      dbThat(() => new Promise(() => {})),
      50,
    );
    expect(r).toMatchObject({ ok: false, database: 'down' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(40);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stays up with the shared cache away, and says the cache is degraded', async () => {
    const r = await checkHealth(
      dbThat(async () => [{ '?column?': 1 }]),
      2000,
      () => 'degraded',
    );
    expect(r).toMatchObject({ ok: true, database: 'up', cache: 'degraded' });
  });

  it('asks the database a trivial question, and says how long the answer took', async () => {
    const asked: string[] = [];
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValueOnce(10_000).mockReturnValueOnce(10_025).mockReturnValueOnce(20_000).mockReturnValueOnce(20_040);
    try {
      const up = await checkHealth(() => ({ $queryRaw: (sql: TemplateStringsArray) => (asked.push(sql.join('?')), Promise.resolve([])) }) as unknown as Db);
      expect(up).toMatchObject({ ok: true, latencyMs: 25 });
      const down = await checkHealth(dbThat(() => Promise.reject(new Error('ECONNREFUSED'))));
      expect(down).toMatchObject({ ok: false, latencyMs: 40 });
    } finally {
      now.mockRestore();
    }
    expect(asked).toEqual(['SELECT 1']);
  });
});
