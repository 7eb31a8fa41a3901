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

describe('each field’s rule and its sentence', () => {
  const errorsFor = (change: Record<string, unknown>) => {
    const r = parseCheckout({ ...good, ...change });
    return r.ok ? {} : r.errors;
  };
  const cases: [field: string, value: unknown, message: string | null][] = [
    ['email', undefined, 'Enter your e-mail address'],
    ['email', '   ', 'Enter your e-mail address'],
    ['email', `${'a'.repeat(243)}@example.com`, 'That e-mail address is too long'],
    ['email', `${'a'.repeat(242)}@example.com`, null],
    ['email', 'name@', 'Enter an e-mail address like name@example.com'],
    ['name', undefined, 'Enter the full name for delivery'],
    ['name', '   ', 'Enter the full name for delivery'],
    ['name', 'n'.repeat(100), null],
    ['name', 'n'.repeat(101), 'Keep the full name for delivery under 100 characters'],
    ['name', 'Dulmaa\tBat', 'Use letters, numbers and punctuation only in the full name for delivery'],
    ['line1', '', 'Enter the street address'],
    ['line1', 'l'.repeat(120), null],
    ['line1', 'l'.repeat(121), 'Keep the street address under 120 characters'],
    ['line2', 'l'.repeat(120), null],
    ['line2', 'l'.repeat(121), 'Keep the second address line under 120 characters'],
    ['line2', 'Flat\u00072', 'Use letters, numbers and punctuation only in the second address line'],
    ['city', undefined, 'Enter the city or town'],
    ['city', 'c'.repeat(80), null],
    ['city', 'c'.repeat(81), 'Keep the city or town under 80 characters'],
    ['region', 'r'.repeat(80), null],
    ['region', 'r'.repeat(81), 'Keep the state, province or region under 80 characters'],
    ['region', 'I\nL', 'Use letters, numbers and punctuation only in the state, province or region'],
    ['postalCode', undefined, 'Enter the postal code'],
    ['postalCode', '  ', 'Enter the postal code'],
    ['postalCode', '1', 'Enter the postal code as it is written on letters, e.g. 62901'],
    ['postalCode', '12', null],
    ['postalCode', 'SW1A 1AA', null],
    ['postalCode', '123456789012', null],
    ['postalCode', '1234567890123', 'Enter the postal code as it is written on letters, e.g. 62901'],
    ['postalCode', '-1234', 'Enter the postal code as it is written on letters, e.g. 62901'],
    ['postalCode', '12_34', 'Enter the postal code as it is written on letters, e.g. 62901'],
    ['country', 'us', 'Choose a country we ship to'],
    ['country', undefined, 'Choose a country we ship to'],
    ['shippingMethod', 'overnight', 'Choose Standard or Express shipping'],
    ['payment', undefined, 'Choose how to pay'],
    ['quote', 'A'.repeat(32), 'Please review your order and confirm again'],
    ['quote', 'a'.repeat(31), 'Please review your order and confirm again'],
    ['quote', 'a'.repeat(33), 'Please review your order and confirm again'],
    ['quote', `x${'a'.repeat(32)}`, 'Please review your order and confirm again'],
    ['quote', 42, 'Please review your order and confirm again'],
  ];
  for (const [field, value, message] of cases) {
    it(`${field} = ${JSON.stringify(value)?.slice(0, 24) ?? 'missing'} → ${message ?? 'accepted'}`, () => {
      const errors = errorsFor({ [field]: value });
      expect(errors).toEqual(message === null ? {} : { [field]: message });
    });
  }

  it('keeps only the first sentence for a field, trims what it keeps, and leaves out empty optional lines', () => {
    // Too long and a control character: the length is said first, alone.
    expect(errorsFor({ name: `${'n'.repeat(101)}\u0000` })).toEqual({ name: 'Keep the full name for delivery under 100 characters' });
    const r = parseCheckout({ ...good, email: '  dulmaa@example.com ', postalCode: ' 62901 ', line2: '  Flat 2 ', region: '   ' });
    expect(r.ok && [r.input.email, r.input.postalCode, r.input.line2, r.input.region]).toEqual(['dulmaa@example.com', '62901', 'Flat 2', null]);
    const bare = parseCheckout({ ...good, line2: undefined, region: undefined });
    expect(bare.ok && [bare.input.line2, bare.input.region]).toEqual([null, null]);
  });

  it('something that is not a form at all gets no field sentences, and is refused', () => {
    expect(parseCheckout(null)).toEqual({ ok: false, errors: {} });
    expect(parseCheckout('email=a@b.c')).toEqual({ ok: false, errors: {} });
  });
});
