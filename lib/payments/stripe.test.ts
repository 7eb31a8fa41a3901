import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../tests/fakes/stripe';
import type { OrderView } from '../checkout/types';
import { expireSession, startStripeCheckout, stripeClient } from './stripe';

/**
 * What the shop asks Stripe for, read off the local fake's request log: the session's every parameter,
 * its expiry, its idempotency key, and what an order that already has a session gets back.
 * tests/integration/payments.test.ts pays and expires these sessions through the webhook.
 */
const SITE = 'http://127.0.0.1:3000';
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: 'whsec_unit' });
  stripe = stripeClient({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_unit', apiBase: fake.url });
});
afterAll(async () => {
  await fake?.close();
});

let n = 0;
/** A pending order placed `placedMinutesAgo` before now, held for `holdMinutes`; each one a new id. */
function orderOf(over: Partial<OrderView> = {}, holdMinutes = 30, now = Date.now()): OrderView {
  n++;
  return {
    id: `ord_unit_${n}`,
    number: `MN-2000${n}`,
    status: 'pending',
    email: 'dulmaa@example.com',
    address: { name: 'Dulmaa Bat', line1: '12 Peace Avenue', line2: null, city: 'Ulaanbaatar', region: null, postalCode: '14200', country: 'MN' },
    shippingMethod: 'express',
    lines: [
      {
        productSlug: 'tuul-cashmere-scarf',
        title: 'Tuul Cashmere Scarf',
        size: 'One size',
        colour: 'Oat',
        sku: 'TUUL-OAT',
        quantity: 2,
        unitPrice: { amount: 6405, currency: 'USD' },
        lineTotal: { amount: 12810, currency: 'USD' },
        isWool: true,
      },
      {
        productSlug: 'felt-coasters',
        title: 'Felt Coasters',
        size: 'Set of 6',
        colour: 'Mixed',
        sku: 'FELT-6',
        quantity: 1,
        unitPrice: { amount: 1800, currency: 'USD' },
        lineTotal: { amount: 1800, currency: 'USD' },
        isWool: true,
      },
    ],
    subtotal: { amount: 14610, currency: 'USD' },
    shipping: { amount: 2500, currency: 'USD' },
    total: { amount: 17110, currency: 'USD' },
    provider: 'stripe',
    flaggedReason: null,
    placedAt: new Date(now).toISOString(),
    paidAt: null,
    expiresAt: new Date(now + holdMinutes * 60_000).toISOString(),
    shipment: null,
    history: [],
    ...over,
  };
}

const creates = () => fake.lastRequests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

describe('a Stripe client per configuration', () => {
  it('is made once per key and address, and talks to the address it is given', () => {
    const again = stripeClient({ secretKey: 'sk_test_unit', webhookSecret: 'other', apiBase: fake.url });
    expect(again).toBe(stripe);
    expect(stripeClient({ secretKey: 'sk_test_other', webhookSecret: 'whsec_unit', apiBase: fake.url })).not.toBe(stripe);
    expect(stripeClient({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_unit', apiBase: 'http://127.0.0.1:9' })).not.toBe(stripe);
    expect(stripeClient({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_unit' })).not.toBe(stripe);
  });

  it('reads host, port and protocol from the address (default ports too), never retries a local fake, and sends no telemetry', () => {
    // getApiField is the SDK's own accessor for these settings (marked private there, stable for years).
    const api = (c: Stripe) => c as unknown as { getApiField(k: string): unknown; getTelemetryEnabled(): boolean };
    const local = api(stripe);
    expect([local.getApiField('host'), local.getApiField('port'), local.getApiField('protocol')]).toEqual(['127.0.0.1', String(fake.port), 'http']);
    expect(local.getApiField('maxNetworkRetries')).toBe(0);
    expect(local.getTelemetryEnabled()).toBe(false);
    const https = api(stripeClient({ secretKey: 'sk_test_ports', webhookSecret: 'w', apiBase: 'https://stripe.internal.example' }));
    expect([https.getApiField('host'), https.getApiField('port'), https.getApiField('protocol')]).toEqual(['stripe.internal.example', 443, 'https']);
    const http = api(stripeClient({ secretKey: 'sk_test_ports', webhookSecret: 'w', apiBase: 'http://stripe.internal.example' }));
    expect([http.getApiField('port'), http.getApiField('protocol')]).toEqual([80, 'http']);
    const real = api(stripeClient({ secretKey: 'sk_test_real', webhookSecret: 'w' }));
    expect(real.getApiField('host')).toBe('api.stripe.com');
    expect(real.getApiField('maxNetworkRetries')).toBe(2);
    expect(real.getTelemetryEnabled()).toBe(false);
  });
});

describe('a Checkout Session for an order', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });

  it('asks for every line by name, colour and size, the shipping by method, the order’s e-mail and ids, and the return addresses', async () => {
    const order = orderOf();
    const before = creates().length;
    const session = await startStripeCheckout(stripe, order, SITE);
    const [sent] = creates().slice(before);
    expect(sent!.idempotencyKey).toBe(`order-${order.id}-checkout-session`);
    expect(sent!.params).toEqual({
      mode: 'payment',
      customer_email: 'dulmaa@example.com',
      client_reference_id: order.id,
      metadata: { orderId: order.id, orderNumber: order.number },
      line_items: [
        { quantity: '2', price_data: { currency: 'usd', unit_amount: '6405', product_data: { name: 'Tuul Cashmere Scarf (Oat, One size)' } } },
        { quantity: '1', price_data: { currency: 'usd', unit_amount: '1800', product_data: { name: 'Felt Coasters (Mixed, Set of 6)' } } },
        { quantity: '1', price_data: { currency: 'usd', unit_amount: '2500', product_data: { name: 'Express shipping' } } },
      ],
      // Stripe fills in the session id: the placeholder must reach it unescaped.
      success_url: `${SITE}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${SITE}/checkout?cancelled=1`,
      expires_at: String(seconds(order.placedAt) + 35 * 60),
    });
    const stored = fake.sessions.get(session.sessionId)!;
    expect(session.url).toBe(stored.url);
    expect(stored.amount_total).toBe(17110);
  });

  it('names standard shipping, and sends no shipping line when shipping is free', async () => {
    const before = creates().length;
    await startStripeCheckout(stripe, orderOf({ shippingMethod: 'standard', shipping: { amount: 900, currency: 'USD' } }), SITE);
    await startStripeCheckout(stripe, orderOf({ shipping: { amount: 0, currency: 'USD' }, total: { amount: 14610, currency: 'USD' } }), SITE);
    const [standard, free] = creates().slice(before);
    const names = (r: typeof standard) =>
      (r!.params.line_items as { price_data: { product_data: { name: string } } }[]).map((l) => l.price_data.product_data.name);
    expect(names(standard).at(-1)).toBe('Standard shipping');
    expect(names(free)).toEqual(['Tuul Cashmere Scarf (Oat, One size)', 'Felt Coasters (Mixed, Set of 6)']);
  });

  it('expires with the order’s hold, but never sooner than 35 minutes or later than 23 hours after it was placed', async () => {
    const expiresAt = async (holdMinutes: number) => {
      const order = orderOf({}, holdMinutes);
      const before = creates().length;
      await startStripeCheckout(stripe, order, SITE);
      return Number(creates().slice(before)[0]!.params.expires_at) - seconds(order.placedAt);
    };
    expect(await expiresAt(30)).toBe(35 * 60);
    expect(await expiresAt(35)).toBe(35 * 60);
    expect(await expiresAt(36)).toBe(36 * 60);
    expect(await expiresAt(120)).toBe(120 * 60);
    expect(await expiresAt(23 * 60)).toBe(23 * 3600);
    expect(await expiresAt(23 * 60 + 1)).toBe(23 * 3600);
    expect(await expiresAt(48 * 60)).toBe(23 * 3600);
  });

  it('an order whose session is still open gets that session back, and asks Stripe for nothing new', async () => {
    const order = orderOf();
    const first = await startStripeCheckout(stripe, order, SITE);
    const before = creates().length;
    expect(await startStripeCheckout(stripe, order, SITE, first.sessionId)).toEqual(first);
    expect(creates().length).toBe(before);
  });

  it('an order already paid on Stripe (the webhook not here yet) is sent to its success page, never a second session', async () => {
    const order = orderOf();
    const first = await startStripeCheckout(stripe, order, SITE);
    await fake.pay(first.sessionId);
    const before = creates().length;
    expect(await startStripeCheckout(stripe, order, SITE, first.sessionId)).toEqual({
      sessionId: first.sessionId,
      url: `${SITE}/checkout/success?session_id=${first.sessionId}`,
    });
    expect(creates().length).toBe(before);
  });

  it('an expired session is replaced by a new one, 31 minutes on rounded up to five, under a key of its own', async () => {
    const order = orderOf();
    const first = await startStripeCheckout(stripe, order, SITE);
    await fake.expire(first.sessionId);
    // 12:00:10 + 31 min = 12:31:10, rounded up to the next five minutes: 12:35:00.
    const now = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 10_000);
    vi.useFakeTimers({ toFake: ['Date'], now });
    try {
      const before = creates().length;
      const second = await startStripeCheckout(stripe, order, SITE, first.sessionId, now);
      expect(second.sessionId).not.toBe(first.sessionId);
      const [sent] = creates().slice(before);
      const expected = Math.floor(now.getTime() / 1000) + 35 * 60 - 10;
      expect(Number(sent!.params.expires_at)).toBe(expected);
      expect(sent!.idempotencyKey).toBe(`order-${order.id}-checkout-session-after-${first.sessionId}-${expected}`);
      // The same retry a moment later (a double click) lands in the same five minutes: the same key, the same session.
      const again = await startStripeCheckout(stripe, order, SITE, first.sessionId, new Date(now.getTime() + 60_000));
      expect(again.sessionId).toBe(second.sessionId);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a session that is not open is replaced even if Stripe still gave it an address: the status decides', async () => {
    const stub = {
      checkout: {
        sessions: {
          retrieve: async () => ({ id: 'cs_old', status: 'expired', url: 'https://checkout.stripe.example/old' }),
          create: async () => ({ id: 'cs_new', url: 'https://checkout.stripe.example/new' }),
        },
      },
    } as unknown as Stripe;
    expect(await startStripeCheckout(stub, orderOf(), SITE, 'cs_old')).toEqual({ sessionId: 'cs_new', url: 'https://checkout.stripe.example/new' });
  });

  it('a session Stripe returns without a payment page is an error, not a broken redirect', async () => {
    const noUrl = { checkout: { sessions: { create: async () => ({ id: 'cs_no_url', url: null }) } } } as unknown as Stripe;
    await expect(startStripeCheckout(noUrl, orderOf(), SITE)).rejects.toThrow('Stripe returned no URL for session cs_no_url');
  });
});

describe('closing a replaced session', () => {
  it('expires an open session once; a closed one is left alone', async () => {
    const { sessionId } = await startStripeCheckout(stripe, orderOf(), SITE);
    expect(await expireSession(stripe, sessionId)).toBe(true);
    expect(fake.sessions.get(sessionId)!.status).toBe('expired');
    const before = fake.lastRequests.length;
    expect(await expireSession(stripe, sessionId)).toBe(false);
    // Only the look-up: no second expire call for a session that is not open.
    expect(fake.lastRequests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/checkout/sessions/${sessionId}`]);
    await fake.idle();
  });

  it('when Stripe cannot be reached it says so in the log and answers false', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const down = stripeClient({ secretKey: 'sk_test_down', webhookSecret: 'w', apiBase: 'http://127.0.0.1:9' });
    expect(await expireSession(down, 'cs_unreachable')).toBe(false);
    expect(error).toHaveBeenCalledWith('could not expire the replaced Stripe session cs_unreachable', expect.anything());
    error.mockRestore();
  });
});
