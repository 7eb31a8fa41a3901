import { describe, expect, it } from 'vitest';
import { accountKey, clientAddress, decide, minutesLeft, throttleMessage } from './throttle';

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
});
