import { describe, expect, it } from 'vitest';
import { emptyCart } from '../cart/view';
import type { CartLineView, CartView } from '../cart/types';
import { testCartSettings } from '../../tests/support/settings';
import { quoteOf } from './quote';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function line(over: Partial<CartLineView> = {}): CartLineView {
  return {
    id: 'l1',
    variantId: 'cvariant00000000000000001',
    productSlug: 'yak-wool-socks',
    title: 'Yak Wool Socks',
    size: 'M',
    colour: 'Brown',
    sku: 'YWS-M-BRO',
    material: 'yak',
    isWool: true,
    image: null,
    quantity: 2,
    maxQuantity: 10,
    limitedBy: 'per-line',
    unitPrice: usd(2400),
    lineTotal: usd(4800),
    purchasable: true,
    problems: [],
    ...over,
  };
}

function cart(lines: CartLineView[], standard = 995, express = 2495): CartView {
  const base = emptyCart(testCartSettings);
  return {
    ...base,
    lines,
    shippingOptions: [
      { ...base.shippingOptions[0]!, method: 'standard', price: usd(standard) },
      { ...base.shippingOptions[1]!, method: 'express', price: usd(express) },
    ],
  };
}

describe('the fingerprint of what the checkout page showed', () => {
  const shown = cart([line(), line({ id: 'l2', variantId: 'cvariant00000000000000002', quantity: 1 })]);

  it('is 32 hex characters, the same for the same cart however it was computed', () => {
    expect(quoteOf(shown)).toMatch(/^[0-9a-f]{32}$/);
    expect(quoteOf(structuredClone(shown))).toBe(quoteOf(shown));
  });

  it('ignores what the shopper cannot pay for differently: ids of lines, images, titles', () => {
    const cosmetic = cart([line({ id: 'other', title: 'Renamed', image: { src: '/x.jpg', alt: 'x' } }), shown.lines[1]!]);
    expect(quoteOf(cosmetic)).toBe(quoteOf(shown));
  });

  it('changes with every line’s variant, quantity, unit price, currency or availability, and with the line order', () => {
    const variants = [
      cart([line({ variantId: 'cvariant00000000000000009' }), shown.lines[1]!]),
      cart([line({ quantity: 3 }), shown.lines[1]!]),
      cart([line({ unitPrice: usd(2500) }), shown.lines[1]!]),
      cart([line({ unitPrice: { amount: 2400, currency: 'EUR' } }), shown.lines[1]!]),
      cart([line({ purchasable: false }), shown.lines[1]!]),
      cart([shown.lines[1]!, line()]),
      cart([line()]),
    ];
    const quotes = new Set([quoteOf(shown), ...variants.map(quoteOf)]);
    expect(quotes.size).toBe(variants.length + 1);
  });

  it('changes with either shipping price', () => {
    expect(quoteOf(cart(shown.lines, 1095))).not.toBe(quoteOf(shown));
    expect(quoteOf(cart(shown.lines, 995, 0))).not.toBe(quoteOf(shown));
  });
});
