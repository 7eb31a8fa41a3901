import { describe, expect, it } from 'vitest';
import { parseCheckout } from './input';

const good = {
  email: 'dulmaa@example.com',
  name: 'Dulmaa Bat',
  line1: '12 Peace Avenue',
  line2: '',
  city: 'Carbondale',
  region: 'IL',
  postalCode: '62901',
  country: 'US',
  shippingMethod: 'express',
  payment: 'test',
  quote: 'a'.repeat(32),
};

describe('the checkout form', () => {
  it('accepts a complete address and trims it', () => {
    const r = parseCheckout({ ...good, name: '  Dulmaa Bat ' });
    expect(r.ok && r.input).toMatchObject({ name: 'Dulmaa Bat', line2: null, country: 'US' });
  });

  it('says what is wrong beside each field, in words a person understands', () => {
    const r = parseCheckout({ ...good, email: 'dulmaa', name: '', postalCode: '!!', country: 'XX', payment: 'bitcoin' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      email: 'Enter an e-mail address like name@example.com',
      name: 'Enter the full name for delivery',
      postalCode: 'Enter the postal code as it is written on letters, e.g. 62901',
      country: 'Choose a country we ship to',
      payment: 'Choose how to pay',
    });
  });

  it('refuses control characters and overlong values', () => {
    const r = parseCheckout({ ...good, line1: 'a\u0000b', city: 'x'.repeat(81) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['city', 'line1']);
  });

  it('needs the quote the page showed', () => {
    const r = parseCheckout({ ...good, quote: undefined });
    expect(!r.ok && r.errors.quote).toBe('Please review your order and confirm again');
  });
});
