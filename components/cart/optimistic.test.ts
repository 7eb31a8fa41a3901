import { describe, expect, it } from 'vitest';
import type { CartLineView, CartView } from '@/lib/cart/types';
import { applyCartChange } from './optimistic';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const line = (variantId: string, unit: number, quantity: number, maxQuantity = 10): CartLineView => ({
  id: variantId,
  variantId,
  productSlug: 'p',
  title: 'P',
  size: 'M',
  colour: 'Oat',
  sku: 'SKU',
  material: 'Cashmere',
  isWool: true,
  image: null,
  quantity,
  maxQuantity,
  limitedBy: 'stock',
  unitPrice: usd(unit),
  lineTotal: usd(unit * quantity),
  purchasable: true,
  problems: [],
});
const cart = (lines: CartLineView[]): CartView => ({
  lines,
  itemCount: lines.reduce((s, l) => s + l.quantity, 0),
  subtotal: usd(lines.reduce((s, l) => s + l.lineTotal.amount, 0)),
  progress: { woolSubtotal: usd(0), threshold: usd(15000), qualifies: false, remaining: usd(15001), percent: 0 },
  shippingOptions: [],
  shippingMethod: 'standard',
  shipping: usd(995),
  total: usd(lines.reduce((s, l) => s + l.lineTotal.amount, 0) + 995),
});

describe('applyCartChange', () => {
  it('adds to an existing line or appends a new one', () => {
    const c = applyCartChange(cart([line('a', 1000, 1)]), { type: 'add', line: line('a', 1000, 0), quantity: 2 });
    expect(c.lines[0]?.quantity).toBe(3);
    expect(c.itemCount).toBe(3);
    expect(c.subtotal.amount).toBe(3000);
    const d = applyCartChange(c, { type: 'add', line: line('b', 500, 0), quantity: 1 });
    expect(d.lines.map((l) => l.variantId)).toEqual(['a', 'b']);
    expect(d.total.amount).toBe(3500 + 995);
  });
  it('never shows more than the line may hold', () => {
    const c = applyCartChange(cart([line('a', 1000, 2, 3)]), { type: 'set', variantId: 'a', quantity: 9 });
    expect(c.lines[0]?.quantity).toBe(3);
  });
  it('removes a line', () => {
    expect(applyCartChange(cart([line('a', 1000, 2)]), { type: 'remove', variantId: 'a' }).lines).toHaveLength(0);
  });
});
