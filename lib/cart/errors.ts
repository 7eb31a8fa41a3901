/**
 * Why the cart refused a change, in the domain's own words. The HTTP boundary (./http.ts) and the
 * form route map a kind to a status; the message is written for the shopper.
 */
export type CartErrorKind = 'unavailable' | 'sold-out' | 'no-cart' | 'not-in-cart' | 'no-such-option';

export class CartError extends Error {
  constructor(
    readonly kind: CartErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CartError';
  }
}

export const CART_ERROR_STATUS: Record<CartErrorKind, number> = {
  unavailable: 404,
  'sold-out': 409,
  'no-cart': 404,
  'not-in-cart': 404,
  'no-such-option': 404,
};
