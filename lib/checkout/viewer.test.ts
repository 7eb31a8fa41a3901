import { describe, expect, it } from 'vitest';
import { signOrderLink, signOrderNumber, verifyOrderLink, verifyOrderNumber, viewerHash } from './viewer';

const secret = 's'.repeat(40);
const now = new Date('2026-11-27T10:00:00Z');

describe('order links', () => {
  it('open the order they were made for until they expire', () => {
    const token = signOrderLink(secret, 'order-a', now, 30);
    expect(verifyOrderLink(secret, 'order-a', token, now)).toBe(true);
    expect(verifyOrderLink(secret, 'order-a', token, new Date(now.getTime() + 29 * 86_400_000))).toBe(true);
    expect(verifyOrderLink(secret, 'order-a', token, new Date(now.getTime() + 30 * 86_400_000 + 1000))).toBe(false);
  });

  it('open no other order, and fail with another secret or a tampered expiry', () => {
    const token = signOrderLink(secret, 'order-a', now);
    expect(verifyOrderLink(secret, 'order-b', token, now)).toBe(false);
    expect(verifyOrderLink('t'.repeat(40), 'order-a', token, now)).toBe(false);
    const [exp, sig] = token.split('.');
    expect(verifyOrderLink(secret, 'order-a', `${Number(exp) + 86_400}.${sig}`, now)).toBe(false);
    for (const junk of ['', 'x', '1.2', `${exp}.${sig}x`, `x${exp}.${sig}`, `1${exp}.${sig}`])
      expect(verifyOrderLink(secret, 'order-a', junk, now)).toBe(false);
  });

  it('hash the browser’s cookie under a label of their own', () => {
    expect(viewerHash('A'.repeat(43))).toMatch(/^[a-f0-9]{64}$/);
    expect(viewerHash('A'.repeat(43))).not.toBe(viewerHash('B'.repeat(43)));
  });

  it('sign an order number for the order page, for as many seconds as asked, and nothing else', () => {
    const token = signOrderNumber(secret, 100001, now, 7200);
    expect(verifyOrderNumber(secret, 100001, token, now)).toBe(true);
    expect(verifyOrderNumber(secret, 100001, token, new Date(now.getTime() + 7199_000))).toBe(true);
    expect(verifyOrderNumber(secret, 100001, token, new Date(now.getTime() + 7200_000))).toBe(false);
    expect(verifyOrderNumber(secret, 100002, token, now)).toBe(false);
    expect(verifyOrderNumber('t'.repeat(40), 100001, token, now)).toBe(false);
    // A number token is no link for an order id, and an id link opens no number.
    expect(verifyOrderLink(secret, '100001', token, now)).toBe(false);
    expect(verifyOrderNumber(secret, 100001, signOrderLink(secret, '100001', now), now)).toBe(false);
  });
});
