import 'server-only';
import type { Db } from '../db';
import { formatOrderNumber } from '../checkout/order-number';
import { formatMajorUnits, money, type Money } from '../money';
import { RETURN_REASON_LABELS, type ReturnReasonName } from './input';
import { proposeReturnRefund, remainingRefundable, SHIPPING_REFUNDED_FOR, type RefundState } from './refundable';
import { RETURNABLE_ORDER_STATUSES } from './returnability';
import { canMove, formatReturnNumber, type ReturnStatusName } from './states';

/**
 * What the staff return page shows, read in one place: the return, its order and customer, each
 * line, the customer's photos (private: served by the staff-only photo route), the history, the
 * refunds, the proposed refund, and which moves the current state allows. The amounts are the same
 * computation refund.ts makes when it refunds (refundable.ts); the page only shows them.
 */
export const ID_PATTERN = /^c[a-z0-9]{20,32}$/;

export interface StaffRefundView {
  id: string;
  kind: 'return' | 'goodwill' | 'external';
  amount: Money;
  status: RefundState;
  note: string | null;
  failureMessage: string | null;
  by: string | null;
  createdAt: string;
  /** A failed refund that retryRefund would send again (the return still waits for its refund, nothing else on its way). */
  retryable: boolean;
}

export interface StaffReturnLineView {
  id: string;
  title: string;
  colour: string;
  size: string;
  sku: string;
  unitPrice: Money;
  quantity: number;
  reason: ReturnReasonName;
  reasonLabel: string;
  comment: string | null;
  receivedQuantity: number | null;
  restock: boolean | null;
  /** Damaged or not as described: not put back on sale by default, and the shipping goes back too. */
  shopsFault: boolean;
}

export interface StaffReturnView {
  id: string;
  number: string;
  status: ReturnStatusName;
  customerMessage: string | null;
  createdAt: string;
  order: { id: string; number: string; email: string; name: string; status: string };
  lines: StaffReturnLineView[];
  photos: { id: string; url: string; width: number; height: number }[];
  events: { from: ReturnStatusName | null; to: ReturnStatusName; at: string; by: string | null; note: string | null }[];
  refunds: StaffRefundView[];
  /** Only once received and not yet refunded (or on its way): what the refund form offers. */
  proposal: { items: Money; shipping: Money; total: Money; offered: Money; offeredInput: string; remaining: Money } | null;
  can: { approve: boolean; reject: boolean; receive: boolean; refund: boolean; close: boolean };
  /** A refund of this return is on its way: it cannot be closed or refunded again until the provider answers. */
  refundPending: boolean;
}

const refundSelect = {
  id: true,
  kind: true,
  amountCents: true,
  currency: true,
  status: true,
  note: true,
  failureMessage: true,
  createdAt: true,
  returnId: true,
  actor: { select: { name: true } },
} as const;

export async function staffReturnView(db: Db, id: string): Promise<StaffReturnView | null> {
  if (!ID_PATTERN.test(id)) return null;
  const r = await db.return.findUnique({
    where: { id },
    include: {
      order: {
        select: {
          id: true,
          number: true,
          email: true,
          shippingName: true,
          status: true,
          currency: true,
          shippingCents: true,
          payments: { select: { amountCents: true } },
          refunds: { select: { amountCents: true, shippingCents: true, status: true, uncertain: true } },
        },
      },
      lines: {
        orderBy: { id: 'asc' },
        include: { orderLine: { select: { title: true, colour: true, size: true, sku: true, unitPriceCents: true } } },
      },
      photos: { orderBy: { position: 'asc' }, select: { id: true, width: true, height: true } },
      events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { actor: { select: { name: true } } } },
      refunds: { orderBy: { createdAt: 'asc' }, select: refundSelect },
    },
  });
  if (!r) return null;
  const currency = r.order.currency;
  const m = (cents: number) => money(cents, currency);
  const live = r.refunds.filter((x) => x.status !== 'failed');
  const refundPending = r.refunds.some((x) => x.status === 'pending');
  const awaitingRefund = r.status === 'received' && live.length === 0;
  let proposal: StaffReturnView['proposal'] = null;
  if (awaitingRefund) {
    const p = proposeReturnRefund({
      lines: r.lines.map((l) => ({ unitPriceCents: l.orderLine.unitPriceCents, receivedQuantity: l.receivedQuantity, reason: l.reason })),
      orderShippingCents: r.order.shippingCents,
      shippingRefundedCents: r.order.refunds.filter((x) => x.status !== 'failed').reduce((n, x) => n + x.shippingCents, 0),
    });
    const remaining = remainingRefundable(
      r.order.payments.reduce((n, p) => n + p.amountCents, 0),
      r.order.refunds,
    );
    const offered = Math.min(p.totalCents, remaining);
    proposal = {
      items: m(p.itemsCents),
      shipping: m(p.shippingCents),
      total: m(p.totalCents),
      offered: m(offered),
      offeredInput: formatMajorUnits(offered),
      remaining: m(remaining),
    };
  }
  return {
    id: r.id,
    number: formatReturnNumber(r.number),
    status: r.status,
    customerMessage: r.customerMessage,
    createdAt: r.createdAt.toISOString(),
    order: { id: r.order.id, number: formatOrderNumber(r.order.number), email: r.order.email, name: r.order.shippingName, status: r.order.status },
    lines: r.lines.map((l) => ({
      id: l.id,
      title: l.orderLine.title,
      colour: l.orderLine.colour,
      size: l.orderLine.size,
      sku: l.orderLine.sku,
      unitPrice: m(l.orderLine.unitPriceCents),
      quantity: l.quantity,
      reason: l.reason,
      reasonLabel: RETURN_REASON_LABELS[l.reason],
      comment: l.comment,
      receivedQuantity: l.receivedQuantity,
      restock: l.restock,
      shopsFault: SHIPPING_REFUNDED_FOR.includes(l.reason),
    })),
    photos: r.photos.map((p) => ({ id: p.id, url: `/admin/returns/${r.id}/photos/${p.id}`, width: p.width, height: p.height })),
    events: r.events.map((e) => ({ from: e.from, to: e.to, at: e.createdAt.toISOString(), by: e.actor?.name ?? null, note: e.note })),
    refunds: r.refunds.map((x) => toRefundView(x, awaitingRefund)),
    proposal,
    can: {
      approve: canMove('approve', r.status),
      reject: canMove('reject', r.status),
      receive: canMove('receive', r.status),
      // Not while a refund on the order may have been made without our knowing (only its Retry may follow), nor for nothing.
      refund: awaitingRefund && proposal !== null && proposal.offered.amount > 0 && !r.order.refunds.some((x) => x.status === 'failed' && x.uncertain),
      close: canMove('close', r.status) && !refundPending,
    },
    refundPending,
  };
}

function toRefundView(
  x: {
    id: string;
    kind: 'return' | 'goodwill' | 'external';
    amountCents: number;
    currency: string;
    status: RefundState;
    note: string | null;
    failureMessage: string | null;
    createdAt: Date;
    actor: { name: string } | null;
  },
  retryable: boolean,
): StaffRefundView {
  return {
    id: x.id,
    kind: x.kind,
    amount: money(x.amountCents, x.currency),
    status: x.status,
    note: x.note,
    failureMessage: x.failureMessage,
    by: x.actor?.name ?? null,
    createdAt: x.createdAt.toISOString(),
    // A refund made in the provider's dashboard is never sent again from here: it was not ours to send.
    retryable: x.status === 'failed' && x.kind !== 'external' && retryable,
  };
}

export interface StaffOrderReturns {
  returns: { id: string; number: string; status: ReturnStatusName; items: number; createdAt: string }[];
  /** Goodwill refunds and refunds made in the provider's dashboard (a return's own refunds are on its page). */
  refunds: StaffRefundView[];
  /** A goodwill refund may be given: the order is paid (or shipped, or partly refunded) and something is left to refund. */
  goodwill: { remaining: Money } | null;
}

/** The order page's part about returns and refunds. */
export async function staffOrderReturns(db: Db, orderId: string): Promise<StaffOrderReturns> {
  const o = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      currency: true,
      payments: { select: { amountCents: true } },
      refunds: { orderBy: { createdAt: 'asc' }, select: refundSelect },
      returns: { orderBy: { createdAt: 'asc' }, select: { id: true, number: true, status: true, createdAt: true, lines: { select: { quantity: true } } } },
    },
  });
  const remaining = remainingRefundable(
    o.payments.reduce((n, p) => n + p.amountCents, 0),
    o.refunds,
  );
  const open = (RETURNABLE_ORDER_STATUSES as readonly string[]).includes(o.status) && o.payments.length > 0;
  return {
    returns: o.returns.map((r) => ({
      id: r.id,
      number: formatReturnNumber(r.number),
      status: r.status,
      items: r.lines.reduce((n, l) => n + l.quantity, 0),
      createdAt: r.createdAt.toISOString(),
    })),
    refunds: o.refunds.filter((x) => x.returnId === null).map((x) => toRefundView(x, true)),
    goodwill: open && remaining > 0 ? { remaining: money(remaining, o.currency) } : null,
  };
}

/** The stored key of a return's photo, only when the photo belongs to that return (the staff photo route serves it). */
export async function returnPhotoKey(db: Db, returnId: string, photoId: string): Promise<string | null> {
  if (!ID_PATTERN.test(returnId) || !ID_PATTERN.test(photoId)) return null;
  const photo = await db.returnPhoto.findFirst({ where: { id: photoId, returnId }, select: { key: true } });
  return photo?.key ?? null;
}
