import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '../checkout/types';
import { capturePayPalOrder, completedCapture, createPayPalOrder, getPayPalOrder, PayPalError, refundPayPalCapture, type PayPalSettings } from './paypal';

/**
 * PayPal's REST calls with fetch stood in for: what is sent (path, method, headers, body) and how each
 * kind of answer is read. tests/integration/payments.test.ts runs the same calls against the local fake.
 */
interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

let sent: Sent[] = [];
let answer: (s: Sent) => { status: number; body: unknown };
// Each test its own credentials, so the module's token cache starts empty for it.
let n = 0;
let settings: PayPalSettings;

const ok = (body: unknown) => ({ status: 200, body });
const tokenOr = (other: (s: Sent) => { status: number; body: unknown }) => (s: Sent) =>
  s.path === '/v1/oauth2/token' ? ok({ access_token: 'A21-token', expires_in: 32_400 }) : other(s);

beforeEach(() => {
  sent = [];
  n++;
  settings = { clientId: `client-${n}`, clientSecret: 'shh', apiBase: 'http://127.0.0.1:9/base/' };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const s: Sent = {
        method: init.method ?? 'GET',
        path: url.pathname,
        headers: init.headers as Record<string, string>,
        body: init.body as string | undefined,
      };
      sent.push(s);
      const a = answer(s);
      return new Response(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), { status: a.status });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const paypalOrder = { id: 'PP-1', status: 'CREATED' };

const order: OrderView = {
  id: 'ord_1',
  number: 'MN-100042',
  status: 'pending',
  email: 'dulmaa@example.com',
  address: { name: 'Dulmaa Bat', line1: '12 Peace Avenue', line2: null, city: 'Carbondale', region: 'IL', postalCode: '62901', country: 'US' },
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
      title: 'F'.repeat(140),
      size: 'Set of 6',
      colour: 'Mixed',
      sku: 'FELT-6',
      quantity: 1,
      unitPrice: { amount: 99, currency: 'USD' },
      lineTotal: { amount: 99, currency: 'USD' },
      isWool: true,
    },
  ],
  subtotal: { amount: 12909, currency: 'USD' },
  shipping: { amount: 0, currency: 'USD' },
  total: { amount: 12909, currency: 'USD' },
  provider: 'paypal',
  flaggedReason: null,
  placedAt: '2026-12-07T10:00:00.000Z',
  paidAt: null,
  expiresAt: '2026-12-07T10:30:00.000Z',
  shipment: null,
  history: [],
};

describe('PayPal REST calls', () => {
  it('asks for a token with the credentials, then creates the order with its total, breakdown and lines, once per order', async () => {
    answer = tokenOr(() => ok(paypalOrder));
    expect(await createPayPalOrder(settings, order)).toEqual(paypalOrder);
    const [token, create] = sent;
    expect(token).toEqual({
      method: 'POST',
      path: '/v1/oauth2/token',
      headers: { authorization: `Basic ${Buffer.from(`client-${n}:shh`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(create).toMatchObject({ method: 'POST', path: '/v2/checkout/orders' });
    expect(create!.headers).toEqual({
      authorization: 'Bearer A21-token',
      'content-type': 'application/json',
      prefer: 'return=representation',
      'paypal-request-id': 'order-ord_1',
    });
    const usd = (value: string) => ({ currency_code: 'USD', value });
    expect(JSON.parse(create!.body!)).toEqual({
      intent: 'CAPTURE',
      purchase_units: [
        {
          reference_id: 'MN-100042',
          custom_id: 'ord_1',
          invoice_id: 'MN-100042',
          description: 'Order MN-100042',
          amount: { ...usd('129.09'), breakdown: { item_total: usd('129.09'), shipping: usd('0.00') } },
          items: [
            { name: 'Tuul Cashmere Scarf (Oat, One size)', sku: 'TUUL-OAT', quantity: '2', unit_amount: usd('64.05') },
            // PayPal takes at most 127 characters of a name.
            { name: `${'F'.repeat(140)} (Mixed, Set of 6)`.slice(0, 127), sku: 'FELT-6', quantity: '1', unit_amount: usd('0.99') },
          ],
        },
      ],
    });
  });

  it('keeps the token until a minute before it expires, and asks again after that', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00Z') });
    try {
      answer = tokenOr(() => ok(paypalOrder));
      const tokenRequests = () => sent.filter((s) => s.path === '/v1/oauth2/token').length;
      await getPayPalOrder(settings, 'PP-1');
      await getPayPalOrder(settings, 'PP-1');
      expect(sent.map((s) => s.path)).toEqual(['/v1/oauth2/token', '/v2/checkout/orders/PP-1', '/v2/checkout/orders/PP-1']);
      // Good for 32,400 s: kept until 60 s before that, then asked for again.
      vi.setSystemTime(new Date('2026-12-07T10:00:00Z').getTime() + (32_400 - 60) * 1000 - 1);
      await getPayPalOrder(settings, 'PP-1');
      expect(tokenRequests()).toBe(1);
      vi.setSystemTime(new Date('2026-12-07T10:00:00Z').getTime() + (32_400 - 60) * 1000);
      await getPayPalOrder(settings, 'PP-1');
      expect(tokenRequests()).toBe(2);
    } finally {
      vi.useRealTimers();
    }

    // A token good for under a minute is never kept.
    sent = [];
    const short = { ...settings, clientId: `${settings.clientId}-short` };
    answer = (s) => (s.path === '/v1/oauth2/token' ? ok({ access_token: 'brief', expires_in: 60 }) : ok(paypalOrder));
    await getPayPalOrder(short, 'PP-1');
    await getPayPalOrder(short, 'PP-1');
    expect(sent.filter((s) => s.path === '/v1/oauth2/token')).toHaveLength(2);
  });

  it('captures with its own request id, reads an order with a plain GET, and escapes the ids in the path', async () => {
    answer = tokenOr(() => ok(paypalOrder));
    await capturePayPalOrder(settings, 'PP/1?x');
    await getPayPalOrder(settings, 'PP/2');
    const [, capture, read] = sent;
    expect(capture).toMatchObject({ method: 'POST', path: '/v2/checkout/orders/PP%2F1%3Fx/capture', body: '{}' });
    expect(capture!.headers['paypal-request-id']).toBe('capture-PP/1?x');
    expect(read).toMatchObject({ method: 'GET', path: '/v2/checkout/orders/PP%2F2', body: undefined });
    expect(read!.headers).not.toHaveProperty('paypal-request-id');
  });

  it('refunds part of a capture in major units, with the refund’s request id', async () => {
    answer = tokenOr(() => ok({ id: 'RF-1', status: 'COMPLETED' }));
    expect(await refundPayPalCapture(settings, 'CAP 1', 4205, 'USD', 'refund-r1')).toEqual({ id: 'RF-1', status: 'COMPLETED' });
    const refund = sent[1]!;
    expect(refund).toMatchObject({ method: 'POST', path: '/v2/payments/captures/CAP%201/refund' });
    expect(JSON.parse(refund.body!)).toEqual({ amount: { currency_code: 'USD', value: '42.05' } });
    expect(refund.headers['paypal-request-id']).toBe('refund-r1');
  });

  it('turns a refusal into a PayPalError with the status, PayPal’s issue and its words', async () => {
    const failWith = (status: number, body: unknown) => {
      answer = tokenOr(() => ({ status, body }));
      return capturePayPalOrder(settings, 'PP-1').then(
        () => null,
        (e: unknown) => e,
      );
    };
    const detailed = await failWith(422, {
      name: 'UNPROCESSABLE_ENTITY',
      message: 'The requested action could not be performed.',
      details: [{ issue: 'ORDER_NOT_APPROVED', description: 'Payer has not yet approved the Order for payment.' }],
    });
    expect(detailed).toBeInstanceOf(PayPalError);
    expect(detailed).toMatchObject({
      status: 422,
      issue: 'ORDER_NOT_APPROVED',
      message: 'Payer has not yet approved the Order for payment.',
      name: 'PayPalError',
    });
    expect(await failWith(400, { message: 'Request is not well-formed.' })).toMatchObject({ status: 400, issue: null, message: 'Request is not well-formed.' });
    expect(await failWith(400, { details: [{ issue: 'INVALID_PARAMETER' }] })).toMatchObject({ issue: 'INVALID_PARAMETER', message: 'PayPal answered 400' });
    expect(await failWith(503, '<html>busy</html>')).toMatchObject({ status: 503, issue: null, message: 'PayPal answered 503' });
    expect(await failWith(500, { details: 'not a list' })).toMatchObject({ status: 500, issue: null, message: 'PayPal answered 500' });
  });

  it('says so when PayPal refuses the credentials, and never sends the call', async () => {
    answer = () => ({ status: 401, body: { error: 'invalid_client' } });
    await expect(getPayPalOrder(settings, 'PP-1')).rejects.toMatchObject({ status: 401, issue: null, message: 'PayPal refused our credentials (401)' });
    expect(sent.map((s) => s.path)).toEqual(['/v1/oauth2/token']);
  });

  it('refuses an answer that is not the shape it should be', async () => {
    answer = tokenOr(() => ok({ id: 42 }));
    await expect(getPayPalOrder(settings, 'PP-1')).rejects.toThrow(new Error('PayPal answered 200 in a form this shop does not understand'));
    answer = tokenOr(() => ({ status: 201, body: '<html>maintenance</html>' }));
    await expect(getPayPalOrder(settings, 'PP-1')).rejects.toThrow(new Error('PayPal answered 201 in a form this shop does not understand'));
  });
});

describe('completedCapture', () => {
  const withCaptures = (captures: { id: string; status: string; amount: { currency_code: string; value: string } }[]) => ({
    id: 'PP-1',
    status: 'COMPLETED',
    purchase_units: [{ payments: { captures } }],
  });

  it('is the completed capture, its amount in cents', () => {
    expect(
      completedCapture(
        withCaptures([
          { id: 'C-0', status: 'DECLINED', amount: { currency_code: 'USD', value: '1.00' } },
          { id: 'C-1', status: 'COMPLETED', amount: { currency_code: 'USD', value: '129.09' } },
        ]),
      ),
    ).toEqual({ id: 'C-1', amountCents: 12909, currency: 'USD' });
  });

  it('is null with no completed capture, no captures at all, or an amount that is not money', () => {
    expect(completedCapture(withCaptures([{ id: 'C-0', status: 'PENDING', amount: { currency_code: 'USD', value: '1.00' } }]))).toBeNull();
    expect(completedCapture({ id: 'PP-1', status: 'APPROVED' })).toBeNull();
    expect(completedCapture({ id: 'PP-1', status: 'APPROVED', purchase_units: [{}] })).toBeNull();
    expect(completedCapture(withCaptures([{ id: 'C-1', status: 'COMPLETED', amount: { currency_code: 'USD', value: 'lots' } }]))).toBeNull();
  });
});
