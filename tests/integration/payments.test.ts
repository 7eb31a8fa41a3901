import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { placeOrder, type PlaceSettings } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { afterPayment } from '@/lib/checkout/confirmation';
import { finishPayPal, startPayPal } from '@/lib/checkout/service';
import type { Db } from '@/lib/db';
import { formatMoney, money } from '@/lib/money';
import { recordPayment } from '@/lib/payments/record';
import { expireSession, handleStripeWebhook, startStripeCheckout, stripeClient } from '@/lib/payments/stripe';
import { startFakePayPal, type FakePayPal } from '../fakes/paypal';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe';
import { approveReturn } from '@/lib/returns/approve';
import { receiveReturn } from '@/lib/returns/receive';
import { requestReturn } from '@/lib/returns/request';
import { describeEachDatabase } from '../support/databases';
import { makeActor } from '../support/staff';
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
        void handleStripeWebhook(
          ctx.db as Db,
          stripeClient(stripeSettings()),
          raw,
          (req.headers['stripe-signature'] as string | undefined) ?? '',
          WEBHOOK_SECRET,
        ).then((r) => {
          res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
        });
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

  async function stripeOrder(sku: string, restock = false) {
    // restock: one more unit first, for tests that do not care how many the demo data has left.
    if (restock) await ctx.db.variant.update({ where: { sku }, data: { stock: { increment: 1 } } });
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
    // A card payment's confirmation does not call it a test payment.
    await afterPayment(ctx.db, order.id);
    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `order-confirmation:${order.id}` } });
    expect(mail.text).toContain(order.number);
    expect(mail.text.toLowerCase()).not.toContain('test payment');
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

    it('a session that reports no currency, or junk, is recorded as XXX ("no currency") and flagged with what was sent', async () => {
      for (const [n, currency] of [
        [1, null],
        [2, 'dollars'],
        [3, 'a made-up currency with a very long name'],
      ] as const) {
        const { order, session } = await stripeOrder(['KCC-L-FOR', 'SBC-M-OAT', 'SBC-S-OAT'][n - 1]!, true);
        const r = await deliver(
          sessionEvent(`evt_nocur_${n}`, 'checkout.session.completed', {
            id: session.sessionId,
            metadata: { orderId: order.id },
            payment_status: 'paid',
            payment_intent: `pi_nocur_${n}`,
            amount_total: order.total.amount,
            currency,
          }),
        );
        expect(r.body, String(currency)).toEqual({ received: true, outcome: 'mismatch' });
        const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
        expect(row.status).toBe('pending');
        expect(row.payments.map((p) => [p.amountCents, p.currency])).toEqual([[order.total.amount, 'XXX']]);
        // What was sent, quoted, its first 20 characters at most.
        const sent = ['""', '"dollars"', '"a made-up currency w"'][n - 1];
        expect(row.flaggedReason).toBe(
          `stripe reported ${order.total.amount} minor units in no known currency (${sent}); the order's total is ${formatMoney(money(order.total.amount, 'USD'))}`,
        );
      }
    });

    it('junk for a currency never pays, even an order whose own currency is XXX', async () => {
      const { order, session } = await stripeOrder('KCC-S-FOR', true);
      await ctx.db.order.update({ where: { id: order.id }, data: { currency: 'XXX' } });
      const r = await deliver(
        sessionEvent('evt_nocur_xxx', 'checkout.session.completed', {
          id: session.sessionId,
          metadata: { orderId: order.id },
          payment_status: 'paid',
          payment_intent: 'pi_nocur_xxx',
          amount_total: order.total.amount,
          currency: 'x1',
        }),
      );
      expect(r.body).toEqual({ received: true, outcome: 'mismatch' });
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('pending');
    });

    it('a paid session without an amount is recorded as -1 and flagged, never paid', async () => {
      const { order, session } = await stripeOrder('GCN-S-OAT', true);
      const r = await deliver(
        sessionEvent('evt_noamount_1', 'checkout.session.completed', {
          id: session.sessionId,
          metadata: { orderId: order.id },
          payment_status: 'paid',
          amount_total: null,
        }),
      );
      expect(r.body).toEqual({ received: true, outcome: 'mismatch' });
      const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
      expect(row.status).toBe('pending');
      // No payment intent: the session's own id is the payment's reference.
      expect(row.payments.map((p) => [p.externalId, p.amountCents, p.currency])).toEqual([[session.sessionId, -1, 'USD']]);
    });

    it('a payment that matches is noted on the order’s history with its reference and provider', async () => {
      const { order, session } = await stripeOrder('KCC-M-OAT', true);
      const r = await deliver(
        sessionEvent('evt_note_1', 'checkout.session.completed', {
          id: session.sessionId,
          metadata: { orderId: order.id },
          payment_status: 'paid',
          payment_intent: { id: 'pi_note_1', object: 'payment_intent' },
          amount_total: order.total.amount,
        }),
      );
      expect(r).toEqual({ status: 200, orderId: order.id, body: { received: true, outcome: 'paid' } });
      const events = await ctx.db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' } });
      expect(events.at(-1)).toMatchObject({ from: 'pending', to: 'paid', note: 'Payment pi_note_1 received through stripe' });
    });

    it('an expiry of a session that is no longer the order’s is stale; the current one cancels with its id in the history', async () => {
      const { order, session } = await stripeOrder('FGS-3637-CHA', true);
      const stale = await deliver(sessionEvent('evt_stale_1', 'checkout.session.expired', { id: 'cs_test_older', metadata: { orderId: order.id } }));
      expect(stale.body).toEqual({ received: true, outcome: 'stale-session' });
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('pending');
      const current = await deliver(sessionEvent('evt_stale_2', 'checkout.session.expired', { id: session.sessionId, client_reference_id: order.id }));
      expect(current.body).toEqual({ received: true, outcome: 'moved' });
      const events = await ctx.db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' } });
      expect(events.at(-1)).toMatchObject({ from: 'pending', to: 'cancelled', note: `Stripe checkout session ${session.sessionId} expired` });
    });

    /** A card order paid on the fake's hosted page; its payment intent. */
    async function paidCardOrder(sku: string) {
      const { order, session } = await stripeOrder(sku, true);
      await stripeFake.pay(session.sessionId);
      const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true, lines: true } });
      expect(row.status).toBe('paid');
      return { order: row, intent: row.payments[0]!.externalId };
    }
    const refundObject = (id: string, intent: string, amount: number, over: Record<string, unknown> = {}) => ({
      object: 'refund',
      id,
      amount,
      currency: 'usd',
      payment_intent: intent,
      status: 'succeeded',
      metadata: {},
      ...over,
    });

    it('refund.created and refund.updated are reconciled; charge.refunded reconciles each refund it lists, or says it lists none', async () => {
      const { order, intent } = await paidCardOrder('FCT-15CM-CAM');
      const created = await deliver({ id: 'evt_rf_1', type: 'refund.created', data: { object: refundObject('re_dash_1', intent, 500) } });
      expect(created).toEqual({ status: 200, body: { received: true, outcome: 'refund-recorded' } });
      const updated = await deliver({ id: 'evt_rf_2', type: 'refund.updated', data: { object: refundObject('re_dash_1', intent, 500) } });
      expect(updated.body).toEqual({ received: true, outcome: 'unchanged' });
      const charge = (id: string, refunds: unknown) =>
        deliver({ id, type: 'charge.refunded', data: { object: { object: 'charge', id: 'ch_1', payment_intent: intent, refunds } } });
      const listed = await charge('evt_rf_3', { object: 'list', data: [refundObject('re_dash_1', intent, 500), refundObject('re_dash_2', intent, 300)] });
      expect(listed).toEqual({ status: 200, body: { received: true, outcome: 'unchanged,refund-recorded' } });
      expect((await charge('evt_rf_4', { object: 'list', data: [] })).body).toEqual({ received: true, outcome: 'no-refunds-listed' });
      expect((await charge('evt_rf_5', undefined)).body).toEqual({ received: true, outcome: 'no-refunds-listed' });
      const rows = await ctx.db.refund.findMany({ where: { orderId: order.id }, orderBy: { amountCents: 'asc' } });
      expect(rows.map((r) => [r.externalId, r.amountCents, r.kind, r.status])).toEqual([
        ['re_dash_2', 300, 'external', 'succeeded'],
        ['re_dash_1', 500, 'external', 'succeeded'],
      ]);
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('partially_refunded');
    });

    it('a charge.refunded that confirms a return’s refund names the return, so its customer is told (the route e-mails)', async () => {
      const manager = await makeActor(ctx.db, 'manager');
      const { order, intent } = await paidCardOrder('SLP-SMALL-TAN');
      const line = order.lines[0]!;
      const r = await requestReturn(ctx.db, { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_small' }] }, { windowDays: 30 });
      await approveReturn(ctx.db, manager, { returnId: r.returnId });
      const rl = await ctx.db.returnLine.findFirstOrThrow({ where: { returnId: r.returnId } });
      await receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [{ returnLineId: rl.id, receivedQuantity: 1, restock: true }] });
      // Our refund was sent and Stripe has not answered yet: pending, tied to the return.
      const ours = await ctx.db.refund.create({
        data: {
          orderId: order.id,
          returnId: r.returnId,
          kind: 'return',
          provider: 'stripe',
          paymentRef: intent,
          amountCents: line.unitPriceCents,
          currency: 'USD',
        },
      });
      // A dashboard refund listed first (no return), then ours: the event names our return.
      const out = await deliver({
        id: 'evt_rf_ret_1',
        type: 'charge.refunded',
        data: {
          object: {
            object: 'charge',
            id: 'ch_ret',
            payment_intent: intent,
            refunds: {
              object: 'list',
              data: [refundObject('re_dash_ret', intent, 100), refundObject('re_ours_ret', intent, line.unitPriceCents, { metadata: { refundId: ours.id } })],
            },
          },
        },
      });
      expect(out).toEqual({ status: 200, refundedReturnId: r.returnId, body: { received: true, outcome: 'refund-recorded,refund-succeeded' } });
      expect(await ctx.db.refund.findUniqueOrThrow({ where: { id: ours.id } })).toMatchObject({ status: 'succeeded', externalId: 're_ours_ret' });
      expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('refunded');
    });

    it('a bad signature is answered with why, and records nothing', async () => {
      const before = await ctx.db.webhookEvent.count();
      const r = await handleStripeWebhook(ctx.db as Db, stripeClient(stripeSettings()), '{"id":"evt_forged"}', 't=1,v1=deadbeef', WEBHOOK_SECRET);
      expect(r).toEqual({ status: 400, body: { received: false, error: 'The signature does not match this payload.' } });
      expect(await handleStripeWebhook(ctx.db as Db, stripeClient(stripeSettings()), '{}', '', WEBHOOK_SECRET)).toMatchObject({ status: 400 });
      expect(await ctx.db.webhookEvent.count()).toBe(before);
    });
  });
});
