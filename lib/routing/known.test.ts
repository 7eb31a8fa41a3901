import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { KNOWN_RETRY_MS, KNOWN_TTL_MS, knownFrom } from './known';

/** A database double answering the four list reads (after `delayMs`), or failing them all while `down` is set. */
function fakeDb(delayMs = 0) {
  const state = { down: false, reads: 0, products: [{ slug: 'gobi-sweater' }] };
  const wait = () => (delayMs ? new Promise((r) => setTimeout(r, delayMs)) : Promise.resolve());
  const answer = <T>(rows: () => T[]) =>
    vi.fn(async () => {
      state.reads++;
      await wait();
      if (state.down) throw new Error('ECONNREFUSED');
      return rows();
    });
  const db = {
    product: { findMany: answer(() => state.products), findFirst: vi.fn(async () => (state.down ? Promise.reject(new Error('ECONNREFUSED')) : null)) },
    collection: { findMany: answer(() => [{ slug: 'felt-home' }]), findUnique: vi.fn(async () => null) },
    article: { findMany: answer(() => [{ slug: 'the-1934-census', tags: ['History'] }]), findFirst: vi.fn(async () => null) },
    variant: { findMany: answer(() => [{ colour: 'Charcoal' }]) },
  } as unknown as Db;
  return { db, state };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('what the proxy knows of the catalog', () => {
  it('reads the lists again once they are older than their lifetime', async () => {
    const { db, state } = fakeDb();
    let now = 1_000_000;
    const known = knownFrom(
      () => db,
      () => new Date(now),
    );
    expect(await known.activeProducts()).toBe(1);
    state.products = [{ slug: 'gobi-sweater' }, { slug: 'tuul-scarf' }];
    now += KNOWN_TTL_MS - 1;
    expect(await known.activeProducts()).toBe(1);
    now += 2;
    expect(await known.activeProducts()).toBe(2);
  });
});

describe('what the proxy knows of the catalog while the database is away', () => {
  it('keeps routing by the last lists, and asks the database again only every few seconds', async () => {
    const { db, state } = fakeDb();
    let now = 1_000_000;
    const known = knownFrom(
      () => db,
      () => new Date(now),
    );
    expect(await known.product('gobi-sweater')).toBe(true);
    const readsWhenUp = state.reads;

    state.down = true;
    now += KNOWN_TTL_MS + 1;
    expect(await known.product('gobi-sweater')).toBe(true);
    await settle();
    expect(await known.colours()).toEqual(new Set(['charcoal']));
    const readsAfterFailure = state.reads;
    expect(readsAfterFailure).toBeGreaterThan(readsWhenUp);
    // Within the retry pause the lists are served without asking.
    now += KNOWN_RETRY_MS - 1;
    expect(await known.tags()).toEqual(new Set(['history']));
    expect(state.reads).toBe(readsAfterFailure);
    // Then it asks again, and picks up the database's answer once it is back.
    state.down = false;
    now += 2;
    await known.activeProducts();
    await settle();
    expect(state.reads).toBeGreaterThan(readsAfterFailure);
    expect(await known.activeProducts()).toBe(1);
  });

  it('makes no request wait again on a database that fails slowly, once it has failed', async () => {
    const { db, state } = fakeDb(200);
    let now = 1_000_000;
    const known = knownFrom(
      () => db,
      () => new Date(now),
    );
    expect(await known.product('gobi-sweater')).toBe(true);
    state.down = true;
    now += KNOWN_TTL_MS + 1;
    // The first request finds out (and still gets the last lists).
    expect(await known.product('gobi-sweater')).toBe(true);
    // Later ones, past the retry pause, are answered from the last lists while the database is asked behind them.
    now += KNOWN_RETRY_MS + 1;
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect(await known.product('gobi-sweater')).toBe(true);
    expect(Date.now() - started).toBeLessThan(150);
    // Once it answers again, the lists are its own again.
    state.down = false;
    state.products = [{ slug: 'gobi-sweater' }, { slug: 'tuul-scarf' }];
    await new Promise((r) => setTimeout(r, 250));
    now += KNOWN_RETRY_MS + 1;
    await known.activeProducts();
    await new Promise((r) => setTimeout(r, 250));
    expect(await known.activeProducts()).toBe(2);
  });

  it('fails (so the proxy serves uncached) when the database was never reached, and for a slug it must look up', async () => {
    const { db, state } = fakeDb();
    state.down = true;
    const known = knownFrom(() => db);
    await expect(known.product('gobi-sweater')).rejects.toThrow(/ECONNREFUSED/);
    state.down = false;
    expect(await known.product('gobi-sweater')).toBe(true);
    state.down = true;
    await expect(known.product('a-new-one')).rejects.toThrow(/ECONNREFUSED/);
  });
});
