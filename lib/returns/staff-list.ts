import 'server-only';
import type { Db } from '../db';
import { formatOrderNumber } from '../checkout/order-number';
import { RETURN_REASON_LABELS } from './input';
import { formatReturnNumber, type ReturnStatusName } from './states';
import { STAFF_RETURN_PAGE_SIZE, staffReturnOrder, staffReturnWhere, type StaffReturnQuery } from './staff-query';

/** One row of the staff return queue. */
export interface StaffReturnRow {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  email: string;
  status: ReturnStatusName;
  /** Units asked for, over every line. */
  items: number;
  /** Each reason once, in the order of the lines: "Too small, Damaged or defective". */
  reasons: string[];
  createdAt: string;
  /** How long ago it was asked for: "just now", "40 minutes", "5 hours", "3 days". */
  age: string;
}

export interface StaffReturnPage {
  rows: StaffReturnRow[];
  total: number;
  page: number;
  pages: number;
}

/** A page of the queue; a page past the end is the last page. */
/** "just now", "40 minutes", "5 hours" (up to two days), then "3 days". */
export function returnAge(createdAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 60_000));
  if (minutes < 2) return 'just now';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(hours / 24)} days`;
}

export async function listStaffReturns(db: Db, query: StaffReturnQuery, now = new Date(), pageSize = STAFF_RETURN_PAGE_SIZE): Promise<StaffReturnPage> {
  const where = staffReturnWhere(query);
  const total = await db.return.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const rows = await db.return.findMany({
    where,
    orderBy: staffReturnOrder(query),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      order: { select: { id: true, number: true, email: true } },
      lines: { select: { quantity: true, reason: true }, orderBy: { id: 'asc' } },
    },
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: formatReturnNumber(r.number),
      orderId: r.order.id,
      orderNumber: formatOrderNumber(r.order.number),
      email: r.order.email,
      status: r.status,
      items: r.lines.reduce((n, l) => n + l.quantity, 0),
      reasons: [...new Set(r.lines.map((l) => RETURN_REASON_LABELS[l.reason]))],
      createdAt: r.createdAt.toISOString(),
      age: returnAge(r.createdAt, now),
    })),
    total,
    page,
    pages,
  };
}

/** How many returns wait for a decision (the staff menu's count). */
export function countReturnsAwaitingApproval(db: Db): Promise<number> {
  return db.return.count({ where: { status: 'requested' } });
}
