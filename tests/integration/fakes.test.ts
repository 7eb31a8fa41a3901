// The fake payment providers, driven through the real clients: the `stripe` SDK and plain fetch for PayPal.
// No database and no network beyond 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe';
import { paypalSdkStandIn, startFakePayPal, type FakePayPal } from '../fakes/paypal';

const WEBHOOK_SECRET = 'whsec_test_fakes';

/** A tiny webhook endpoint that verifies like the app must: constructEvent on the raw body. */
async function startWebhookReceiver(stripe: Stripe) {
  const received: { ok: boolean; event?: Stripe.Event; error?: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        const event = stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'] ?? '', WEBHOOK_SECRET);
        received.push({ ok: true, event });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      } catch (e) {
        received.push({ ok: false, error: e instanceof Error ? e.constructor.name : String(e) });
        res.writeHead(400).end('bad signature');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'Wool socks' } }, quantity: 2 },
      { price_data: { currency: 'usd', unit_amount: 11500, product_data: { name: 'Throw "Steppe" & co' } }, quantity: 1 },
    ],
    shipping_options: [{ shipping_rate_data: { type: 'fixed_amount', display_name: 'Standard', fixed_amount: { amount: 995, currency: 'usd' } } }],
    metadata: { order_id: 'ord_1', order_number: 'SW-1001' },
    customer_email: 'buyer@example.com',
    success_url: 'http://shop.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://shop.test/checkout',
    ...overrides,
  };
}

describe('fake Stripe through the stripe SDK', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
    stripe = new Stripe('sk_test_fake_123', { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    receiver = await startWebhookReceiver(stripe);
    fake.setWebhookUrl(receiver.url);
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });
  beforeEach(() => {
    fake.setDelivery('normal');
    receiver.received.length = 0;
  });

  it('creates a session, idempotently, and retrieves it', async () => {
    const first = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-ord_1-attempt-1' });
    const again = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-ord_1-attempt-1' });
    expect(again.id).toBe(first.id);
    expect(fake.sessions.size).toBe(1);
    expect(fake.lastRequests.at(-1)).toMatchObject({ idempotencyKey: 'order-ord_1-attempt-1', replayed: true });
    expect(fake.lastRequests.at(-1)?.params).toMatchObject({ line_items: [{ price_data: { unit_amount: '1200' }, quantity: '2' }, { quantity: '1' }] });

    expect(first.id).toMatch(/^cs_test_/);
    expect(first).toMatchObject({
      object: 'checkout.session',
      amount_subtotal: 2 * 1200 + 11500,
      amount_total: 2 * 1200 + 11500 + 995,
      currency: 'usd',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      metadata: { order_id: 'ord_1', order_number: 'SW-1001' },
      customer_email: 'buyer@example.com',
      url: `${fake.url}/pay/${first.id}`,
    });
    expect(first.lastResponse.headers['request-id']).toMatch(/^req_/);

    const got = await stripe.checkout.sessions.retrieve(first.id, { expand: ['line_items'] });
    expect(got.id).toBe(first.id);
    expect(got.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ['Wool socks', 2, 2400],
      ['Throw "Steppe" & co', 1, 11500],
    ]);
  });

  it('refuses a reused idempotency key with a different body, an unknown session and a bad key like Stripe', async () => {
    await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-2' });
    const changed = stripe.checkout.sessions.create(sessionParams({ metadata: { order_id: 'other' } }), { idempotencyKey: 'key-2' });
    await expect(changed).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(changed).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });

    const missing = stripe.checkout.sessions.retrieve('cs_test_nope');
    await expect(missing).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(missing).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_nope'" });

    const unknownParam = stripe.checkout.sessions.create({ ...sessionParams(), colour: 'red' } as Stripe.Checkout.SessionCreateParams);
    await expect(unknownParam).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'parameter_unknown', param: 'colour' });

    const live = new Stripe('sk_live_nope_1234', { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    await expect(live.checkout.sessions.retrieve('cs_test_x')).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const res = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
  });

  it('pays through the hosted page: signed checkout.session.completed, redirect, PaymentIntent, refunds', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await fetch(session.url as string);
    const html = await page.text();
    expect(html).toContain('$148.95');
    expect(html).toMatch(/<form method="post"><button type="submit">Pay<\/button><\/form>/);
    expect(html).toContain('href="http://shop.test/checkout"');

    const paid = await fetch(session.url as string, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://shop.test/checkout/success?session_id=${session.id}`);

    // The webhook arrived (and was verified) before the redirect.
    expect(receiver.received).toHaveLength(1);
    const { ok, event } = receiver.received[0] ?? {};
    expect(ok).toBe(true);
    expect(event).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false, api_version: Stripe.API_VERSION });
    expect(event?.id).toMatch(/^evt_/);
    const completed = event?.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', metadata: { order_id: 'ord_1' } });
    expect(fake.deliveries.at(-1)).toMatchObject({ eventId: event?.id, status: 200, attempt: 1, badSignature: false });

    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid', payment_intent: completed.payment_intent, url: null });
    const pi = await stripe.paymentIntents.retrieve(completed.payment_intent as string);
    expect(pi).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 14895, amount_received: 14895, currency: 'usd' });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.latest_charge).toMatch(/^ch_/);

    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 2400 }, { idempotencyKey: 'refund-1' });
    expect(partial).toMatchObject({ object: 'refund', status: 'succeeded', amount: 2400, payment_intent: pi.id });
    expect(partial.id).toMatch(/^re_/);
    const replay = await stripe.refunds.create({ payment_intent: pi.id, amount: 2400 }, { idempotencyKey: 'refund-1' });
    expect(replay.id).toBe(partial.id);

    const tooMuch = stripe.refunds.create({ payment_intent: pi.id, amount: 20000 });
    await expect(tooMuch).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(tooMuch).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      param: 'amount',
      message: 'Refund amount ($200.00) is greater than unrefunded amount on charge ($124.95)',
    });
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(12495);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 1 })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    });

    // A paid session can no longer be paid or expired.
    const again = await fetch(session.url as string, { method: 'POST', redirect: 'manual' });
    expect(again.status).toBe(409);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('duplicate mode delivers the same event twice', async () => {
    fake.setDelivery('duplicate');
    const session = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(session.id);
    expect(receiver.received.map((r) => r.ok)).toEqual([true, true]);
    expect(receiver.received[0]?.event?.id).toBe(receiver.received[1]?.event?.id);
    expect(fake.deliveries.slice(-2).map((d) => d.attempt)).toEqual([1, 2]);
  });

  it('bad-signature mode fails constructEvent', async () => {
    fake.setDelivery('bad-signature');
    const session = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(session.id);
    expect(receiver.received).toEqual([{ ok: false, error: 'StripeSignatureVerificationError' }]);
    expect(fake.deliveries.at(-1)).toMatchObject({ status: 400, badSignature: true });
  });

  it('expires a session through the API and the test control, delivering checkout.session.expired', async () => {
    const a = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(a.id, {}, { idempotencyKey: 'expire-a' });
    expect(expired).toMatchObject({ status: 'expired', url: null });
    await fake.idle();
    expect(receiver.received.map((r) => [r.event?.type, (r.event?.data.object as Stripe.Checkout.Session).id])).toEqual([['checkout.session.expired', a.id]]);
    expect(receiver.received[0]?.event?.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'expire-a' });

    const b = await stripe.checkout.sessions.create(sessionParams());
    await fake.expire(b.id);
    expect(receiver.received.at(-1)?.event?.type).toBe('checkout.session.expired');
    await expect(fake.pay(b.id)).rejects.toThrow(/expired/);
  });

  it('out-of-order mode holds events and delivers the older one after the newer', async () => {
    fake.setDelivery('out-of-order');
    const first = await stripe.checkout.sessions.create(sessionParams());
    const second = await stripe.checkout.sessions.create(sessionParams());
    await fake.expire(first.id);
    await fake.pay(second.id);
    expect(receiver.received).toHaveLength(0); // the buyer is back on the shop before any webhook
    await fake.flush();
    expect(receiver.received.map((r) => [r.event?.type, (r.event?.data.object as Stripe.Checkout.Session).id])).toEqual([
      ['checkout.session.completed', second.id],
      ['checkout.session.expired', first.id],
      ['checkout.session.completed', second.id],
    ]);
    expect(receiver.received.every((r) => r.ok)).toBe(true);
  });
});

describe('fake PayPal through fetch', () => {
  let fake: FakePayPal;
  let token: string;
  const order = (value = '149.95', requestId?: string) =>
    fetch(`${fake.url}/v2/checkout/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(requestId ? { 'paypal-request-id': requestId } : {}) },
      body: JSON.stringify({
        intent: 'CAPTURE',
        purchase_units: [
          {
            custom_id: 'ord_1',
            invoice_id: 'SW-1001',
            amount: {
              currency_code: 'USD',
              value,
              breakdown: { item_total: { currency_code: 'USD', value: '140.00' }, shipping: { currency_code: 'USD', value: '9.95' } },
            },
          },
        ],
      }),
    });
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const issue = async (res: Response) => ((await res.json()) as { details?: { issue: string }[] }).details?.[0]?.issue;

  beforeAll(async () => {
    fake = await startFakePayPal({ clientId: 'client-id', clientSecret: 'client-secret' });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('issues a token for the right credentials only', async () => {
    const auth = (id: string, secret: string) =>
      fetch(`${fake.url}/v1/oauth2/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
    const bad = await auth('client-id', 'wrong');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_client', error_description: 'Client Authentication failed' });
    const ok = await auth('client-id', 'client-secret');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    token = body.access_token;

    const noToken = await fetch(`${fake.url}/v2/checkout/orders/X`, { headers: { authorization: 'Bearer nope' } });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ name: 'AUTHENTICATION_FAILURE' });
  });

  it('creates, approves, captures and refunds an order with PayPal’s statuses and errors', async () => {
    const created = await order('149.95', 'req-order-1');
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; status: string; links: { rel: string; href: string }[] };
    expect(body.status).toBe('CREATED');
    expect(body.links.find((l) => l.rel === 'approve')?.href).toBe(`${fake.url}/checkoutnow?token=${body.id}`);
    const replay = await order('149.95', 'req-order-1');
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { id: string }).id).toBe(body.id);
    expect(fake.orders.size).toBe(1);

    const mismatch = await order('150.00');
    expect(mismatch.status).toBe(422);
    expect(await issue(mismatch)).toBe('AMOUNT_MISMATCH');

    const early = await post(`/v2/checkout/orders/${body.id}/capture`);
    expect(early.status).toBe(422);
    const earlyBody = (await early.json()) as { name: string; details: { issue: string; description: string }[]; debug_id: string; message: string };
    expect(earlyBody).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'ORDER_NOT_APPROVED' }],
      debug_id: expect.any(String),
      message: expect.any(String),
    });

    // The buyer approves in PayPal's window.
    const approvalPage = await fetch(`${fake.url}/checkoutnow?token=${body.id}`);
    expect(await approvalPage.text()).toContain('149.95 USD');
    const approved = await fetch(`${fake.url}/checkoutnow?token=${body.id}`, { method: 'POST' });
    expect(await approved.text()).toContain('approved');
    const got = await fetch(`${fake.url}/v2/checkout/orders/${body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await got.json()).toMatchObject({ id: body.id, status: 'APPROVED', purchase_units: [{ custom_id: 'ord_1', amount: { value: '149.95' } }] });

    const captured = await post(`/v2/checkout/orders/${body.id}/capture`, undefined, { 'paypal-request-id': 'cap-1' });
    expect(captured.status).toBe(201);
    const capture = (await captured.json()) as {
      status: string;
      purchase_units: { payments: { captures: { id: string; status: string; amount: { value: string; currency_code: string } }[] } }[];
    };
    expect(capture.status).toBe('COMPLETED');
    const cap = capture.purchase_units[0]?.payments.captures[0];
    expect(cap).toMatchObject({ status: 'COMPLETED', amount: { currency_code: 'USD', value: '149.95' } });

    const retried = await post(`/v2/checkout/orders/${body.id}/capture`, undefined, { 'paypal-request-id': 'cap-1' });
    expect(retried.status).toBe(200); // same request id: the stored result, no second capture
    const twice = await post(`/v2/checkout/orders/${body.id}/capture`);
    expect(twice.status).toBe(422);
    expect(await issue(twice)).toBe('ORDER_ALREADY_CAPTURED');

    const refund = await post(`/v2/payments/captures/${cap?.id}/refund`, { amount: { currency_code: 'USD', value: '40.00' } });
    expect(refund.status).toBe(201);
    expect(await refund.json()).toMatchObject({ status: 'COMPLETED', amount: { value: '40.00', currency_code: 'USD' } });
    const tooMuch = await post(`/v2/payments/captures/${cap?.id}/refund`, { amount: { currency_code: 'USD', value: '110.00' } });
    expect(tooMuch.status).toBe(422);
    expect(await issue(tooMuch)).toBe('REFUND_AMOUNT_EXCEEDED');
    const rest = await post(`/v2/payments/captures/${cap?.id}/refund`, {});
    expect(await rest.json()).toMatchObject({ amount: { value: '109.95' } });
    const more = await post(`/v2/payments/captures/${cap?.id}/refund`, {});
    expect(await issue(more)).toBe('CAPTURE_FULLY_REFUNDED');

    const unknown = await fetch(`${fake.url}/v2/checkout/orders/NOPE`, { headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }] });
  });

  it('declines the next capture when told, then captures; reports an overridden capture amount', async () => {
    const { id } = (await (await order()).json()) as { id: string };
    fake.approve(id);
    fake.declineNextCapture();
    const declined = await post(`/v2/checkout/orders/${id}/capture`);
    expect(declined.status).toBe(422);
    expect(await issue(declined)).toBe('INSTRUMENT_DECLINED');
    const ok = await post(`/v2/checkout/orders/${id}/capture`);
    expect(ok.status).toBe(201);

    const second = (await (await order()).json()) as { id: string };
    fake.approve(second.id);
    fake.captureAmountOverride('1.00');
    const cheap = (await (await post(`/v2/checkout/orders/${second.id}/capture`)).json()) as {
      purchase_units: { payments: { captures: { amount: { value: string } }[] } }[];
    };
    expect(cheap.purchase_units[0]?.payments.captures[0]?.amount.value).toBe('1.00');
    fake.captureAmountOverride(null);
  });

  it('the SDK stand-in is plain JavaScript that defines window.paypal.Buttons', () => {
    const source = paypalSdkStandIn({ fakeUrl: fake.url });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain(JSON.stringify(`${fake.url}/__approve/`));
    expect(source).toContain("'Pay with PayPal'");
  });

  it('approves through the stand-in’s approval URLs (direct and the *.paypal.com route target)', async () => {
    const a = (await (await order()).json()) as { id: string };
    const b = (await (await order()).json()) as { id: string };
    const direct = await fetch(`${fake.url}/__approve/${a.id}`, { method: 'POST' });
    expect(direct.headers.get('access-control-allow-origin')).toBe('*');
    const viaRoute = await fetch(`${fake.url}/__fake/approve/${b.id}`, { method: 'POST' });
    expect([direct.status, viaRoute.status]).toEqual([200, 200]);
    expect([fake.orders.get(a.id)?.status, fake.orders.get(b.id)?.status]).toEqual(['APPROVED', 'APPROVED']);
  });
});
