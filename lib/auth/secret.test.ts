import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { linkSecret } from '../checkout/viewer';
import { staffSessionSecret } from './secret';

/** A database that keeps AppSecret rows the way the table's unique name does: the first insert wins. */
function fakeDb() {
  const rows = new Map<string, string>();
  const db = {
    $executeRaw: vi.fn(async (_sql: TemplateStringsArray, name: string, value: string) => {
      if (rows.has(name)) return 0;
      rows.set(name, value);
      return 1;
    }),
    appSecret: { findUniqueOrThrow: vi.fn(async ({ where }: { where: { name: string } }) => ({ name: where.name, value: rows.get(where.name)! })) },
  };
  return { db: db as unknown as Db, rows, calls: db };
}

describe('staffSessionSecret', () => {
  it('derives the key from APP_SECRET under its own label, touching no database', async () => {
    const { db, calls } = fakeDb();
    const key = await staffSessionSecret(db, 'a long configured secret');
    expect(key).toBe(createHmac('sha256', 'a long configured secret').update('staff-sessions').digest('base64url'));
    expect(key).not.toContain('a long configured secret');
    expect(await staffSessionSecret(db, 'another secret')).not.toBe(key);
    expect(calls.$executeRaw).not.toHaveBeenCalled();
  });

  it('never equals the key that signs order links, from the same APP_SECRET or from the database', async () => {
    const { db } = fakeDb();
    expect(await staffSessionSecret(db, 'a long configured secret')).not.toBe(await linkSecret(db, 'a long configured secret'));
    expect(await staffSessionSecret(db, undefined)).not.toBe(await linkSecret(db, undefined));
  });

  it('without APP_SECRET makes a random key once and gives every caller (every server) that one', async () => {
    const { db, rows } = fakeDb();
    const [a, b] = await Promise.all([staffSessionSecret(db, undefined), staffSessionSecret(db, '')]);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).toBe(a);
    expect([...rows.keys()]).toEqual(['staff-sessions']);
    expect(await staffSessionSecret(db, undefined)).toBe(a);
    // A fresh database makes a different one.
    expect(await staffSessionSecret(fakeDb().db, undefined)).not.toBe(a);
  });
});
