import 'server-only';
import { isWellFormedToken } from '../cart/token';
import { orderInclude, toOrderView } from '../checkout/order-view';
import type { OrderView, PaymentProviderName } from '../checkout/types';
import { linkSecret, signOrderNumber, verifyOrderNumber, viewerHash } from '../checkout/viewer';
import type { Db } from '../db';
import { money, type Money } from '../money';
import { formatReturnNumber, type ReturnStatusName } from '../returns/states';

/**
 * The shopper's order page, /orders/MN-100001. It opens with a proof, never with the number alone:
 *  - the signed link of the confirmation (or shipping) e-mail, `?token=…`, valid 30 days (lib/checkout/confirmation.ts);
 *  - the pass a good lookup on /orders/lookup leaves in an httpOnly cookie scoped to that page, valid 2 hours;
 *  - the cart cookie of the browser that placed the order (like /checkout/success).
 * Tokens sign the order number, so they are checked before anything is read: without one (and without
 * a cart cookie) the database is not asked at all.
 */
export const ORDER_PASS_COOKIE = 'order_pass';
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

export interface OrderPageView {
  order: OrderView;
  payments: PaymentView[];
  refunds: RefundView[];
  returns: ReturnView[];
}

export interface OrderPageRequest {
  /** The path segment, e.g. "MN-100001". */
  segment: string;
  linkToken: string | null;
  passToken: string | null;
  cartToken: string | null;
}

export async function findOrderPage(db: Db, r: OrderPageRequest, appSecret: string | undefined, now = new Date()): Promise<OrderPageView | null> {
  const number = numberFromPath(r.segment);
  if (number === null) return null;
  const tokens = [r.linkToken, r.passToken].filter((t): t is string => typeof t === 'string' && t.length <= 100);
  let proven = false;
  if (tokens.length) {
    const secret = await linkSecret(db, appSecret);
    proven = tokens.some((t) => verifyOrderNumber(secret, number, t, now));
  }
  const viewer = isWellFormedToken(r.cartToken) ? viewerHash(r.cartToken) : null;
  if (!proven && !viewer) return null;
  const row = await db.order.findFirst({
    where: proven ? { number } : { number, viewerTokenHash: viewer! },
    include: {
      ...orderInclude,
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
  };
}
