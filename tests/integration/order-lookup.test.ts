import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { orderLink } from '@/lib/checkout/confirmation';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { linkSecret, signOrderLink, signOrderNumber } from '@/lib/checkout/viewer';
import type { Db } from '@/lib/db';
import { LOOKUP_LIMITS, LOOKUP_NOT_FOUND, lookupOrder } from '@/lib/orders/lookup';
import { findOrderPage, orderPass } from '@/lib/orders/order-page';
import { describeEachDatabase } from '../support/databases';
import { recordingDb } from '../support/recording-db';
import { snapshotTables } from '../support/snapshot';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

const SECRET = 'k'.repeat(40);

describeEachDatabase('order lookup', (ctx) => {
  let order: { id: string; number: number; email: string };
  let cartToken: string;
  let address = 0;
  // Each test its own client address, so the per-address count of one never refuses another.
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    await seedCatalog(ctx.db);
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'YWS-S3638-BRO' } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 2 }, testCartSettings);
    cartToken = r.newToken!;
    const input = { ...testCheckoutAddress, email: 'Oyuna.Tseren@Example.com', quote: quoteOf(await getCart(ctx.db, cartToken, testCartSettings)) };
    const paid = await checkoutAndPay(ctx.db, cartToken, input);
    if (paid.kind !== 'paid') throw new Error(paid.kind);
    order = await ctx.db.order.findUniqueOrThrow({ where: { id: paid.orderId }, select: { id: true, number: true, email: true } });
  });

  const recording = () => recordingDb(ctx.db as Db);

  it('finds the order for the right pair, however the number is typed and whatever the e-mail’s case', async () => {
    for (const [number, email] of [
      [`MN-${order.number}`, 'oyuna.tseren@example.com'],
      [`mn ${order.number}`, '  OYUNA.TSEREN@EXAMPLE.COM '],
      [`${order.number}`, 'Oyuna.Tseren@Example.com'],
    ]) {
      expect(await lookupOrder(ctx.db, { number, email }, nextAddress())).toEqual({
        kind: 'found',
        orderId: order.id,
        number: order.number,
        displayNumber: `MN-${order.number}`,
      });
    }
  });

  it('answers a wrong e-mail, a wrong number and both wrong with the same answer', async () => {
    const at = nextAddress();
    const wrongEmail = await lookupOrder(ctx.db, { number: `MN-${order.number}`, email: 'someone@example.com' }, at);
    const wrongNumber = await lookupOrder(ctx.db, { number: `MN-${order.number + 500}`, email: order.email }, at);
    const both = await lookupOrder(ctx.db, { number: 'MN-999999', email: 'someone@example.com' }, at);
    expect(wrongEmail).toEqual({ kind: 'not-found', message: LOOKUP_NOT_FOUND });
    expect(wrongNumber).toEqual(wrongEmail);
    expect(both).toEqual(wrongEmail);
  });

  it('does the same work for a wrong number as for a wrong e-mail: the same queries, in the same order', async () => {
    const a = recording();
    await lookupOrder(a.db, { number: `MN-${order.number}`, email: 'someone@example.com' }, nextAddress());
    const b = recording();
    await lookupOrder(b.db, { number: `MN-${order.number + 777}`, email: order.email }, nextAddress());
    expect(a.log).toEqual(['$queryRaw', '$queryRaw', 'Order.findUnique']);
    expect(b.log).toEqual(a.log);
    // A refusal over the limit does not read the order at all, whichever half is wrong.
    const c = recording();
    const at = nextAddress();
    for (let i = 0; i < LOOKUP_LIMITS.order.max; i++) await lookupOrder(ctx.db, { number: 'MN-888888', email: order.email }, at);
    await lookupOrder(c.db, { number: 'MN-888888', email: order.email }, at);
    expect(c.log).toEqual(['$queryRaw', '$queryRaw']);
  });

  it('counts attempts per order number across addresses, concurrently, without losing one', async () => {
    const number = `MN-${order.number}`;
    await ctx.db.signInThrottle.deleteMany({ where: { key: `lookup-order:${order.number}` } }); // the wrong pairs above counted too
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, i) => lookupOrder(ctx.db, { number, email: `guess${i}@example.com` }, `192.0.2.${i + 1}`)),
    );
    const row = await ctx.db.signInThrottle.findUniqueOrThrow({ where: { key: `lookup-order:${order.number}` } });
    expect(row.count).toBe(14);
    expect(results.filter((r) => r.kind === 'not-found')).toHaveLength(LOOKUP_LIMITS.order.max);
    const refused = results.filter((r) => r.kind === 'throttled');
    expect(refused).toHaveLength(14 - LOOKUP_LIMITS.order.max);
    expect(refused[0]).toMatchObject({ message: expect.stringMatching(/^Too many attempts to find an order\. .* wait 1[45] minutes and try again\.$/) });
    // Over the limit even the right pair waits (the owner has the e-mail's link meanwhile)…
    expect((await lookupOrder(ctx.db, { number, email: order.email }, nextAddress())).kind).toBe('throttled');
    // …until the window ends; a good lookup then clears the order's count.
    const later = new Date(Date.now() + LOOKUP_LIMITS.order.windowSeconds * 1000 + 1000);
    expect((await lookupOrder(ctx.db, { number, email: order.email }, nextAddress(), later)).kind).toBe('found');
    expect(await ctx.db.signInThrottle.count({ where: { key: `lookup-order:${order.number}` } })).toBe(0);
  });

  it('counts attempts per address across order numbers, concurrently, without losing one', async () => {
    const at = '203.0.113.77';
    const results = await Promise.all(
      Array.from({ length: LOOKUP_LIMITS.address.max + 5 }, (_, i) => lookupOrder(ctx.db, { number: `MN-${700000 + i}`, email: 'spray@example.com' }, at)),
    );
    const row = await ctx.db.signInThrottle.findUniqueOrThrow({ where: { key: `lookup-address:${at}` } });
    expect(row.count).toBe(LOOKUP_LIMITS.address.max + 5);
    expect(results.filter((r) => r.kind === 'not-found')).toHaveLength(LOOKUP_LIMITS.address.max);
    expect(results.filter((r) => r.kind === 'throttled')).toHaveLength(5);
    // Another address is not held back by this one.
    expect((await lookupOrder(ctx.db, { number: 'MN-700000', email: 'spray@example.com' }, nextAddress())).kind).toBe('not-found');
  });

  it('gives a good lookup’s attempt back to its address, so a household looking up its own orders is never locked out', async () => {
    const at = nextAddress();
    for (let i = 0; i < LOOKUP_LIMITS.address.max + 5; i++) {
      expect((await lookupOrder(ctx.db, { number: `MN-${order.number}`, email: order.email }, at)).kind).toBe('found');
    }
    expect((await ctx.db.signInThrottle.findUniqueOrThrow({ where: { key: `lookup-address:${at}` } })).count).toBe(0);
  });

  it('refuses bad input with a sentence and changes nothing (no count, no read)', async () => {
    const before = await snapshotTables(ctx.db);
    for (const raw of [
      { number: 'MN-12', email: order.email },
      { number: '1; DROP TABLE "Order"', email: order.email },
      { number: `MN-${order.number}`, email: `${'a'.repeat(1024 * 1024)}@example.com` },
      { number: '9'.repeat(1024 * 1024), email: order.email },
      { number: `MN-${order.number}`, email: 'not an e-mail' },
      {},
      'junk',
    ]) {
      const rec = recording();
      const r = await lookupOrder(rec.db, raw, nextAddress());
      expect(r.kind).toBe('invalid');
      if (r.kind === 'invalid') {
        expect(r.message).toBe('Please correct the fields marked below.');
        expect(Object.values(r.errors).every((m) => /^(Enter|That) /.test(m!))).toBe(true);
      }
      expect(rec.log).toEqual([]);
    }
    expect(await snapshotTables(ctx.db)).toEqual(before);
  });

  it('opens the order page with the e-mail’s link, the lookup’s pass or the placing browser, and nothing else', async () => {
    const secret = await linkSecret(ctx.db, SECRET);
    const segment = `MN-${order.number}`;
    const none = { segment, linkToken: null, passToken: null, cartToken: null };
    const link = new URL(await orderLink(ctx.db, order.id));
    expect(link.pathname).toBe(`/orders/${segment}`);

    const byLink = await findOrderPage(ctx.db, { ...none, linkToken: signOrderNumber(secret, order.number, new Date(), 3600) }, SECRET);
    expect(byLink?.order).toMatchObject({ id: order.id, number: segment, status: 'paid' });
    expect(byLink?.order.lines).toEqual([expect.objectContaining({ sku: 'YWS-S3638-BRO', quantity: 2 })]);
    expect(byLink?.payments).toEqual([expect.objectContaining({ provider: 'test', amount: byLink!.order.total })]);
    expect((await findOrderPage(ctx.db, { ...none, passToken: await orderPass(ctx.db, order.number, SECRET) }, SECRET))?.order.id).toBe(order.id);
    expect((await findOrderPage(ctx.db, { ...none, cartToken }, SECRET))?.order.id).toBe(order.id);

    // Nothing, another order's token, an id link, an expired pass, a tampered token, another cart: nothing shown.
    const rec = recording();
    expect(await findOrderPage(rec.db, none, SECRET)).toBeNull();
    expect(rec.log).toEqual([]); // no proof: the database is not asked, so timing says nothing about the number
    for (const linkToken of [
      signOrderNumber(secret, order.number + 1, new Date(), 3600),
      signOrderLink(secret, order.id, new Date()),
      signOrderNumber(secret, order.number, new Date(Date.now() - 7200_000), 3600),
      `${signOrderNumber(secret, order.number, new Date(), 3600)}x`,
      'x'.repeat(100_000),
    ]) {
      expect(await findOrderPage(ctx.db, { ...none, linkToken }, SECRET)).toBeNull();
      expect(await findOrderPage(ctx.db, { ...none, passToken: linkToken }, SECRET)).toBeNull();
    }
    expect(await findOrderPage(ctx.db, { ...none, cartToken: 'A'.repeat(43) }, SECRET)).toBeNull();
    for (const bad of ['mn-100001', `${order.number}`, `MN-${order.number}/x`, '../admin']) {
      expect(await findOrderPage(ctx.db, { ...none, segment: bad, linkToken: signOrderNumber(secret, order.number, new Date(), 3600) }, SECRET)).toBeNull();
    }
  });

  it('each proof opens its own order and no other, with other orders in the shop', async () => {
    const secret = await linkSecret(ctx.db, SECRET);
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, testCartSettings);
    const paid = await checkoutAndPay(ctx.db, r.newToken!, { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, r.newToken, testCartSettings)) });
    if (paid.kind !== 'paid') throw new Error(paid.kind);
    const other = await ctx.db.order.findUniqueOrThrow({ where: { id: paid.orderId } });
    const open = (number: number, proof: { linkToken?: string; passToken?: string; cartToken?: string }) =>
      findOrderPage(ctx.db, { segment: `MN-${number}`, linkToken: null, passToken: null, cartToken: null, ...proof }, SECRET);
    const link = (number: number) => signOrderNumber(secret, number, new Date(), 3600);
    expect((await open(order.number, { linkToken: link(order.number) }))?.order.id).toBe(order.id);
    expect((await open(other.number, { linkToken: link(other.number) }))?.order.id).toBe(other.id);
    expect((await open(other.number, { passToken: await orderPass(ctx.db, other.number, SECRET) }))?.order.id).toBe(other.id);
    // The first browser's cart cookie opens its own order only.
    expect(await open(other.number, { cartToken })).toBeNull();
    expect((await open(other.number, { cartToken: r.newToken! }))?.order.id).toBe(other.id);
    // A stale pass beside a good link (an old cookie, a fresh e-mail): the good proof is enough.
    expect((await open(other.number, { linkToken: link(other.number), passToken: link(order.number) }))?.order.id).toBe(other.id);
  });
});
