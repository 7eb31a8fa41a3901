import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { placeOrder, type PlaceSettings } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { finishPayPal, startPayPal } from '@/lib/checkout/service';
import type { Db } from '@/lib/db';
import { formatMoney, money } from '@/lib/money';
import { recordPayment } from '@/lib/payments/record';
import { expireSession, handleStripeWebhook, startStripeCheckout, stripeClient } from '@/lib/payments/stripe';
import { startFakePayPal, type FakePayPal } from '../fakes/paypal';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings } from '../support/settings';

const cart = testCartSettings;
const place: PlaceSettings = { cart, holdMinutes: 30 };
const WEBHOOK_SECRET = 'whsec_test_integration';
const address = {
  email: 'a@example.com',
  name: 'Ariunaa',
  line1: '1 Sukhbaatar Square',
  line2: null,
  city: 'Ulaanbaatar',
  region: null,
  postalCode: '14200',
  country: 'MN' as const,
  shippingMethod: 'standard' as const,
};

describeEachDatabase('payments through the real SDK against local fakes', (ctx) => {
  let stripeFake: FakeStripe;
  let paypalFake: FakePayPal;
  let receiver: http.Server;
  const stripeSettings = () => ({ secretKey: 'sk_test_integration', webhookSecret: WEBHOOK_SECRET, apiBase: stripeFake.url });
  const paypalSettings = () => ({ clientId: 'client-id', clientSecret: 'client-secret', apiBase: paypalFake.url });

  beforeAll(async () => {
    await seedCatalog(ctx.db);
    // The app's webhook endpoint, in miniature: the same handler the route calls.
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        void handleStripeWebhook(ctx.db as Db, stripeClient(stripeSettings()), raw, (req.headers['stripe-signature'] as string) ?? null, WEBHOOK_SECRET).then(
          (r) => {
            res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
          },
        );
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    stripeFake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, webhookUrl: `http://127.0.0.1:${port}/` });
    paypalFake = await startFakePayPal({ clientId: 'client-id', clientSecret: 'client-secret' });
  });
  afterAll(async () => {
    await stripeFake?.close();
    await paypalFake?.close();
    await new Promise((r) => receiver?.close(r));
  });

  async function cartWith(sku: string): Promise<{ token: string; input: CheckoutInput }> {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, cart);
    return { token: r.newToken!, input: { ...address, payment: 'card', quote: quoteOf(await getCart(ctx.db, r.newToken, cart)) } };
  }

  async function stripeOrder(sku: string) {
    const s = await cartWith(sku);
    const placed = await placeOrder(ctx.db, s.token, s.input, 'stripe', place);
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    const session = await startStripeCheckout(stripeClient(stripeSettings()), placed.order, 'http://127.0.0.1:3000');
    await ctx.db.order.update({ where: { id: placed.order.id }, data: { providerRef: session.sessionId } });
    return { order: placed.order, session };
  }

  it('a Checkout Session carries the order’s lines and shipping, once per order', async () => {
    const { order, session } = await stripeOrder('YWS-S3638-BRO');
    // The same request again (a race before the session id was saved) and a retry much later both get the same session.
    const again = await startStripeCheckout(stripeClient(stripeSettings()), order, 'http://127.0.0.1:3000', null, new Date(Date.now() + 5_000));
    expect(again.sessionId).toBe(session.sessionId);
    const later = await startStripeCheckout(
      stripeClient(stripeSettings()),
      order,
      'http://127.0.0.1:3000',
      session.sessionId,
      new Date(Date.now() + 20 * 60_000),
    );
    expect(later.sessionId).toBe(session.sessionId);
    const stored = stripeFake.sessions.get(session.sessionId)!;
    expect(stored.amount_total).toBe(order.total.amount);
    expect(stored.metadata).toMatchObject({ orderId: order.id });
  });

  it('checkout.session.completed pays the order once, however often it is delivered', async () => {
    stripeFake.setDelivery('duplicate');
    const { order, session } = await stripeOrder('FCT-15CM-CAM');
    await stripeFake.pay(session.sessionId);
    stripeFake.setDelivery('normal');
    const event = stripeFake.events.find((e) => e.data.object.id === session.sessionId && e.type === 'checkout.session.completed')!;
    await stripeFake.resend(event.id);
    await stripeFake.resend(event.id);
    const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true, events: true } });
    expect(row.status).toBe('paid');
    expect(row.payments).toHaveLength(1);
    expect(row.payments[0]).toMatchObject({ provider: 'stripe', amountCents: order.total.amount, currency: 'USD' });
    expect(row.events.map((e) => e.to)).toEqual(['pending', 'paid']);
    expect(await ctx.db.webhookEvent.count({ where: { eventId: event.id } })).toBe(1);
    expect(stripeFake.deliveries.filter((d) => d.eventId === event.id).every((d) => d.status === 200)).toBe(true);
  });

  it('events out of order (expired after completed) change nothing twice', async () => {
    stripeFake.setDelivery('out-of-order');
    const { order, session } = await stripeOrder('SLP-SMALL-TAN');
    await stripeFake.pay(session.sessionId);
    await stripeFake.flush();
    stripeFake.setDelivery('normal');
    const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(row.status).toBe('paid');
    expect(row.payments).toHaveLength(1);
  });

  it('an expired session cancels the order and gives its stock back', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FGS-3637-CHA' } });
    const { order, session } = await stripeOrder('FGS-3637-CHA');
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock - 1);
    await stripeFake.expire(session.sessionId);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock);
  });

  it('a bad signature is refused with 400 and nothing is written', async () => {
    stripeFake.setDelivery('bad-signature');
    const { order, session } = await stripeOrder('TCS-18030C-OAT');
    const eventsBefore = await ctx.db.webhookEvent.count();
    await stripeFake.pay(session.sessionId);
    stripeFake.setDelivery('normal');
    const delivery = stripeFake.deliveries.at(-1)!;
    expect(delivery).toMatchObject({ badSignature: true, status: 400 });
    expect(await ctx.db.webhookEvent.count()).toBe(eventsBefore);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('pending');
  });

  it('PayPal: create, approve, capture; the amount and currency are checked; a second capture is treated as paid', async () => {
    const s = await cartWith('YWS-S3638-BRO');
    const started = await startPayPal(ctx.db, s.token, { ...s.input, payment: 'paypal' }, new Date(), paypalSettings(), place);
    expect(started.kind).toBe('created');
    if (started.kind !== 'created') return;
    expect((await finishPayPal(ctx.db, s.token, started.paypalOrderId, new Date(), paypalSettings())).kind).toBe('failed'); // not approved yet
    paypalFake.approve(started.paypalOrderId);
    paypalFake.declineNextCapture();
    expect((await finishPayPal(ctx.db, s.token, started.paypalOrderId, new Date(), paypalSettings())).kind).toBe('declined');
    const paid = await finishPayPal(ctx.db, s.token, started.paypalOrderId, new Date(), paypalSettings());
    expect(paid.kind).toBe('paid');
    // A retry after a lost answer: PayPal says ORDER_ALREADY_CAPTURED; the capture is checked, nothing is recorded twice.
    expect((await finishPayPal(ctx.db, s.token, started.paypalOrderId, new Date(), paypalSettings())).kind).toBe('paid');
    const row = await ctx.db.order.findFirstOrThrow({ where: { providerRef: started.paypalOrderId }, include: { payments: true } });
    expect(row.status).toBe('paid');
    expect(row.payments).toHaveLength(1);
    // Another browser cannot finish someone else's PayPal order.
    expect((await finishPayPal(ctx.db, 'B'.repeat(43), started.paypalOrderId, new Date(), paypalSettings())).kind).toBe('not-found');
  });

  it('PayPal: a capture for another amount leaves the order unpaid and flagged for staff', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const started = await startPayPal(ctx.db, s.token, { ...s.input, payment: 'paypal' }, new Date(), paypalSettings(), place);
    if (started.kind !== 'created') throw new Error(started.kind);
    paypalFake.approve(started.paypalOrderId);
    paypalFake.captureAmountOverride('1.00');
    const r = await finishPayPal(ctx.db, s.token, started.paypalOrderId, new Date(), paypalSettings());
    paypalFake.captureAmountOverride(null);
    expect(r.kind).toBe('mismatch');
    const row = await ctx.db.order.findFirstOrThrow({ where: { providerRef: started.paypalOrderId } });
    expect(row.status).toBe('pending');
    expect(row.flaggedReason).toMatch(/\$1\.00/);
  });

  it('an older session expiring after a retry replaced it cancels nothing', async () => {
    const { order, session } = await stripeOrder('YWS-S3638-BRO');
    // A retry opened another session for the same order: it is now the current one.
    await ctx.db.order.update({ where: { id: order.id }, data: { providerRef: 'cs_test_newer_session' } });
    await stripeFake.expire(session.sessionId);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('pending');
  });

  it('a second, different payment for an order already paid is kept on record and flagged for a refund', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const placed = await placeOrder(ctx.db, s.token, { ...s.input, payment: 'test' }, 'test', place);
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    const pay = (externalId: string) =>
      ctx.db.$transaction((tx) =>
        recordPayment(tx, { orderId: placed.order.id, provider: 'test', externalId, amountCents: placed.order.total.amount, currency: 'USD', now: new Date() }),
      );
    expect(await pay('first')).toBe('paid');
    expect(await pay('first')).toBe('duplicate');
    expect(await pay('second')).toBe('mismatch');
    const row = await ctx.db.order.findUniqueOrThrow({ where: { id: placed.order.id }, include: { payments: true } });
    expect(row.status).toBe('paid');
    expect(row.payments).toHaveLength(2);
    expect(row.flaggedReason).toMatch(/second payment/);
  });

  it('a checkout replaced by a new one (another address) closes the old Stripe session, so it cannot be paid too', async () => {
    const s = await cartWith('SLP-SMALL-TAN');
    const first = await placeOrder(ctx.db, s.token, s.input, 'stripe', place);
    if (first.kind !== 'placed') throw new Error(first.kind);
    const session = await startStripeCheckout(stripeClient(stripeSettings()), first.order, 'http://127.0.0.1:3000');
    await ctx.db.order.update({ where: { id: first.order.id }, data: { providerRef: session.sessionId } });
    const second = await placeOrder(ctx.db, s.token, { ...s.input, city: 'Darkhan' }, 'stripe', place);
    if (second.kind !== 'placed') throw new Error(second.kind);
    expect(second.replaced).toEqual({ id: first.order.id, provider: 'stripe', providerRef: session.sessionId });
    expect(await expireSession(stripeClient(stripeSettings()), session.sessionId)).toBe(true);
    await stripeFake.idle();
    expect(stripeFake.sessions.get(session.sessionId)!.status).toBe('expired');
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: first.order.id } })).status).toBe('cancelled');
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: second.order.id } })).status).toBe('pending');
    expect(await expireSession(stripeClient(stripeSettings()), session.sessionId)).toBe(false);
  });
  describe('each kind of Stripe event, signed and handed to the webhook handler', () => {
    /** Signs `event` as Stripe would and hands it to the handler the route calls. */
    async function deliver(event: { id: string; type: string; data: { object: Record<string, unknown> } }) {
      const raw = JSON.stringify({ object: 'event', api_version: '2025-01-01', created: 1, livemode: false, ...event });
      const stripe = stripeClient(stripeSettings());
      const header = stripe.webhooks.generateTestHeaderString({ payload: raw, secret: WEBHOOK_SECRET });
      return handleStripeWebhook(ctx.db as Db, stripe, raw, header, WEBHOOK_SECRET);
    }
    const sessionEvent = (id: string, type: string, object: Record<string, unknown>) => ({
      id,
      type,
      data: { object: { object: 'checkout.session', currency: 'usd', payment_intent: null, metadata: {}, client_reference_id: null, ...object } },
    });

    it('a payment still on its way waits; async_payment_succeeded then pays the order (found by client_reference_id)', async () => {
      const { order, session } = await stripeOrder('GCN-M-OAT');
      const base = { id: session.sessionId, client_reference_id: order.id, amount_total: order.total.amount };
      const waiting = await deliver(sessionEvent('evt_async_1', 'checkout.session.completed', { ...base, payment_status: 'unpaid' }));
      expect(waiting).toEqual({ status: 200, orderId: order.id, body: { received: true, outcome: 'awaiting-payment' } });
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('pending');
      const paid = await deliver(
        sessionEvent('evt_async_2', 'checkout.session.async_payment_succeeded', { ...base, payment_status: 'paid', payment_intent: 'pi_async' }),
      );
      expect(paid.body).toEqual({ received: true, outcome: 'paid' });
      const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
      expect(row.status).toBe('paid');
      expect(row.payments.map((x) => x.externalId)).toEqual(['pi_async']);
      // The same event again is recognised and changes nothing.
      const again = await deliver(
        sessionEvent('evt_async_2', 'checkout.session.async_payment_succeeded', { ...base, payment_status: 'paid', payment_intent: 'pi_async' }),
      );
      expect(again).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    });

    it('a completed session for another amount is kept on record and flagged, and the order stays unpaid', async () => {
      const { order, session } = await stripeOrder('KCC-M-FOR');
      const r = await deliver(
        sessionEvent('evt_short_1', 'checkout.session.completed', {
          id: session.sessionId,
          metadata: { orderId: order.id },
          payment_status: 'paid',
          payment_intent: 'pi_short',
          amount_total: order.total.amount - 100,
        }),
      );
      expect(r.body).toEqual({ received: true, outcome: 'mismatch' });
      const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
      expect(row.status).toBe('pending');
      expect(row.payments).toHaveLength(1);
      const usd = (cents: number) => formatMoney(money(cents, 'USD'));
      expect(row.flaggedReason).toBe(`stripe reported ${usd(order.total.amount - 100)} USD; the order's total is ${usd(order.total.amount)}`);
    });

    it('the right number in another currency is a mismatch too', async () => {
      const { order, session } = await stripeOrder('SBC-S-OAT');
      const r = await deliver(
        sessionEvent('evt_eur_1', 'checkout.session.completed', {
          id: session.sessionId,
          metadata: { orderId: order.id },
          payment_status: 'paid',
          payment_intent: 'pi_eur',
          amount_total: order.total.amount,
          currency: 'eur',
        }),
      );
      expect(r.body).toEqual({ received: true, outcome: 'mismatch' });
      const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(row.status).toBe('pending');
      expect(row.flaggedReason).toMatch(/^stripe reported .* EUR; the order's total is /);
    });

    it('an expiry delivered twice is acted on once: the second is a duplicate', async () => {
      const { order, session } = await stripeOrder('GCN-L-OAT');
      const event = sessionEvent('evt_exp_twice', 'checkout.session.expired', { id: session.sessionId, metadata: { orderId: order.id } });
      expect((await deliver(event)).body).toEqual({ received: true, outcome: 'moved' });
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
      expect((await deliver(event)).body).toEqual({ received: true, outcome: 'duplicate' });
      expect(await ctx.db.webhookEvent.count({ where: { eventId: 'evt_exp_twice' } })).toBe(1);
    });

    it('an event without an order, or of a kind the shop does not use, is answered and changes nothing', async () => {
      const none = await deliver(sessionEvent('evt_none_1', 'checkout.session.completed', { id: 'cs_nobody', payment_status: 'paid', amount_total: 100 }));
      expect(none).toEqual({ status: 200, body: { received: true, outcome: 'no-order' } });
      const expired = await deliver(sessionEvent('evt_none_2', 'checkout.session.expired', { id: 'cs_nobody' }));
      expect(expired.body).toEqual({ received: true, outcome: 'no-order' });
      const other = await deliver({ id: 'evt_other_1', type: 'customer.created', data: { object: { object: 'customer', id: 'cus_1' } } });
      expect(other).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
    });

    it('a bad signature is answered with why, and records nothing', async () => {
      const before = await ctx.db.webhookEvent.count();
      const r = await handleStripeWebhook(ctx.db as Db, stripeClient(stripeSettings()), '{"id":"evt_forged"}', 't=1,v1=deadbeef', WEBHOOK_SECRET);
      expect(r).toEqual({ status: 400, body: { received: false, error: 'The signature does not match this payload.' } });
      expect(await handleStripeWebhook(ctx.db as Db, stripeClient(stripeSettings()), '{}', null, WEBHOOK_SECRET)).toMatchObject({ status: 400 });
      expect(await ctx.db.webhookEvent.count()).toBe(before);
    });
  });
});
