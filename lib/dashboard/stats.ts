import 'server-only';
import type { Db } from '../db';
import type { OrderStatusName } from '../checkout/types';
import { ORDER_STATUSES } from '../orders/staff-query';

/**
 * The staff dashboard's figures, all from the orders' own snapshots (a product renamed or archived
 * since keeps its past sales). A sale is an order that was paid (paid, shipped or refunded since:
 * sales are gross of refunds), counted
 * on the UTC day it was paid. Amounts are integer cents in the shop's currency.
 */
export const DASHBOARD_DAYS = 30;
const SOLD: OrderStatusName[] = ['paid', 'shipped', 'partially_refunded', 'refunded'];

export interface DaySales {
  /** "2026-11-27" */
  day: string;
  orders: number;
  revenueCents: number;
}

export interface DashboardStats {
  currency: string;
  days: DaySales[];
  revenueCents: number;
  orders: number;
  byStatus: Record<OrderStatusName, number>;
  topProducts: { productSlug: string; title: string; units: number; revenueCents: number }[];
  lowStock: { sku: string; title: string; size: string; colour: string; stock: number }[];
  /** Wool goods' share of what was sold in the period, by amount (0–1); null with no sales. */
  woolShare: number | null;
  woolCents: number;
  otherCents: number;
  /** Share of the period's orders shipped Express for free (0–1); null with no sales. */
  freeExpressShare: number | null;
  freeExpressOrders: number;
}

/** The first instant of the UTC day `days - 1` days before `now`: the period is today and the days before it. */
export function periodStart(now: Date, days = DASHBOARD_DAYS): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start;
}

/** Every day of the period, oldest first, with nothing sold on the days missing from `sold`. */
export function fillDays(start: Date, days: number, sold: Map<string, { orders: number; revenueCents: number }>): DaySales[] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day, ...(sold.get(day) ?? { orders: 0, revenueCents: 0 }) };
  });
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export async function dashboardStats(db: Db, opts: { now: Date; currency: string; lowStockThreshold: number; days?: number }): Promise<DashboardStats> {
  const days = opts.days ?? DASHBOARD_DAYS;
  const start = periodStart(opts.now, days);
  const soldInPeriod = { status: { in: SOLD }, paidAt: { gte: start, lte: opts.now } };

  const [perDay, statusCounts, top, low, wool, express] = await Promise.all([
    db.$queryRaw<{ day: string; orders: number; revenue: number }[]>`
      SELECT to_char(date_trunc('day', "paidAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
             COUNT(*)::int AS orders, COALESCE(SUM("totalCents"), 0)::int AS revenue
      FROM "Order"
      WHERE status IN ('paid', 'shipped', 'partially_refunded', 'refunded') AND "paidAt" >= ${start} AND "paidAt" <= ${opts.now}
      GROUP BY 1`,
    db.order.groupBy({ by: ['status'], _count: { _all: true } }),
    db.orderLine.groupBy({
      by: ['productSlug', 'title'],
      where: { order: soldInPeriod },
      _sum: { quantity: true, lineTotalCents: true },
      orderBy: [{ _sum: { quantity: 'desc' } }, { _sum: { lineTotalCents: 'desc' } }, { productSlug: 'asc' }],
      take: 5,
    }),
    db.variant.findMany({
      where: { stock: { lte: opts.lowStockThreshold }, product: { status: 'active' } },
      orderBy: [{ stock: 'asc' }, { sku: 'asc' }],
      take: 20,
      select: { sku: true, size: true, colour: true, stock: true, product: { select: { title: true } } },
    }),
    db.orderLine.groupBy({ by: ['isWool'], where: { order: soldInPeriod }, _sum: { lineTotalCents: true } }),
    db.order.count({ where: { ...soldInPeriod, shippingMethod: 'express', shippingCents: 0 } }),
  ]);

  const sold = new Map(perDay.map((d) => [d.day, { orders: Number(d.orders), revenueCents: Number(d.revenue) }]));
  const filled = fillDays(start, days, sold);
  const orders = filled.reduce((n, d) => n + d.orders, 0);
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatusName, number>;
  for (const s of statusCounts) byStatus[s.status] = s._count._all;
  const woolCents = wool.find((w) => w.isWool)?._sum.lineTotalCents ?? 0;
  const otherCents = wool.find((w) => !w.isWool)?._sum.lineTotalCents ?? 0;

  return {
    currency: opts.currency,
    days: filled,
    revenueCents: filled.reduce((n, d) => n + d.revenueCents, 0),
    orders,
    byStatus,
    topProducts: top.map((t) => ({ productSlug: t.productSlug, title: t.title, units: t._sum.quantity ?? 0, revenueCents: t._sum.lineTotalCents ?? 0 })),
    lowStock: low.map((v) => ({ sku: v.sku, title: v.product.title, size: v.size, colour: v.colour, stock: v.stock })),
    woolShare: share(woolCents, woolCents + otherCents),
    woolCents,
    otherCents,
    freeExpressShare: share(express, orders),
    freeExpressOrders: express,
  };
}
