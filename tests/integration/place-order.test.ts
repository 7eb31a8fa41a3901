import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { placeOrder, type PlaceSettings } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { viewerHash } from '@/lib/checkout/viewer';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

/**
 * Placing an order at its edges (lib/checkout/place.ts): the same details reuse the pending order, any
 * changed detail replaces it (and gives its stock back), each line is a snapshot of what was sold, and a
 * line that cannot be had is named with what is left.
 */
const settings: PlaceSettings = { cart: testCartSettings, holdMinutes: 30 };

describeEachDatabase('placing an order', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function cartOf(lines: [sku: string, quantity: number][]): Promise<{ token: string; input: CheckoutInput }> {
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const v = await ctx.db.variant.update({ where: { sku }, data: { stock: { increment: quantity + 2 } } });
      const r = await addToCart(ctx.db, token, { variantId: v.id, quantity }, testCartSettings);
      token = r.newToken ?? token;
    }
    return { token: token!, input: { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, token, testCartSettings)) } };
  }
  const stockOf = async (sku: string) => (await ctx.db.variant.findUniqueOrThrow({ where: { sku } })).stock;

  it('the same details reuse the pending order; each changed detail, or another way to pay, replaces it and gives its stock back', async () => {
    const s = await cartOf([['KCC-M-FOR', 1]]);
    const first = await placeOrder(ctx.db, s.token, s.input, 'stripe', settings);
    if (first.kind !== 'placed') throw new Error(first.kind);
    expect(first).toMatchObject({ reused: false, replaced: null });
    const held = await stockOf('KCC-M-FOR');
    const same = await placeOrder(ctx.db, s.token, { ...s.input }, 'stripe', settings);
    expect(same).toMatchObject({ kind: 'placed', reused: true, replaced: null, order: { id: first.order.id } });

    await ctx.db.order.update({ where: { id: first.order.id }, data: { providerRef: 'cs_test_replaced' } });
    let current = first.order.id;
    const changes: [string, Partial<CheckoutInput>, 'stripe' | 'paypal' | 'test'][] = [
      ['email', { email: 'other@example.com' }, 'stripe'],
      ['name', { name: 'Another Name' }, 'stripe'],
      ['line1', { line1: '6 Olympic Street' }, 'stripe'],
      ['line2', { line2: 'Flat 2' }, 'stripe'],
      ['city', { city: 'Darkhan' }, 'stripe'],
      ['region', { region: 'Selenge' }, 'stripe'],
      ['postal code', { postalCode: '14211' }, 'stripe'],
      ['provider', {}, 'paypal'],
    ];
    let input = s.input;
    let provider: 'stripe' | 'paypal' | 'test' = 'stripe';
    for (const [what, change, p] of changes) {
      input = { ...input, ...change };
      const wasProvider = provider;
      provider = p;
      const r = await placeOrder(ctx.db, s.token, input, provider, settings);
      if (r.kind !== 'placed') throw new Error(`${what}: ${r.kind}`);
      expect(r.reused, what).toBe(false);
      expect(r.replaced, what).toEqual({ id: current, provider: wasProvider, providerRef: current === first.order.id ? 'cs_test_replaced' : null });
      const old = await ctx.db.order.findUniqueOrThrow({ where: { id: current }, include: { events: true } });
      expect(old.status, what).toBe('cancelled');
      expect(old.events.find((e) => e.to === 'cancelled')?.note, what).toBe('Replaced by a new checkout from the same cart');
      // One unit held at any time: the old order's came back before the new one took its own.
      expect(await stockOf('KCC-M-FOR'), what).toBe(held);
      current = r.order.id;
    }
    const last = await ctx.db.order.findUniqueOrThrow({ where: { id: current } });
    expect(last).toMatchObject({
      status: 'pending',
      provider: 'paypal',
      email: 'other@example.com',
      shippingName: 'Another Name',
      shippingLine1: '6 Olympic Street',
      shippingLine2: 'Flat 2',
      shippingCity: 'Darkhan',
      shippingRegion: 'Selenge',
      shippingPostal: '14211',
      shippingCountry: 'MN',
      viewerTokenHash: viewerHash(s.token),
    });
  });

  it('an order paid between reading it and replacing it (a webhook in between) leaves the cart ordered: nothing new is placed', async () => {
    const s = await cartOf([['GCN-M-CHA', 1]]);
    const first = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    if (first.kind !== 'placed') throw new Error(first.kind);
    // What the read saw was pending; by the time the replacement runs, the order is paid (its cart not yet let go of).
    await ctx.db.order.update({ where: { id: first.order.id }, data: { status: 'paid' } });
    const before = await ctx.db.order.count();
    expect(await placeOrder(ctx.db, s.token, { ...s.input, city: 'Erdenet' }, 'test', settings)).toEqual({ kind: 'empty' });
    expect(await ctx.db.order.count()).toBe(before);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: first.order.id } })).status).toBe('paid');
  });

  it('a cart whose lines were all removed places nothing', async () => {
    const s = await cartOf([['GCN-M-OAT', 1]]);
    const cart = await ctx.db.cart.findFirstOrThrow({ where: { lines: { some: { variant: { sku: 'GCN-M-OAT' } } } }, orderBy: { createdAt: 'desc' } });
    await ctx.db.cartLine.deleteMany({ where: { cartId: cart.id } });
    const empty = quoteOf(await getCart(ctx.db, s.token, testCartSettings));
    expect(await placeOrder(ctx.db, s.token, { ...s.input, quote: empty }, 'test', settings)).toEqual({ kind: 'empty' });
  });

  it('another shipping method is another order too', async () => {
    const s = await cartOf([['GCN-L-OAT', 1]]);
    const standard = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    const express = await placeOrder(ctx.db, s.token, { ...s.input, shippingMethod: 'express' }, 'test', settings);
    // The quote covers both shipping prices, so the page's quote buys either; the method is part of what was asked.
    if (standard.kind !== 'placed' || express.kind !== 'placed') throw new Error('not placed');
    expect(express.order.id).not.toBe(standard.order.id);
    expect(express.replaced?.id).toBe(standard.order.id);
    expect([standard.order.shippingMethod, express.order.shippingMethod]).toEqual(['standard', 'express']);
    // $189 of wool: Express is free, Standard is not.
    expect([standard.order.shipping.amount, express.order.shipping.amount]).toEqual([995, 0]);
  });

  it('each line is a snapshot: title, colour, size, SKU, price, wool and final sale as they were when placed', async () => {
    const finalSku = 'FCT-15CM-CAM';
    const product = await ctx.db.product.findFirstOrThrow({ where: { variants: { some: { sku: finalSku } } } });
    await ctx.db.product.update({ where: { id: product.id }, data: { finalSale: true } });
    const s = await cartOf([
      [finalSku, 1],
      ['SBC-S-OAT', 2],
    ]);
    const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
    await ctx.db.product.update({ where: { id: product.id }, data: { finalSale: false } });
    if (r.kind !== 'placed') throw new Error(r.kind);
    const lines = await ctx.db.orderLine.findMany({ where: { orderId: r.order.id }, include: { variant: { include: { product: true } } } });
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      const v = l.variant!;
      expect(l, l.sku).toMatchObject({
        productSlug: v.product.slug,
        title: v.product.title,
        colour: v.colour,
        size: v.size,
        sku: v.sku,
        unitPriceCents: v.priceCents,
        lineTotalCents: v.priceCents * l.quantity,
        finalSale: l.sku === finalSku,
      });
    }
    expect(lines.find((l) => l.sku === 'SBC-S-OAT')!.quantity).toBe(2);
    const row = await ctx.db.order.findUniqueOrThrow({ where: { id: r.order.id }, include: { events: true } });
    expect(row.events).toEqual([expect.objectContaining({ from: null, to: 'pending', note: 'Placed; stock held for 30 minutes' })]);
    expect(row.totalCents).toBe(row.subtotalCents + row.shippingCents);
  });

  it('a line that can no longer be had is named, with what is left: fewer than in the cart, or none (no longer for sale)', async () => {
    const s = await cartOf([
      ['KCC-L-FOR', 3],
      ['SBC-M-OAT', 1],
    ]);
    await ctx.db.variant.update({ where: { sku: 'KCC-L-FOR' }, data: { stock: 2 } });
    const archived = await ctx.db.product.findFirstOrThrow({ where: { variants: { some: { sku: 'SBC-M-OAT' } } } });
    await ctx.db.product.update({ where: { id: archived.id }, data: { status: 'archived' } });
    try {
      const r = await placeOrder(ctx.db, s.token, s.input, 'test', settings);
      expect(r.kind).toBe('out-of-stock');
      if (r.kind !== 'out-of-stock') return;
      const kcc = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'KCC-L-FOR' }, include: { product: true } });
      const sbc = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'SBC-M-OAT' } });
      expect(r.problems).toEqual(
        expect.arrayContaining([
          { title: `${kcc.product.title} (${kcc.colour}, ${kcc.size})`, available: 2 },
          { title: `${archived.title} (${sbc.colour}, ${sbc.size})`, available: 0 },
        ]),
      );
      expect(r.problems).toHaveLength(2);
      expect(await stockOf('KCC-L-FOR')).toBe(2);
    } finally {
      await ctx.db.product.update({ where: { id: archived.id }, data: { status: 'active' } });
    }
  });
});
