import { formatMoney } from '../money-format';

/**
 * Every refund amount is computed here, and only here (pure; the callers pass rows they read with
 * the order locked).
 * - A return's proposed refund: unit price × received quantity for each line, plus the order's
 *   shipping when a received line came back damaged or not as described (shipping goes back once
 *   per order, however many returns).
 * - What can still be refunded on an order: captured − refunded, where a refund counts while it is
 *   pending or succeeded (a failed one gave nothing back). Never negative.
 * - Staff may lower a proposal (a partial refund), never raise it; a goodwill refund comes on top
 *   of returns, limited only by what remains.
 */
export type RefundReason = 'too_small' | 'too_large' | 'not_as_described' | 'damaged' | 'changed_mind' | 'other';
export type RefundState = 'pending' | 'succeeded' | 'failed';

/** Reasons that are the shop's fault: the customer gets the shipping back too. */
export const SHIPPING_REFUNDED_FOR: readonly RefundReason[] = ['damaged', 'not_as_described'];

export interface ReceivedLine {
  unitPriceCents: number;
  /** null: not received (counts as 0). */
  receivedQuantity: number | null;
  reason: RefundReason;
}

export interface Proposal {
  itemsCents: number;
  shippingCents: number;
  totalCents: number;
}

export function proposeReturnRefund(p: { lines: readonly ReceivedLine[]; orderShippingCents: number; shippingRefundedCents: number }): Proposal {
  let itemsCents = 0;
  let shippingDue = false;
  for (const l of p.lines) {
    const q = l.receivedQuantity ?? 0;
    if (q <= 0) continue;
    itemsCents += l.unitPriceCents * q;
    if (SHIPPING_REFUNDED_FOR.includes(l.reason)) shippingDue = true;
  }
  const shippingCents = shippingDue ? Math.max(0, p.orderShippingCents - p.shippingRefundedCents) : 0;
  return { itemsCents, shippingCents, totalCents: itemsCents + shippingCents };
}

/** What was given back or is on its way back (pending and succeeded count). */
export function refundedCents(refunds: readonly { amountCents: number; status: RefundState }[]): number {
  return refunds.reduce((n, r) => (r.status === 'failed' ? n : n + r.amountCents), 0);
}

/** Captured minus refunded, never below zero. */
export function remainingRefundable(capturedCents: number, refunds: readonly { amountCents: number; status: RefundState }[]): number {
  return Math.max(0, capturedCents - refundedCents(refunds));
}

/**
 * Checks an amount staff chose: a positive number of cents, at most the proposal (when there is one:
 * a return's refund can only be lowered) and at most what remains. Returns the refusal, or null.
 */
export function amountProblem(p: { amountCents: number; proposedCents: number | null; remainingCents: number; currency: string }): string | null {
  const f = (cents: number) => formatMoney({ amount: cents, currency: p.currency });
  if (!Number.isInteger(p.amountCents) || p.amountCents <= 0) return 'Enter an amount above zero.';
  if (p.remainingCents <= 0) return 'Everything paid for this order has already been refunded.';
  if (p.proposedCents !== null && p.amountCents > p.proposedCents) return `This return can be refunded at most ${f(p.proposedCents)}.`;
  if (p.amountCents > p.remainingCents) return `Only ${f(p.remainingCents)} of this order can still be refunded.`;
  return null;
}

/** The order's status once these refunds count: null while nothing has been given back. */
export function refundedOrderStatus(capturedCents: number, succeededCents: number): 'partially_refunded' | 'refunded' | null {
  if (succeededCents <= 0) return null;
  return succeededCents >= capturedCents ? 'refunded' : 'partially_refunded';
}
