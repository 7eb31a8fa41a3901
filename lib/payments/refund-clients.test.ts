import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { ShopConfig } from '../config';
import { refundClients } from './refund-clients';

/** The clients a refund goes back through follow the shop's settings: a provider without its keys is null. */
const none = {
  STRIPE_SECRET_KEY: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  STRIPE_API_BASE: undefined,
  PAYPAL_CLIENT_ID: undefined,
  PAYPAL_CLIENT_SECRET: undefined,
  PAYPAL_API_BASE: 'https://api-m.sandbox.paypal.com',
} as unknown as ShopConfig;

describe('refund clients', () => {
  it('are none when no provider is configured', () => {
    expect(refundClients(none)).toEqual({ stripe: null, paypal: null });
  });

  it('are a Stripe client for the configured key and address, and PayPal’s credentials', () => {
    const c = refundClients({
      ...none,
      STRIPE_SECRET_KEY: 'sk_test_refunds',
      STRIPE_WEBHOOK_SECRET: 'whsec_refunds',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      PAYPAL_CLIENT_ID: 'client',
      PAYPAL_CLIENT_SECRET: 'secret',
    });
    expect(c.stripe).toBeInstanceOf(Stripe);
    expect((c.stripe as unknown as { getApiField(k: string): unknown }).getApiField('host')).toBe('127.0.0.1');
    expect(c.paypal).toEqual({ clientId: 'client', clientSecret: 'secret', apiBase: 'https://api-m.sandbox.paypal.com' });
  });
});
