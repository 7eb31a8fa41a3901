import { createHash } from 'node:crypto';
import type { CartView } from '../cart/types';

/**
 * A short fingerprint of what the checkout page showed: every line (variant, quantity, unit
 * price) and both shipping prices. The form sends it back; if the cart computed at placement has
 * another one, a price, line or stock changed meanwhile and the shopper confirms the new totals.
 */
export function quoteOf(cart: CartView): string {
  const shown = {
    lines: cart.lines.map((l) => [l.variantId, l.quantity, l.unitPrice.amount, l.unitPrice.currency, l.purchasable]),
    shipping: cart.shippingOptions.map((o) => [o.method, o.price.amount]),
  };
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}
