import type { CartLineView, CartView } from '@/lib/cart/types';
import type { ShippingMethodName } from '@/lib/cart/shipping';

/**
 * What the cart looks like while a change is on its way to the server. Only quantities and the
 * sums that follow from them move; the server's answer replaces all of it (shipping included).
 */
export type CartChange =
  | { type: 'add'; line: CartLineView; quantity: number }
  | { type: 'set'; variantId: string; quantity: number }
  | { type: 'remove'; variantId: string }
  | { type: 'ship'; method: ShippingMethodName };

function withTotals(cart: CartView, lines: CartLineView[]): CartView {
  const buyable = lines.filter((l) => l.purchasable);
  const subtotal = buyable.reduce((s, l) => s + l.lineTotal.amount, 0);
  return {
    ...cart,
    lines,
    itemCount: buyable.reduce((s, l) => s + l.quantity, 0),
    subtotal: { ...cart.subtotal, amount: subtotal },
    total: { ...cart.total, amount: subtotal + cart.shipping.amount },
  };
}

function withQuantity(line: CartLineView, quantity: number): CartLineView {
  const q = Math.max(0, Math.min(quantity, line.maxQuantity || quantity));
  return { ...line, quantity: q, lineTotal: { ...line.lineTotal, amount: line.unitPrice.amount * q } };
}

export function applyCartChange(cart: CartView, change: CartChange): CartView {
  switch (change.type) {
    case 'add': {
      const existing = cart.lines.find((l) => l.variantId === change.line.variantId);
      const lines = existing
        ? cart.lines.map((l) => (l === existing ? withQuantity(l, l.quantity + change.quantity) : l))
        : [...cart.lines, withQuantity(change.line, change.quantity)];
      return withTotals(cart, lines);
    }
    case 'set':
      return withTotals(
        cart,
        cart.lines.map((l) => (l.variantId === change.variantId ? withQuantity(l, change.quantity) : l)),
      );
    case 'remove':
      return withTotals(
        cart,
        cart.lines.filter((l) => l.variantId !== change.variantId),
      );
    case 'ship': {
      const option = cart.shippingOptions.find((o) => o.method === change.method);
      if (!option) return cart;
      return withTotals({ ...cart, shippingMethod: change.method, shipping: option.price }, cart.lines);
    }
  }
}
