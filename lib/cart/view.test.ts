import { describe, expect, it } from 'vitest';
import { testCartSettings } from '../../tests/support/settings';
import { emptyCart, toCartView, type LineRow } from './view';

/** The cart page's numbers from rows as the database returns them (no database here: toCartView is pure). */
function row(over: {
  id: string;
  createdAt: string;
  quantity: number;
  stock?: number;
  price?: number;
  priceAtAdd?: number;
  status?: string;
  isWool?: boolean;
}) {
  const price = over.price ?? 2400;
  return {
    id: over.id,
    cartId: 'cart',
    variantId: `v-${over.id}`,
    quantity: over.quantity,
    priceAtAddCents: over.priceAtAdd ?? price,
    createdAt: new Date(over.createdAt),
    updatedAt: new Date(over.createdAt),
    variant: {
      id: `v-${over.id}`,
      productId: `p-${over.id}`,
      sku: `SKU-${over.id}`,
      size: 'M',
      colour: 'Brown',
      priceCents: price,
      compareAtCents: null,
      currency: 'USD',
      stock: over.stock ?? 10,
      position: 0,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      product: {
        slug: `product-${over.id}`,
        title: `Product ${over.id}`,
        status: over.status ?? 'active',
        isWool: over.isWool ?? true,
        material: 'yak',
        images: [{ path: `/images/${over.id}.jpg`, alt: `Photo ${over.id}` }],
      },
    },
  } as unknown as LineRow;
}

describe('the cart as the shopper sees it', () => {
  it('lists lines in the order they were added, the older first, ties by id, whatever order the rows came in', () => {
    const view = toCartView(
      {
        shippingMethod: null,
        lines: [
          row({ id: 'c', createdAt: '2026-11-27T10:00:02Z', quantity: 1 }),
          row({ id: 'b', createdAt: '2026-11-27T10:00:01Z', quantity: 1 }),
          row({ id: 'a', createdAt: '2026-11-27T10:00:02Z', quantity: 1 }),
        ],
      },
      testCartSettings,
    );
    expect(view.lines.map((l) => l.id)).toEqual(['b', 'a', 'c']);
    expect(view.lines[0]).toMatchObject({ sku: 'SKU-b', material: 'Yak wool', image: { src: '/images/b.jpg', alt: 'Photo b' } });
  });

  it('a line with exactly as many in stock as in the cart is not reduced; one more than in stock is', () => {
    const exact = toCartView({ shippingMethod: null, lines: [row({ id: 'a', createdAt: '2026-11-27T10:00:00Z', quantity: 2, stock: 2 })] }, testCartSettings);
    expect(exact.lines[0]!.problems).toEqual([]);
    expect(exact.lines[0]!.quantity).toBe(2);
    expect(exact.lines[0]).toMatchObject({ maxQuantity: 2, limitedBy: 'stock' });
    const short = toCartView({ shippingMethod: null, lines: [row({ id: 'a', createdAt: '2026-11-27T10:00:00Z', quantity: 3, stock: 2 })] }, testCartSettings);
    expect(short.lines[0]!.problems).toEqual([{ kind: 'reduced', available: 2 }]);
    expect(short.lines[0]!.quantity).toBe(2);
    expect(short.subtotal.amount).toBe(4800);
  });

  it('sold-out and archived lines are shown but not counted; a changed price is flagged with the old one', () => {
    const view = toCartView(
      {
        shippingMethod: null,
        lines: [
          row({ id: 'a', createdAt: '2026-11-27T10:00:00Z', quantity: 1, stock: 0 }),
          row({ id: 'b', createdAt: '2026-11-27T10:00:01Z', quantity: 1, status: 'archived' }),
          row({ id: 'c', createdAt: '2026-11-27T10:00:02Z', quantity: 2, price: 2500, priceAtAdd: 2400 }),
        ],
      },
      testCartSettings,
    );
    expect(view.lines.map((l) => [l.purchasable, l.problems.map((p) => p.kind)])).toEqual([
      [false, ['sold-out']],
      [false, ['unavailable']],
      [true, ['price-changed']],
    ]);
    expect(view.lines[2]!.problems[0]).toEqual({ kind: 'price-changed', was: { amount: 2400, currency: 'USD' } });
    expect(view.itemCount).toBe(2);
    expect(view.subtotal.amount).toBe(5000);
    expect(view.total.amount).toBe(5000 + testCartSettings.shipping.standardCents);
  });

  it('says what limits a line: the stock up to the per-line cap, the cap above it', () => {
    const max = testCartSettings.maxPerLine;
    const view = toCartView(
      {
        shippingMethod: null,
        lines: [
          row({ id: 'a', createdAt: '2026-01-01T00:00:00Z', quantity: 1, stock: max }),
          row({ id: 'b', createdAt: '2026-01-01T00:00:01Z', quantity: 1, stock: max + 1 }),
        ],
      },
      testCartSettings,
    );
    expect(view.lines.map((l) => [l.maxQuantity, l.limitedBy])).toEqual([
      [max, 'stock'],
      [max, 'per-line'],
    ]);
  });

  it('charges the method the shopper chose: Express under the threshold costs its price', () => {
    const rules = testCartSettings.shipping;
    const lines = [row({ id: 'a', createdAt: '2026-01-01T00:00:00Z', quantity: 1, price: 2400 })];
    expect(rules.expressCents).not.toBe(rules.standardCents);
    const express = toCartView({ shippingMethod: 'express', lines }, testCartSettings);
    expect(express).toMatchObject({ shippingMethod: 'express', shipping: { amount: rules.expressCents }, total: { amount: 2400 + rules.expressCents } });
    const standard = toCartView({ shippingMethod: 'standard', lines }, testCartSettings);
    expect(standard).toMatchObject({ shipping: { amount: rules.standardCents }, total: { amount: 2400 + rules.standardCents } });
  });

  it('an empty cart costs nothing, shipping included', () => {
    const view = emptyCart(testCartSettings);
    expect(view).toMatchObject({ lines: [], itemCount: 0, subtotal: { amount: 0 }, shipping: { amount: 0 }, total: { amount: 0 } });
  });
});
