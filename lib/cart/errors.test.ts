import { describe, expect, it } from 'vitest';
import { CART_ERROR_STATUS, CartError } from './errors';

describe('a cart refusal', () => {
  it('names itself CartError in logs and stack traces, with the shopper’s sentence and its kind', () => {
    const error = new CartError('sold-out', 'Sorry, the Oat scarf just sold out.');
    expect(String(error)).toBe('CartError: Sorry, the Oat scarf just sold out.');
    expect(error.stack?.split('\n')[0]).toBe('CartError: Sorry, the Oat scarf just sold out.');
    expect(error.kind).toBe('sold-out');
    expect(error).toBeInstanceOf(Error);
  });

  it('maps sold-out to 409 Conflict and every missing thing to 404', () => {
    expect(CART_ERROR_STATUS).toEqual({ unavailable: 404, 'sold-out': 409, 'no-cart': 404, 'not-in-cart': 404, 'no-such-option': 404 });
  });
});
