import { describe, expect, it } from 'vitest';
import { accountKey, addressKey, clientAddress, decide, minutesLeft, SIGN_IN_LIMITS, throttleMessage } from './throttle';

const now = new Date('2026-11-27T10:00:00Z');
const rule = { max: 5, windowSeconds: 900 };

describe('sign-in throttle', () => {
  it('allows up to the limit and refuses the attempt after it', () => {
    expect(decide(5, now, rule, now)).toEqual({ allowed: true });
    expect(decide(6, now, rule, now)).toEqual({ allowed: false, retryAfterSeconds: 900, message: 'Too many sign-in attempts. Try again in 15 minutes.' });
  });
  it('says how long is left in the window, in whole minutes, at least one', () => {
    const started = new Date(now.getTime() - 870_000); // 30 s left
    expect(decide(9, started, rule, now)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 30,
      message: 'Too many sign-in attempts. Try again in 1 minute.',
    });
    expect(minutesLeft(61)).toBe(2);
    expect(throttleMessage(120)).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });
  it('counts an account whatever the case or spaces typed', () => {
    expect(accountKey('  Owner@Example.COM ')).toBe('account:owner@example.com');
  });
  it('takes the last forwarded address, the one set by the server or a trusted proxy', () => {
    expect(clientAddress('203.0.113.9, 10.0.0.2')).toBe('10.0.0.2');
    expect(clientAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress(null)).toBe('unknown');
    expect(clientAddress('x'.repeat(100))).toBe('unknown');
  });
  it('says at least a second and a minute even when the window has just ended', () => {
    const over = new Date(now.getTime() - 2_000_000);
    expect(decide(6, over, rule, now)).toEqual({ allowed: false, retryAfterSeconds: 1, message: 'Too many sign-in attempts. Try again in 1 minute.' });
    const edge = new Date(now.getTime() - 899_001); // 0.999 s left: rounds up to 1
    expect(decide(6, edge, rule, now)).toMatchObject({ retryAfterSeconds: 1 });
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(0)).toBe(1);
    expect(minutesLeft(1)).toBe(1);
  });
  it('keys an address as given, and takes addresses up to 64 characters (IPv6 with a zone fits)', () => {
    expect(addressKey('2001:db8::1')).toBe('address:2001:db8::1');
    expect(clientAddress('x'.repeat(64))).toBe('x'.repeat(64));
    expect(clientAddress('x'.repeat(65))).toBe('unknown');
    expect(clientAddress('')).toBe('unknown');
    expect(clientAddress('10.0.0.1, ')).toBe('unknown');
    expect(clientAddress(' 10.0.0.7 ')).toBe('10.0.0.7');
  });
  it('the limits: 5 tries per account and 20 per address, in 15 minutes', () => {
    expect(SIGN_IN_LIMITS).toEqual({ account: { max: 5, windowSeconds: 900 }, address: { max: 20, windowSeconds: 900 } });
  });
});
