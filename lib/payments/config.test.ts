import { describe, expect, it } from 'vitest';
import { isLocalUrl, paymentMethods } from './config';

const base = {
  SITE_URL: 'http://localhost:3000',
  PAYMENTS_TEST_MODE: undefined,
  STRIPE_SECRET_KEY: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  PAYPAL_CLIENT_ID: undefined,
  PAYPAL_CLIENT_SECRET: undefined,
};

describe('which ways to pay are on', () => {
  it('a fresh clone (local address, no keys) takes test payments', () => {
    expect(paymentMethods(base)).toEqual({ card: false, paypal: false, test: true });
  });
  it('a public shop that forgot its keys takes no free orders', () => {
    expect(paymentMethods({ ...base, SITE_URL: 'https://shop.example' })).toEqual({ card: false, paypal: false, test: false });
  });
  it('real providers turn the test provider off, unless asked for', () => {
    const keys = { STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1', PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret' };
    expect(paymentMethods({ ...base, ...keys })).toEqual({ card: true, paypal: true, test: false });
    expect(paymentMethods({ ...base, ...keys, PAYMENTS_TEST_MODE: '1' }).test).toBe(true);
    expect(paymentMethods({ ...base, PAYMENTS_TEST_MODE: '0' }).test).toBe(false);
    expect(paymentMethods({ ...base, STRIPE_SECRET_KEY: 'sk_test_1' }).card).toBe(false); // no webhook secret: nothing could confirm a payment
    expect(paymentMethods({ ...base, STRIPE_WEBHOOK_SECRET: 'whsec_1' }).card).toBe(false);
    expect(paymentMethods({ ...base, PAYPAL_CLIENT_ID: 'id' }).paypal).toBe(false); // half of PayPal's credentials are none
    expect(paymentMethods({ ...base, PAYPAL_CLIENT_SECRET: 'secret' }).paypal).toBe(false);
  });
  it('knows a local address', () => {
    for (const u of ['http://localhost:3000', 'http://127.0.0.1:3100', 'http://[::1]:3000', 'http://shop.localhost', 'http://127.10.200.30', 'http://127.1'])
      expect(isLocalUrl(u), u).toBe(true);
    for (const u of [
      'https://shop.example',
      'http://10.0.0.5',
      'http://localhost.evil.example',
      // A name that starts like a loopback address is a public domain.
      'http://127.0.0.1.evil.example',
      'http://127-0-0-1.example',
      'http://[::2]',
      'http://[2001:db8::1]',
      'http://128.0.0.1',
    ])
      expect(isLocalUrl(u), u).toBe(false);
  });
});
