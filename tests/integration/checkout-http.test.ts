import { afterAll, beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { paypalCapture, paypalCreate } from '@/lib/checkout/http';
import { quoteOf } from '@/lib/checkout/quote';
import type { Db } from '@/lib/db';
import { startFakePayPal, type FakePayPal } from '../fakes/paypal';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings } from '../support/settings';

/**
 * PayPal's two calls from the browser (lib/checkout/http.ts) as the route handlers make them:
 * a Request in, a Response out, against the PayPal fake through the real HTTP calls. What the
 * shopper reads is part of the contract, so the messages are checked word for word.
 */
const SITE = 'http://localhost:3000';
let paypal: FakePayPal;

beforeAll(async () => {
  paypal = await startFakePayPal({ clientId: 'client-id', clientSecret: 'client-secret' });
  // Read once by shopConfig(), before any checkout code runs in this file.
  Object.assign(process.env, {
    SITE_URL: SITE,
    PAYPAL_CLIENT_ID: 'client-id',
    PAYPAL_CLIENT_SECRET: 'client-secret',
    PAYPAL_API_BASE: paypal.url,
  });
});
afterAll(async () => {
  await paypal?.close();
});

const address = {
  email: 'nomin@example.com',
  name: 'Nomin Erdene',
  line1: '3 Seoul Street',
  line2: '',
  city: 'Ulaanbaatar',
  region: '',
  postalCode: '14251',
  country: 'MN',
  shippingMethod: 'standard',
};

function post(path: string, body: unknown, cartToken: string | null, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      origin: SITE,
      ...(cartToken ? { cookie: `cart=${cartToken}` } : {}),
      ...headers,
    },
  });
}

describeEachDatabase('PayPal from the browser: create and capture', (ctx) => {
  const db = () => ctx.db as Db;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function cartWith(sku: string, quantity = 1): Promise<{ token: string; quote: string }> {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity }, testCartSettings);
    return { token: r.newToken!, quote: quoteOf(await getCart(ctx.db, r.newToken, testCartSettings)) };
  }

  it('creates our order and PayPal’s, then captures it and points to the confirmation', async () => {
    const s = await cartWith('YWS-S3638-BRO');
    const created = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote }, s.token), db());
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { paypalOrderId } = (await created.json()) as { paypalOrderId: string };
    const order = await ctx.db.order.findFirstOrThrow({ where: { providerRef: paypalOrderId } });
    expect(order).toMatchObject({ provider: 'paypal', status: 'pending', email: 'nomin@example.com' });

    // Asked again (a second click), the same PayPal order comes back: no second order anywhere.
    const again = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote }, s.token), db());
    expect(await again.json()).toEqual({ paypalOrderId });
    expect(await ctx.db.order.count({ where: { cartId: order.cartId } })).toBe(1);

    paypal.approve(paypalOrderId);
    const captured = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, s.token), db());
    expect(captured.status).toBe(200);
    expect(await captured.json()).toEqual({ redirect: `/checkout/success?order=${order.id}` });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
    // The confirmation e-mail follows the payment, once.
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-confirmation:${order.id}` } })).toBe(1);
  });

  it('says which field is wrong, and places nothing', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const before = await ctx.db.order.count();
    const res = await paypalCreate(post('/api/checkout/paypal', { ...address, email: 'not-an-address', quote: s.quote }, s.token), db());
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; errors: Record<string, string> };
    expect(body.error).toBe('Please correct the fields marked in the form, then try PayPal again.');
    expect(Object.keys(body.errors)).toEqual(['email']);
    expect(await ctx.db.order.count()).toBe(before);
  });

  it('refuses what is not a form of strings, and requests from another site, before anything runs', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const before = await ctx.db.order.count();
    const nested = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote, name: { first: 'N' } }, s.token), db());
    expect(nested.status).toBe(400);
    const tooLong = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote, line1: 'x'.repeat(301) }, s.token), db());
    expect(tooLong.status).toBe(400);
    const cross = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote }, s.token, { origin: 'https://evil.example' }), db());
    expect(cross.status).toBe(403);
    expect(await ctx.db.order.count()).toBe(before);
    const crossCapture = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: 'ABCDE12345' }, s.token, { origin: 'null' }), db());
    expect(crossCapture.status).toBe(403);
  });

  it('an empty cart, a changed price and a sold-out line each get their own sentence and a 409', async () => {
    const empty = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: 'a'.repeat(32) }, 'C'.repeat(43)), db());
    expect(empty.status).toBe(409);
    expect(await empty.json()).toEqual({ error: 'Your cart is empty.' });

    const s = await cartWith('FCT-15CM-CAM');
    const changed = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: 'b'.repeat(32) }, s.token), db());
    expect(changed.status).toBe(409);
    expect(await changed.json()).toEqual({ error: 'Prices or items in your cart changed. Reload the page to see the new total.' });

    const variant = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    const three = await cartWith('FCT-15CM-CAM', 3);
    await ctx.db.variant.update({ where: { id: variant.id }, data: { stock: 2 } });
    const fewer = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: three.quote }, three.token), db());
    expect(fewer.status).toBe(409);
    expect((await fewer.json()).error).toBe('Sorry: only 2 of Felt Camel Toy (Camel, 15 cm) left.');
    await ctx.db.variant.update({ where: { id: variant.id }, data: { stock: 0 } });
    const gone = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: three.quote }, three.token), db());
    expect((await gone.json()).error).toBe('Sorry: Felt Camel Toy (Camel, 15 cm) is sold out.');
    await ctx.db.variant.update({ where: { id: variant.id }, data: { stock: variant.stock } });
  });

  it('capture: a malformed id is a 400, another browser’s order a 404, a decline a 402 to retry, an unapproved order a 502', async () => {
    const s = await cartWith('YWS-S3638-BRO');
    const created = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote }, s.token), db());
    const { paypalOrderId } = (await created.json()) as { paypalOrderId: string };

    const malformed = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: 'abc' }, s.token), db());
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'That PayPal order id is not valid.' });
    const extra = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId, amount: '0.01' }, s.token), db());
    expect(extra.status).toBe(400);

    const stranger = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, 'D'.repeat(43)), db());
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toEqual({ error: 'We could not find that order for this browser.' });
    const noCookie = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, null), db());
    expect(noCookie.status).toBe(404);

    const unapproved = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, s.token), db());
    expect(unapproved.status).toBe(502);
    expect(await unapproved.json()).toEqual({ error: 'PayPal could not complete the payment. Nothing was charged; please try again.' });

    paypal.approve(paypalOrderId);
    paypal.declineNextCapture();
    const declined = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, s.token), db());
    expect(declined.status).toBe(402);
    expect(await declined.json()).toEqual({
      error: 'PayPal could not take the payment from that funding source. Please try again with another.',
      retry: true,
    });
    expect((await ctx.db.order.findFirstOrThrow({ where: { providerRef: paypalOrderId } })).status).toBe('pending');
  });

  it('a capture for another amount is a 409 that still shows the order, and nothing is marked paid', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const created = await paypalCreate(post('/api/checkout/paypal', { ...address, quote: s.quote }, s.token), db());
    const { paypalOrderId } = (await created.json()) as { paypalOrderId: string };
    paypal.approve(paypalOrderId);
    paypal.captureAmountOverride('1.00');
    try {
      const res = await paypalCapture(post('/api/checkout/paypal/capture', { orderID: paypalOrderId }, s.token), db());
      const order = await ctx.db.order.findFirstOrThrow({ where: { providerRef: paypalOrderId } });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: 'PayPal reported a different amount than your order. Nothing is shipped until our staff have checked it; we will e-mail you.',
        redirect: `/checkout/success?order=${order.id}`,
      });
      expect(order.status).toBe('pending');
      expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-confirmation:${order.id}` } })).toBe(0);
    } finally {
      paypal.captureAmountOverride(null);
    }
  });
});
