import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashCartToken, isWellFormedToken, newCartId, newCartToken } from './token';

describe('the cart cookie token', () => {
  it('is 32 random bytes in base64url: 43 characters, different every time', () => {
    const tokens = Array.from({ length: 50 }, () => newCartToken());
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(isWellFormedToken(t)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('refuses anything but 43 base64url characters', () => {
    const good = 'A'.repeat(43);
    expect(isWellFormedToken(good)).toBe(true);
    expect(isWellFormedToken('a-_9'.repeat(10) + 'xyz')).toBe(true);
    for (const bad of [
      'A'.repeat(42),
      'A'.repeat(44),
      '',
      'A'.repeat(42) + '+',
      'A'.repeat(42) + '/',
      'A'.repeat(42) + '=',
      'A'.repeat(42) + '.',
      ' ' + 'A'.repeat(42),
      'A'.repeat(43) + '\n',
      'A'.repeat(42) + 'é',
    ]) {
      expect(isWellFormedToken(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(isWellFormedToken(null)).toBe(false);
    expect(isWellFormedToken(undefined)).toBe(false);
    expect(isWellFormedToken(42 as unknown as string)).toBe(false);
  });

  it('is stored as its SHA-256 in hex, never as itself', () => {
    const t = newCartToken();
    const hash = hashCartToken(t);
    expect(hash).toBe(createHash('sha256').update(t).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCartToken(t)).toBe(hash);
    expect(hashCartToken(newCartToken())).not.toBe(hash);
  });

  it('makes cart row ids in the shape of a cuid: c and 24 base-36 characters', () => {
    const ids = Array.from({ length: 50 }, () => newCartId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
