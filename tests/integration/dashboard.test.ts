import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { placeOrder } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { dashboardStats } from '@/lib/dashboard/stats';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings } from '../support/settings';

const address = {
  email: 'dash@example.com',
  name: 'Bold Bat',
  line1: '1 Peace Avenue',
  line2: null,
  city: 'Ulaanbaatar',
  region: null,
  postalCode: '14200',
  country: 'MN' as const,
  payment: 'test' as const,
};

describeEachDatabase('the staff dashboard', (ctx) => {
  const now = new Date('2026-11-27T15:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function order(lines: [string, number][], shippingMethod: 'standard' | 'express', paidAt: Date | null): Promise<string> {
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
      const r = await addToCart(ctx.db, token, { variantId: v.id, quantity }, testCartSettings, paidAt ?? now);
      token = r.newToken ?? token;
    }
    // Read at the same moment the cart was filled: the shop's clock is the test's, never the real one (a cart
    // filled 30 days before the fixed `now` had expired by the real clock once the day passed 15:00 UTC).
    const quote = quoteOf(await getCart(ctx.db, token, testCartSettings, paidAt ?? now));
    const input = { ...address, shippingMethod, quote };
    if (!paidAt) {
      const placed = await placeOrder(ctx.db, token, input, 'stripe', { cart: testCartSettings, holdMinutes: 30 }, now);
      if (placed.kind !== 'placed') throw new Error(placed.kind);
      return placed.order.id;
    }
    const r = await checkoutAndPay(ctx.db, token, input, paidAt);
    if (r.kind !== 'paid') throw new Error(r.kind);
    return r.orderId;
  }

  it('sums sales per paid day over 30 days, with shares of wool and of free Express, top products and low stock', async () => {
    // Today: a cashmere sweater ($189, wool > $150) shipped Express for free.
    await order([['GCN-S-OAT', 1]], 'express', now);
    // Three days ago: two pairs of socks and a brick of tea, Standard.
    await order(
      [
        ['YWS-S3638-BRO', 2],
        ['STB-250G-FOR', 1],
      ],
      'standard',
      daysAgo(3),
    );
    // Outside the period (30 days ago) and unpaid: neither counts as a sale.
    await order([['YWS-S3638-BRO', 5]], 'standard', daysAgo(30));
    await order([['FCT-15CM-CAM', 1]], 'standard', null);

    const stats = await dashboardStats(ctx.db, { now, currency: 'USD', lowStockThreshold: 3 });
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]!.day).toBe('2026-10-29');
    expect(stats.days.at(-1)).toEqual({ day: '2026-11-27', orders: 1, revenueCents: 18900 });
    expect(stats.days.find((d) => d.day === '2026-11-24')).toEqual({ day: '2026-11-24', orders: 1, revenueCents: 2 * 2400 + 1800 + 995 });
    expect(stats.days.filter((d) => d.orders > 0)).toHaveLength(2);
    expect(stats.orders).toBe(2);
    expect(stats.revenueCents).toBe(18900 + 2 * 2400 + 1800 + 995);

    expect(stats.byStatus).toEqual({ pending: 1, paid: 3, shipped: 0, partially_refunded: 0, refunded: 0, cancelled: 0, expired: 0 });

    expect(stats.topProducts.map((p) => [p.productSlug, p.units, p.revenueCents])).toEqual([
      ['yak-wool-socks', 2, 4800],
      ['gobi-crew-neck-sweater', 1, 18900],
      ['suutei-tsai-brick-tea', 1, 1800],
    ]);

    expect(stats.woolCents).toBe(18900 + 4800);
    expect(stats.otherCents).toBe(1800);
    expect(stats.woolShare).toBeCloseTo((18900 + 4800) / (18900 + 4800 + 1800), 10);
    expect(stats.freeExpressOrders).toBe(1);
    expect(stats.freeExpressShare).toBe(0.5);

    // Low stock: active products only (the draft gloves at 0 are not listed), fewest first.
    expect(stats.lowStock.every((v) => v.stock <= 3)).toBe(true);
    expect(stats.lowStock.map((v) => v.sku)).toContain('NT-S-CHA');
    expect(stats.lowStock.map((v) => v.sku)).not.toContain('WCG-SM-CHA');
    expect(stats.lowStock[0]!.stock).toBe(0);
    expect(stats.lowStock.map((v) => v.stock)).toEqual([...stats.lowStock.map((v) => v.stock)].sort((a, b) => a - b));
  });

  it('a shop with no sales in the period has empty days and no shares, not a division by zero', async () => {
    const stats = await dashboardStats(ctx.db, { now: new Date('2030-01-01T00:00:00Z'), currency: 'USD', lowStockThreshold: 0 });
    expect(stats.orders).toBe(0);
    expect(stats.days.every((d) => d.orders === 0 && d.revenueCents === 0)).toBe(true);
    expect(stats.woolShare).toBeNull();
    expect(stats.freeExpressShare).toBeNull();
    expect(stats.topProducts).toEqual([]);
  });

  it('a voided sale is no sale; equal units rank by revenue; low stock lists exactly the variants at or under the line, by stock then SKU, with titles', async () => {
    const later = new Date('2032-06-01T12:00:00Z');
    await order([['YWS-S3638-BRO', 1]], 'standard', later);
    await order([['STB-250G-FOR', 1]], 'standard', later);
    const voided = await order([['GCN-S-OAT', 1]], 'standard', later);
    // Paid, then voided: the order keeps its paidAt, but it is not a sale.
    await ctx.db.order.update({ where: { id: voided }, data: { status: 'cancelled' } });

    const stats = await dashboardStats(ctx.db, { now: later, currency: 'USD', lowStockThreshold: 0 });
    expect(stats.orders).toBe(2);
    // One unit each: the socks ($24) before the tea ($18).
    expect(stats.topProducts.map((p) => [p.productSlug, p.units, p.revenueCents])).toEqual([
      ['yak-wool-socks', 1, 2400],
      ['suutei-tsai-brick-tea', 1, 1800],
    ]);
    expect(stats.woolCents + stats.otherCents).toBe(2400 + 1800);

    const soldOut = await ctx.db.variant.findMany({
      where: { stock: { lte: 0 }, product: { status: 'active' } },
      select: { sku: true, product: { select: { title: true } } },
      orderBy: { sku: 'asc' },
    });
    expect(soldOut.length).toBeGreaterThan(1);
    expect(soldOut.length).toBeLessThan(20);
    expect(stats.lowStock.map((v) => [v.sku, v.title, v.stock])).toEqual(soldOut.map((v) => [v.sku, v.product.title, 0]));
  });
});
