import { describe, expect, it } from 'vitest';
import { emailMatches, LOOKUP_LIMITS, LOOKUP_NOT_FOUND, lookupAddressKey, lookupOrderKey, lookupThrottleMessage, parseLookup } from './lookup';

const ok = (number: string, email = 'dulmaa@example.com') => parseLookup({ number, email });

describe('order lookup input', () => {
  it('reads the order number however it is typed', () => {
    for (const typed of ['MN-100001', 'mn-100001', 'mn 100001', 'MN100001', ' 100001 ', '100001', '#MN-100001', 'Mn - 100001']) {
      expect(ok(typed), typed).toEqual({ ok: true, input: { number: 100001, email: 'dulmaa@example.com' } });
    }
    expect(ok('MN-123456789')).toMatchObject({ ok: true, input: { number: 123456789 } });
  });

  it('refuses what cannot be an order number, with a sentence beside the field', () => {
    for (const junk of ['', '   ', 'MN-', 'MN-12345', '12345', 'MN-1234567890', 'AB-100001', 'MN-100001x', '100 001', '1e6', "100001' OR 1=1", 'MN-10000１']) {
      const r = ok(junk);
      expect(r.ok, junk).toBe(false);
      if (!r.ok) expect(r.errors.number, junk).toMatch(/^Enter (your|the) order number/);
    }
    const huge = ok('9'.repeat(1_000_000));
    expect(huge).toEqual({ ok: false, errors: { number: 'Enter the order number as it is written in your e-mail, like MN-100001' } });
  });

  it('trims the e-mail and compares it without case', () => {
    expect(ok('MN-100001', '  Dulmaa@Example.COM ')).toEqual({ ok: true, input: { number: 100001, email: 'dulmaa@example.com' } });
  });

  it('refuses an empty, malformed or megabyte e-mail with a sentence', () => {
    expect(ok('MN-100001', '')).toEqual({ ok: false, errors: { email: 'Enter the e-mail address you ordered with' } });
    expect(ok('MN-100001', 'dulmaa')).toEqual({ ok: false, errors: { email: 'Enter an e-mail address like name@example.com' } });
    expect(ok('MN-100001', `${'a'.repeat(1024 * 1024)}@example.com`)).toEqual({ ok: false, errors: { email: 'That e-mail address is too long' } });
  });

  it('names both fields when both are wrong, and refuses what is not a form', () => {
    expect(parseLookup({ number: 'x', email: 'y' })).toEqual({
      ok: false,
      errors: { number: 'Enter the order number as it is written in your e-mail, like MN-100001', email: 'Enter an e-mail address like name@example.com' },
    });
    expect(parseLookup({})).toEqual({
      ok: false,
      errors: { number: 'Enter your order number, like MN-100001', email: 'Enter the e-mail address you ordered with' },
    });
    expect(parseLookup(null)).toEqual({ ok: false, errors: { number: 'Enter your order number, like MN-100001' } });
    expect(parseLookup({ number: 100001, email: ['a@b.c'] }).ok).toBe(false);
  });
});

describe('order lookup comparison', () => {
  it('matches the order’s e-mail whatever its case or spaces, and nothing else', () => {
    expect(emailMatches('dulmaa@example.com', 'Dulmaa@Example.com')).toBe(true);
    expect(emailMatches('dulmaa@example.com', ' dulmaa@example.com ')).toBe(true);
    expect(emailMatches('dulmaa@example.co', 'dulmaa@example.com')).toBe(false);
    expect(emailMatches('other@example.com', 'dulmaa@example.com')).toBe(false);
  });

  it('never matches when no order has the number, not even the stand-in it compares against', () => {
    expect(emailMatches('dulmaa@example.com', null)).toBe(false);
    expect(emailMatches('no-such-order@@lookup.invalid', null)).toBe(false);
  });
});

describe('order lookup limits', () => {
  it('are 10 per order number and 30 per address in 15 minutes, counted under keys of their own', () => {
    expect(LOOKUP_LIMITS).toEqual({ order: { max: 10, windowSeconds: 900 }, address: { max: 30, windowSeconds: 900 } });
    expect(lookupOrderKey(100001)).toBe('lookup-order:100001');
    expect(lookupAddressKey('203.0.113.9')).toBe('lookup-address:203.0.113.9');
  });

  it('say how long to wait, in whole minutes', () => {
    expect(lookupThrottleMessage(30)).toBe('Too many attempts to find an order. For your security, please wait 1 minute and try again.');
    expect(lookupThrottleMessage(61)).toBe('Too many attempts to find an order. For your security, please wait 2 minutes and try again.');
    expect(lookupThrottleMessage(900)).toBe('Too many attempts to find an order. For your security, please wait 15 minutes and try again.');
  });

  it('answer a wrong pair with one sentence that names neither half', () => {
    expect(LOOKUP_NOT_FOUND).not.toMatch(/number (is|was) (wrong|unknown)|e-mail (is|was) (wrong|unknown)|no such/i);
  });
});
