import { describe, expect, it } from 'vitest';
import type { Prisma } from '../db';
import { releaseStock, reserveStock } from './stock';

/**
 * The lock order that keeps two orders sharing variants from deadlocking, with the database stood in
 * for: every statement is recorded (tests/integration/order-transitions.test.ts runs them for real).
 */
function recordingTx(taken = 1) {
  const sql: { text: string; values: unknown[] }[] = [];
  const run = async (strings: TemplateStringsArray, ...values: unknown[]) => {
    sql.push({ text: strings.join('?'), values });
    return strings.join('').startsWith('SELECT') ? [] : taken;
  };
  const tx = { $executeRaw: run, $queryRaw: run, variant: { findUnique: async () => ({ stock: 0 }) } } as unknown as Prisma.TransactionClient;
  return { tx, sql };
}

describe('stock reservations', () => {
  it('take the variants in one fixed order (by id), whatever the order of the lines, and leave the lines as they were', async () => {
    const { tx, sql } = recordingTx();
    const lines = [
      { variantId: 'c3', quantity: 1, title: 'C' },
      { variantId: 'c1', quantity: 2, title: 'A' },
      { variantId: 'c2', quantity: 3, title: 'B' },
      { variantId: 'c10', quantity: 1, title: 'D' },
    ];
    const before = [...lines];
    await reserveStock(tx, lines);
    // Byte order, as releaseStock's ORDER BY … COLLATE "C": c1 < c10 < c2 < c3.
    expect(sql.map((s) => s.values)).toEqual([
      [2, 'c1', 2],
      [1, 'c10', 1],
      [3, 'c2', 3],
      [1, 'c3', 1],
    ]);
    expect(lines).toEqual(before);
    expect(sql[0]!.text).toMatch(/^UPDATE "Variant" SET stock = stock - \?.* WHERE id = \? AND stock >= \?$/);
  });

  it('two lines of the same variant keep their order', async () => {
    const { tx, sql } = recordingTx();
    await reserveStock(tx, [
      { variantId: 'c2', quantity: 1, title: 'first' },
      { variantId: 'c1', quantity: 5, title: 'other' },
      { variantId: 'c2', quantity: 2, title: 'second' },
    ]);
    expect(sql.map((s) => s.values[0])).toEqual([5, 1, 2]);
  });

  it('releasing locks the variants in the same byte order before giving stock back, and nothing for no orders', async () => {
    const { tx, sql } = recordingTx();
    await releaseStock(tx, []);
    expect(sql).toEqual([]);
    await releaseStock(tx, ['o1', 'o2']);
    expect(sql).toHaveLength(2);
    expect(sql[0]!.text).toContain('ORDER BY v.id COLLATE "C" FOR UPDATE');
    expect(sql[0]!.values).toEqual([['o1', 'o2']]);
    expect(sql[1]!.text).toMatch(/^UPDATE "Variant" v SET stock = v.stock \+ l.total/);
  });
});
