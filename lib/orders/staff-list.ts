import 'server-only';
import type { Db } from '../db';
import { money, type Money } from '../money';
import { formatOrderNumber } from '../checkout/order-number';
import type { OrderStatusName } from '../checkout/types';
import { STAFF_ORDER_PAGE_SIZE, staffOrderWhere, type StaffOrderQuery } from './staff-query';

/** One row of the staff order list. */
export interface StaffOrderRow {
  id: string;
  number: string;
  email: string;
  name: string;
  status: OrderStatusName;
  total: Money;
  items: number;
  flagged: boolean;
  placedAt: string;
}

export interface StaffOrderPage {
  rows: StaffOrderRow[];
  total: number;
  page: number;
  pages: number;
}

/** Newest first; a page past the end is the last page. */
export async function listStaffOrders(db: Db, query: StaffOrderQuery, pageSize = STAFF_ORDER_PAGE_SIZE): Promise<StaffOrderPage> {
  const where = staffOrderWhere(query);
  const total = await db.order.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const orders = await db.order.findMany({
    where,
    // Order numbers come from a sequence as orders are placed: the highest is the newest (and it is unique, so pages never overlap).
    orderBy: { number: 'desc' },
    skip: (page - 1) * pageSize,
    take: pageSize,
    // Stryker disable next-line ObjectLiteral: equivalent (stryker-equivalent.md): the quantities are all the list reads; `{}` reads every column of the lines, same result.
    include: { lines: { select: { quantity: true } } },
  });
  return {
    rows: orders.map((o) => ({
      id: o.id,
      number: formatOrderNumber(o.number),
      email: o.email,
      name: o.shippingName,
      status: o.status,
      total: money(o.totalCents, o.currency),
      items: o.lines.reduce((n, l) => n + l.quantity, 0),
      flagged: o.flaggedReason !== null,
      placedAt: o.createdAt.toISOString(),
    })),
    total,
    page,
    pages,
  };
}
