import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PayPalError } from './paypal';
import { isUncertain, sendProviderRefund, stripeRefundStatus, type ProviderRefundRequest, type RefundClients } from './refunds';

/**
 * Sending a refund to the provider that took the money, with the providers stood in for: what is sent and
 * what each kind of answer becomes. tests/integration/returns.test.ts sends them to the local fakes.
 */
const request = (provider: ProviderRefundRequest['provider']): ProviderRefundRequest => ({
  refundId: 'rf_1',
  provider,
  paymentRef: provider === 'stripe' ? 'pi_1' : 'CAP-1',
  amountCents: 4205,
  currency: 'USD',
});

/** A Stripe client whose refunds.create answers `refund` (or throws it) and remembers what it was sent. */
function stripeAnswering(refund: Partial<Stripe.Refund> | Error) {
  const create = vi.fn(async () => {
    if (refund instanceof Error) throw refund;
    return refund;
  });
  return { client: { refunds: { create } } as unknown as Stripe, create };
}

const paypal = { clientId: 'refunds-test', clientSecret: 'shh', apiBase: 'http://127.0.0.1:9' };

/** PayPal's token and refund calls stood in for: the refund answers `status` with `body`. */
function paypalAnswering(status: number, body: unknown) {
  const sent: { path: string; headers: Record<string, string>; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      sent.push({ path: url.pathname, headers: init.headers as Record<string, string>, body: init.body });
      if (url.pathname === '/v1/oauth2/token') return Response.json({ access_token: 'tok', expires_in: 3600 });
      return new Response(JSON.stringify(body), { status });
    }),
  );
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('stripeRefundStatus', () => {
  it('is succeeded, failed (failed or canceled) or pending (anything else, or nothing)', () => {
    expect(stripeRefundStatus('succeeded')).toBe('succeeded');
    expect(stripeRefundStatus('failed')).toBe('failed');
    expect(stripeRefundStatus('canceled')).toBe('failed');
    for (const s of ['pending', 'requires_action', 'Succeeded', '', null, undefined]) expect(stripeRefundStatus(s)).toBe('pending');
  });
});

describe('isUncertain', () => {
  const stripeError = (Kind: typeof Stripe.errors.StripeError, statusCode?: number) =>
    new Kind({ type: 'api_error', message: 'no', ...(statusCode === undefined ? {} : { statusCode }) });

  it('is certain only for a refusal with a 4xx', () => {
    expect(isUncertain(stripeError(Stripe.errors.StripeInvalidRequestError, 400))).toBe(false);
    expect(isUncertain(stripeError(Stripe.errors.StripeCardError, 402))).toBe(false);
    expect(isUncertain(stripeError(Stripe.errors.StripeAPIError, 499))).toBe(false);
    expect(isUncertain(new PayPalError(422, 'REFUND_AMOUNT_EXCEEDED', 'too much'))).toBe(false);
    expect(isUncertain(new PayPalError(499, null, 'no'))).toBe(false);
  });

  it('is uncertain with no answer, a 5xx or an error it does not know', () => {
    expect(isUncertain(stripeError(Stripe.errors.StripeConnectionError, 400))).toBe(true);
    expect(isUncertain(stripeError(Stripe.errors.StripeAPIError, 500))).toBe(true);
    expect(isUncertain(stripeError(Stripe.errors.StripeAPIError))).toBe(true);
    expect(isUncertain(new PayPalError(500, null, 'busy'))).toBe(true);
    expect(isUncertain(new Error('socket hang up'))).toBe(true);
    expect(isUncertain('a string')).toBe(true);
  });
});

describe('sendProviderRefund', () => {
  it('refunds a test payment at once', async () => {
    expect(await sendProviderRefund({}, request('test'))).toEqual({ ok: true, externalId: 'test_refund_rf_1', status: 'succeeded' });
  });

  it('sends a Stripe refund for the payment intent with our refund’s id as the idempotency key', async () => {
    const { client, create } = stripeAnswering({ id: 're_1', status: 'succeeded' });
    expect(await sendProviderRefund({ stripe: client }, request('stripe'))).toEqual({ ok: true, externalId: 're_1', status: 'succeeded' });
    expect(create).toHaveBeenCalledWith({ payment_intent: 'pi_1', amount: 4205, metadata: { refundId: 'rf_1' } }, { idempotencyKey: 'refund-rf_1' });
    const pending = stripeAnswering({ id: 're_2', status: 'pending' });
    expect(await sendProviderRefund({ stripe: pending.client }, request('stripe'))).toEqual({ ok: true, externalId: 're_2', status: 'pending' });
  });

  it('says why a Stripe refund failed, with its reason when Stripe gives one', async () => {
    const failed = stripeAnswering({ id: 're_3', status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(await sendProviderRefund({ stripe: failed.client }, request('stripe'))).toEqual({
      ok: false,
      externalId: 're_3',
      uncertain: false,
      message: 'Stripe: the refund failed (expired_or_canceled_card)',
    });
    const canceled = stripeAnswering({ id: 're_4', status: 'canceled' });
    expect(await sendProviderRefund({ stripe: canceled.client }, request('stripe'))).toMatchObject({
      externalId: 're_4',
      message: 'Stripe: the refund was canceled',
    });
  });

  it('passes on Stripe’s refusal in its words, and a lost connection as uncertain', async () => {
    const refused = stripeAnswering(
      new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', message: 'No such payment_intent: pi_1', statusCode: 404 }),
    );
    expect(await sendProviderRefund({ stripe: refused.client }, request('stripe'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: false,
      message: 'Stripe: No such payment_intent: pi_1',
    });
    const lost = stripeAnswering(new Error('socket hang up'));
    expect(await sendProviderRefund({ stripe: lost.client }, request('stripe'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: true,
      message: 'No clear answer from the payment provider: socket hang up',
    });
  });

  it('keeps what an unknown failure says to 1,000 characters, whatever was thrown', async () => {
    const long = stripeAnswering(new Error('x'.repeat(2_000)));
    const outcome = await sendProviderRefund({ stripe: long.client }, request('stripe'));
    expect(outcome).toMatchObject({ ok: false, uncertain: true });
    expect(!outcome.ok && outcome.message).toBe(`No clear answer from the payment provider: ${'x'.repeat(2_000)}`.slice(0, 1_000));
    const thrown = { refunds: { create: () => Promise.reject('just a string') } } as unknown as Stripe;
    expect(await sendProviderRefund({ stripe: thrown }, request('stripe'))).toMatchObject({
      uncertain: true,
      message: 'No clear answer from the payment provider: just a string',
    });
  });

  it('refuses, in a sentence, a refund through a provider the shop has not configured', async () => {
    const none: RefundClients = { stripe: null, paypal: null };
    expect(await sendProviderRefund(none, request('stripe'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: false,
      message: 'Card payments are not configured, so this refund cannot be sent.',
    });
    expect(await sendProviderRefund({}, request('paypal'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: false,
      message: 'PayPal is not configured, so this refund cannot be sent.',
    });
  });

  it('sends a PayPal refund of the capture with our refund’s id as the request id', async () => {
    const sent = paypalAnswering(201, { id: 'PR-1', status: 'COMPLETED' });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toEqual({ ok: true, externalId: 'PR-1', status: 'succeeded' });
    expect(sent[1]).toMatchObject({ path: '/v2/payments/captures/CAP-1/refund', body: JSON.stringify({ amount: { currency_code: 'USD', value: '42.05' } }) });
    expect(sent[1]!.headers['paypal-request-id']).toBe('refund-rf_1');
    paypalAnswering(201, { id: 'PR-2', status: 'PENDING' });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toEqual({ ok: true, externalId: 'PR-2', status: 'pending' });
  });

  it('says when PayPal cancelled or failed the refund, and passes on its refusal with the issue', async () => {
    paypalAnswering(201, { id: 'PR-3', status: 'CANCELLED' });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toEqual({
      ok: false,
      externalId: 'PR-3',
      uncertain: false,
      message: 'PayPal: the refund was cancelled',
    });
    paypalAnswering(201, { id: 'PR-4', status: 'FAILED' });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toMatchObject({ ok: false, externalId: 'PR-4', message: 'PayPal: the refund failed' });
    paypalAnswering(422, {
      details: [{ issue: 'REFUND_AMOUNT_EXCEEDED', description: 'The refund amount must be less than or equal to the capture amount.' }],
    });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: false,
      message: 'PayPal: The refund amount must be less than or equal to the capture amount. (REFUND_AMOUNT_EXCEEDED)',
    });
    paypalAnswering(503, { message: 'Service unavailable' });
    expect(await sendProviderRefund({ paypal }, request('paypal'))).toEqual({
      ok: false,
      externalId: null,
      uncertain: true,
      message: 'PayPal: Service unavailable',
    });
  });
});
