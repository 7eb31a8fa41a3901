import 'server-only';
import { orderInclude, toOrderView } from '../checkout/order-view';
import type { OrderView, PaymentProviderName } from '../checkout/types';
import { linkSecret, signOrderNumber } from '../checkout/viewer';
import type { Db } from '../db';
import { money, type Money } from '../money';
import { formatReturnNumber, type ReturnStatusName } from '../returns/states';
import { anythingLeft, NOTHING_LEFT, returnability, type ReturnabilityOrder } from '../returns/returnability';
import { shopConfig } from '../config';
import { provenOrderWhere, type OrderProof } from './order-proof';

/**
 * The shopper's order page, /orders/MN-100001, opened with a proof (lib/orders/order-proof.ts).
 * Anyone else gets the same answer whether the number exists or not.
 */
export const ORDER_PASS_SECONDS = 2 * 60 * 60;

/** The page's path segment: exactly "MN-" and the number, as the shop writes it. */
export function orderPagePath(number: number): string {
  return `/orders/MN-${number}`;
}

export function numberFromPath(segment: string): number | null {
  const m = /^MN-(\d{6,9})$/.exec(segment);
  return m ? Number(m[1]) : null;
}

export async function orderPass(db: Db, number: number, appSecret: string | undefined, now = new Date()): Promise<string> {
  return signOrderNumber(await linkSecret(db, appSecret), number, now, ORDER_PASS_SECONDS);
}

export interface PaymentView {
  provider: PaymentProviderName;
  amount: Money;
  at: string;
}

/** A refund as the customer sees it: money sent back to their card or PayPal (failed attempts are staff's to retry, not shown). */
export interface RefundView {
  amount: Money;
  status: 'pending' | 'succeeded';
  at: string;
  /** The return it was for, e.g. "R-5001". */
  returnNumber: string | null;
}

export interface ReturnView {
  number: string;
  status: ReturnStatusName;
  items: number;
  at: string;
  /** What staff told the customer on approving or rejecting. */
  message: string | null;
}

/** Whether the buyer can still start a return here (lib/returns/returnability.ts). */
export type ReturnWindowView = { open: true; until: string } | { open: false; message: string | null };

export interface OrderPageView {
  order: OrderView;
  payments: PaymentView[];
  refunds: RefundView[];
  returns: ReturnView[];
  returnWindow: ReturnWindowView;
}

export interface OrderPageRequest extends OrderProof {
  /** The path segment, e.g. "MN-100001". */
  segment: string;
  /** RETURN_WINDOW_DAYS unless given. */
  returnWindowDays?: number;
}

const returnLinesHeld = { select: { quantity: true, receivedQuantity: true, return: { select: { status: true } } } } as const;

function windowView(order: ReturnabilityOrder, windowDays: number, now: Date): ReturnWindowView {
  const r = returnability(order, windowDays, now);
  if (r.kind === 'closed') return { open: false, message: r.code === 'window-closed' ? r.message : null };
  if (!anythingLeft(r.left)) return { open: false, message: NOTHING_LEFT };
  return { open: true, until: r.closesAt.toISOString() };
}

export async function findOrderPage(db: Db, r: OrderPageRequest, appSecret: string | undefined, now = new Date()): Promise<OrderPageView | null> {
  const number = numberFromPath(r.segment);
  if (number === null) return null;
  const where = await provenOrderWhere(db, number, r, appSecret, now);
  if (!where) return null;
  const row = await db.order.findFirst({
    where,
    include: {
      ...orderInclude,
      lines: { ...orderInclude.lines, include: { returnLines: returnLinesHeld } },
      payments: { orderBy: { createdAt: 'asc' } },
      refunds: { where: { status: { in: ['pending', 'succeeded'] } }, orderBy: { createdAt: 'asc' }, include: { return: { select: { number: true } } } },
      returns: { orderBy: { createdAt: 'asc' }, include: { lines: { select: { quantity: true } } } },
    },
  });
  if (!row) return null;
  return {
    order: toOrderView(row),
    payments: row.payments.map((p) => ({ provider: p.provider, amount: money(p.amountCents, p.currency), at: p.createdAt.toISOString() })),
    refunds: row.refunds.map((r) => ({
      amount: money(r.amountCents, r.currency),
      status: r.status === 'succeeded' ? 'succeeded' : 'pending',
      at: r.createdAt.toISOString(),
      returnNumber: r.return ? formatReturnNumber(r.return.number) : null,
    })),
    returns: row.returns.map((r) => ({
      number: formatReturnNumber(r.number),
      status: r.status,
      items: r.lines.reduce((n, l) => n + l.quantity, 0),
      at: r.createdAt.toISOString(),
      message: r.customerMessage,
    })),
    returnWindow: windowView(row, r.returnWindowDays ?? shopConfig().RETURN_WINDOW_DAYS, now),
  };
}
