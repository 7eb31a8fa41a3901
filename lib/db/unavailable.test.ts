import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../generated/prisma/client';
import { openAdapter } from './adapter';
import { isDatabaseUnavailable } from './unavailable';

/** The error a real query gets from a server at `url`, through the same adapter the shop uses. */
async function errorFrom(url: string): Promise<unknown> {
  const client = new PrismaClient({ adapter: openAdapter({ kind: 'postgres', url, schema: null }).factory });
  try {
    await client.product.count();
    return null;
  } catch (err) {
    return err;
  } finally {
    await client.$disconnect().catch(() => undefined);
  }
}

describe('isDatabaseUnavailable', () => {
  // A "server" that takes the connection and drops it at once: a database cut mid-conversation.
  const dropper = net.createServer((s) => s.destroy());
  const listening = new Promise<number>((resolve) => dropper.listen(0, '127.0.0.1', () => resolve((dropper.address() as net.AddressInfo).port)));
  afterAll(() => new Promise<void>((resolve) => dropper.close(() => resolve())));

  it('knows a refused connection (nothing listening)', async () => {
    const err = await errorFrom('postgresql://root@127.0.0.1:1/shop');
    expect(err).not.toBeNull();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('knows a connection dropped by the other side', async () => {
    const err = await errorFrom(`postgresql://root@127.0.0.1:${await listening}/shop`);
    expect(err).not.toBeNull();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('follows the cause chain, and reads PostgreSQL’s connection SQLSTATEs', () => {
    expect(isDatabaseUnavailable(new Error('adapter', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { name: 'PrismaClientInitializationError' }))).toBe(true);
  });

  it('leaves everything else alone: a bug, a constraint, a refused query are not an outage', () => {
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
  });
});
