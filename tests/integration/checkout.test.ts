import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { placeOrder, type PlaceSettings } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { expireDueOrders } from '@/lib/checkout/transitions';
import { afterPayment, orderLink } from '@/lib/checkout/confirmation';
import { checkoutAndPay } from '@/lib/checkout/service';
import { shopConfig } from '@/lib/config';
import { findOrderFor, type OrderRequest } from '@/lib/checkout/order-access';
import { linkSecret, signOrderLink, verifyOrderNumber } from '@/lib/checkout/viewer';
import { describeEachDatabase } from '../support/databases';
import type { Db } from '@/lib/db';
import { recordingDb } from '../support/recording-db';
import { testCartSettings } from '../support/settings';

const cart = testCartSettings;
const settings: PlaceSettings = { cart, holdMinutes: 30 };
const address = {
  email: 'dulmaa@example.com',
  name: 'Dulmaa Bat',
  line1: '12 Peace Avenue',
  line2: null,
  city: 'Carbondale',
  region: 'IL',
  postalCode: '62901',
  country: 'US' as const,
  shippingMethod: 'standard' as const,
  payment: 'test' as const,
};

describeEachDatabase('placing orders', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function cartWith(sku: string, quantity = 1): Promise<{ token: string; input: CheckoutInput }> {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity }, cart);
    const view = await getCart(ctx.db, r.newToken, cart);
    return { token: r.newToken!, input: { ...address, quote: quoteOf(view) } };
  }

  it('never oversells: 50 shoppers at once for 3 units give exactly 3 orders and stock 0', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'GCN-XL-CHA' } });
    await ctx.db.variant.update({ where: { id: v.id }, data: { stock: 3 } });
    const shoppers = [];
    for (let i = 0; i < 50; i += 1) shoppers.push(await cartWith('GCN-XL-CHA'));
    const results = await Promise.all(shoppers.map((s) => placeOrder(ctx.db, s.token, s.input, 'test', settings)));
    expect(results.filter((r) => r.kind === 'placed')).toHaveLength(3);
    expect(results.filter((r) => r.kind === 'out-of-stock')).toHaveLength(47);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(0);
    expect(await ctx.db.orderLine.count({ where: { variantId: v.id } })).toBe(3);
  }, 120_000);

  it('writes a snapshot with an MN- number, totals from the database, and the stock reserved', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'TCS-18030C-OAT' } }); // $115
    const before = v.stock;
    const s = await cartWith('TCS-18030C-OAT', 2);
    const r = await placeOrder(ctx.db, s.token, { ...s.input, shippingMethod: 'express' }, 'test', settings);
    expect(r.kind).toBe('placed');
    if (r.kind !== 'placed') return;
    expect(r.order.number).toMatch(/^MN-1\d{5,}$/);
    expect(r.order.lines).toEqual([
      expect.objectContaining({ sku: 'TCS-18030C-OAT', quantity: 2, unitPrice: { amount: 11500, currency: 'USD' }, isWool: true }),
    ]);
    // $230 of wool: Express is free.
    expect([r.order.subtotal.amount, r.order.shipping.amount, r.order.total.amount]).toEqual([23000, 0, 23000]);
    expect(r.order.history.map((h) => h.to)).toEqual(['pending']);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(before - 2);
  });

  it('placing twice with the same cart (double click, two tabs) gives one order', async () => {
    const s = await cartWith('YWS-S3638-BRO', 1);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => placeOrder(ctx.db, s.token, s.input, 'test', settings)));
    const numbers = new Set([a, b, c].map((r) => (r!.kind === 'placed' ? r!.order.number : r!.kind)));
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^MN-/);
  });

  it('a price changed since the page was shown: no order at the old price, the new totals to confirm', async () => {
    const s = await cartWith('FCT-15CM-CAM', 1);
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    await ctx.db.variant.update({ where: { id: v.id }, data: { priceCents: v.priceCents + 500 } });
    const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    expect(r.kind).toBe('changed');
    if (r.kind !== 'changed') return;
    expect(r.cart.lines[0]!.unitPrice.amount).toBe(v.priceCents + 500);
    expect(await ctx.db.order.count({ where: { lines: { some: { variantId: v.id } } } })).toBe(0);
    const again = await placeOrder(ctx.db, s.token, { ...s.input, quote: r.quote }, 'test', settings);
    expect(again.kind === 'placed' && again.order.lines[0]!.unitPrice.amount).toBe(v.priceCents + 500);
  });

  it('a line that sold out meanwhile: no order, and the shopper is told which and how many are left', async () => {
    const s = await cartWith('FGS-3637-CHA', 3);
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FGS-3637-CHA' } });
    await ctx.db.variant.update({ where: { id: v.id }, data: { stock: 1 } });
    const view = await getCart(ctx.db, s.token, cart);
    const r = await placeOrder(ctx.db, s.token, { ...s.input, quote: quoteOf(view) }, 'test', settings);
    expect(r).toEqual({ kind: 'out-of-stock', problems: [{ title: expect.stringContaining('('), available: 1 }] });
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(1);
  });

  it('an unpaid order expires after the hold and its stock comes back', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'SLP-SMALL-TAN' } });
    const s = await cartWith('SLP-SMALL-TAN', 2);
    const now = new Date();
    const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings, now);
    expect(r.kind).toBe('placed');
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock - 2);
    const later = new Date(now.getTime() + 31 * 60_000);
    expect(await ctx.db.$transaction((tx) => expireDueOrders(tx, later))).toBeGreaterThanOrEqual(1);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock);
    const order = await ctx.db.order.findFirstOrThrow({ where: { id: r.kind === 'placed' ? r.order.id : '' }, include: { events: true } });
    expect(order.status).toBe('expired');
    expect(order.events.map((e) => e.to)).toEqual(['pending', 'expired']);
    // Twice changes nothing more.
    expect(await ctx.db.$transaction((tx) => expireDueOrders(tx, later))).toBe(0);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock);
  });

  it('an empty or unknown cart places nothing', async () => {
    expect((await placeOrder(ctx.db, null, { ...address, quote: 'a'.repeat(32) }, 'test', settings)).kind).toBe('empty');
    expect((await placeOrder(ctx.db, 'A'.repeat(43), { ...address, quote: 'a'.repeat(32) }, 'test', settings)).kind).toBe('empty');
  });

  it('the test provider pays at once, empties the cart, and the confirmation e-mail is kept once in the outbox', async () => {
    const s = await cartWith('YWS-S3638-BRO', 1);
    const r = await checkoutAndPay(ctx.db, s.token, s.input);
    expect(r.kind).toBe('paid');
    if (r.kind !== 'paid') return;
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { payments: true } });
    expect(order.status).toBe('paid');
    expect(order.payments).toEqual([expect.objectContaining({ provider: 'test', amountCents: order.totalCents })]);
    expect((await getCart(ctx.db, s.token, cart)).lines).toHaveLength(0);
    await afterPayment(ctx.db, r.orderId);
    await afterPayment(ctx.db, r.orderId);
    const mail = await ctx.db.outboxMessage.findMany({ where: { dedupeKey: `order-confirmation:${r.orderId}` } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe('dulmaa@example.com');
    expect(mail[0]!.subject).toContain(`MN-${order.number}`);
    expect(mail[0]!.text.toLowerCase()).toContain('test payment — no money moves');
    expect(mail[0]!.text).toMatch(/\/orders\/MN-\d{6,9}\?token=\d+\.[A-Za-z0-9_-]{43}/);
  });

  it('the confirmation waits for the payment: nothing is sent for an order not paid, or not there', async () => {
    const s = await cartWith('KCC-S-FOR', 1);
    const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    if (r.kind !== 'placed') throw new Error(r.kind);
    await afterPayment(ctx.db, r.order.id);
    await afterPayment(ctx.db, 'c000000000000000000000000');
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-confirmation:${r.order.id}` } })).toBe(0);
  });

  it('the e-mail’s link opens the order page for 30 days, and not after', async () => {
    const s = await cartWith('KCC-S-FOR', 1);
    const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    if (r.kind !== 'placed') throw new Error(r.kind);
    const now = new Date('2026-12-08T12:00:00Z');
    const link = new URL(await orderLink(ctx.db, r.order.id, now));
    const number = Number(r.order.number.replace('MN-', ''));
    expect(link.pathname).toBe(`/orders/${r.order.number}`);
    const token = link.searchParams.get('token')!;
    expect(token.split('.')[0]).toBe(String(now.getTime() / 1000 + 30 * 86_400));
    const secret = await linkSecret(ctx.db, shopConfig().APP_SECRET);
    expect(verifyOrderNumber(secret, number, token, new Date(now.getTime() + 29 * 86_400_000))).toBe(true);
    expect(verifyOrderNumber(secret, number, token, new Date(now.getTime() + 30 * 86_400_000))).toBe(false);
    expect(verifyOrderNumber(secret, number + 1, token, now)).toBe(false);
  });

  it('an order id or Stripe session id of the wrong shape asks the database nothing', async () => {
    const { db: recorded, log } = recordingDb(ctx.db as Db);
    const cartToken = 'A'.repeat(43);
    const linkToken = signOrderLink('s'.repeat(40), 'c'.repeat(25), new Date());
    const asks = async (req: Partial<OrderRequest>) => {
      log.length = 0;
      expect(await findOrderFor(recorded, { orderId: null, stripeSessionId: null, linkToken: null, cartToken, ...req }, 's'.repeat(40))).toBeNull();
      return log.length > 0;
    };
    // Shaped like ours (a cuid, c + 20 to 32 lower-case letters and digits; cs_ + up to 200): looked up, not found.
    for (const orderId of [`c${'a1'.repeat(10)}`, `c${'z9'.repeat(16)}`]) expect(await asks({ orderId }), orderId).toBe(true);
    for (const stripeSessionId of ['cs_a', `cs_${'A_9'.repeat(66)}xy`]) expect(await asks({ stripeSessionId }), stripeSessionId).toBe(true);
    // Anything else: no query at all, with a cookie or with a link.
    for (const orderId of [
      `c${'a'.repeat(19)}`,
      `c${'a'.repeat(33)}`,
      `C${'a'.repeat(24)}`,
      `c${'A'.repeat(24)}`,
      `xc${'a'.repeat(24)}`,
      `c${'a'.repeat(24)}x!`,
      `c${'a'.repeat(12)}_${'a'.repeat(11)}`,
    ]) {
      expect(await asks({ orderId }), orderId).toBe(false);
      expect(await asks({ orderId, linkToken, cartToken: null }), orderId).toBe(false);
    }
    for (const stripeSessionId of ['cs_', `cs_${'a'.repeat(201)}`, 'xcs_abc', 'cs_abc!', 'cs_abc-def', 'CS_abc', 'pi_abc'])
      expect(await asks({ stripeSessionId }), stripeSessionId).toBe(false);
    // A well-formed session id without the cookie that placed it: nothing asked either.
    expect(await asks({ stripeSessionId: 'cs_abc', cartToken: null })).toBe(false);
    expect(await asks({ stripeSessionId: 'cs_abc', cartToken: 'short' })).toBe(false);
  });

  it('an order opens for the browser that placed it or a signed link, and for nobody else', async () => {
    const s = await cartWith('FCT-15CM-CAM', 1);
    const r = await placeOrder(ctx.db, s.token, s.input, 'stripe', settings);
    if (r.kind !== 'placed') throw new Error(r.kind);
    await ctx.db.order.update({ where: { id: r.order.id }, data: { providerRef: 'cs_test_access' } });
    const secret = 's'.repeat(40);
    const find = (req: Partial<OrderRequest>) =>
      findOrderFor(ctx.db, { orderId: null, stripeSessionId: null, linkToken: null, cartToken: null, ...req }, secret);
    const other = 'B'.repeat(43);
    expect((await find({ orderId: r.order.id, cartToken: s.token }))?.number).toBe(r.order.number);
    expect((await find({ stripeSessionId: 'cs_test_access', cartToken: s.token }))?.id).toBe(r.order.id);
    expect((await find({ orderId: r.order.id, linkToken: signOrderLink(secret, r.order.id, new Date()) }))?.id).toBe(r.order.id);
    expect(await find({ orderId: r.order.id })).toBeNull();
    expect(await find({ orderId: r.order.id, cartToken: other })).toBeNull();
    expect(await find({ stripeSessionId: 'cs_test_access', cartToken: other })).toBeNull();
    expect(await find({ orderId: r.order.id, cartToken: other, linkToken: signOrderLink('t'.repeat(40), r.order.id, new Date()) })).toBeNull();
    expect(await find({ orderId: 'not-an-id', cartToken: s.token })).toBeNull();
  });
});
