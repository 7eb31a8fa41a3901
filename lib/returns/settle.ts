import type { Prisma } from '../db';
import { event } from '../checkout/transitions';
import { formatMajorUnits } from '../money';
import type { ProviderRefundOutcome } from '../payments/refunds';
import { lockOrder, moveReturn } from './move';
import { refundedOrderStatus } from './refundable';
import { ReturnError } from './states';

type Tx = Prisma.TransactionClient;

/**
 * What follows once money has gone back: the order's status (partially_refunded, then refunded,
 * from the succeeded refunds against what was captured) and, for a return's refund, the return
 * (received → refunded). Called in the transaction that marks a refund succeeded, with the order
 * row locked, whether that news came from our own call or from the provider's webhook.
 * A refund that fails after it had succeeded (Stripe: the card was closed) takes the status back
 * down the same way: to partially_refunded, or to shipped / paid when nothing went back after all.
 */
const REFUNDABLE_FROM = ['paid', 'shipped', 'partially_refunded', 'refunded'] as const;

export async function applyRefundsToOrder(tx: Tx, orderId: string, now: Date, note: string): Promise<void> {
  const o = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      shippedAt: true,
      payments: { select: { amountCents: true } },
      refunds: { where: { status: 'succeeded' }, select: { amountCents: true } },
    },
  });
  if (!(REFUNDABLE_FROM as readonly string[]).includes(o.status)) return;
  const captured = o.payments.reduce((n, p) => n + p.amountCents, 0);
  const target =
    refundedOrderStatus(
      captured,
      o.refunds.reduce((n, r) => n + r.amountCents, 0),
    ) ?? (o.shippedAt ? 'shipped' : 'paid');
  if (o.status === target) return;
  const moved = await tx.order.updateMany({ where: { id: orderId, status: o.status }, data: { status: target, updatedAt: now } });
  if (moved.count) await event(tx, orderId, o.status, target, note);
}

/** A refund is now known to have succeeded: the order and the return follow. Returns the return that became refunded, if any. */
export async function afterRefundSucceeded(
  tx: Tx,
  refund: { id: string; orderId: string; returnId: string | null; amountCents: number; currency: string },
  now: Date,
): Promise<string | null> {
  await applyRefundsToOrder(tx, refund.orderId, now, `Refund ${refund.id} of ${formatMajorUnits(refund.amountCents)} ${refund.currency} succeeded`);
  if (!refund.returnId) return null;
  try {
    await moveReturn(tx, refund.returnId, 'refund', { now, actorId: null, note: `Refund ${refund.id} succeeded`, data: { refundedAt: now } });
    return refund.returnId;
  } catch (err) {
    // Already refunded (a webhook and our own call both report it) or closed meanwhile: nothing to move.
    if (err instanceof ReturnError) return null;
    throw err;
  }
}

/**
 * Records what the provider answered for a refund we sent. Conditional on the row still being
 * pending: if the provider's webhook got here first, it already decided and this changes nothing.
 */
export async function settleRefund(
  tx: Tx,
  refundId: string,
  outcome: ProviderRefundOutcome,
  now: Date,
): Promise<{ status: 'pending' | 'succeeded' | 'failed'; returnRefunded: string | null }> {
  const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId } });
  await lockOrder(tx, refund.orderId);
  let returnRefunded: string | null = null;
  if (outcome.ok) {
    const moved = await tx.refund.updateMany({
      where: { id: refundId, status: 'pending' },
      data: { status: outcome.status, externalId: outcome.externalId, updatedAt: now },
    });
    if (moved.count && outcome.status === 'succeeded') returnRefunded = await afterRefundSucceeded(tx, refund, now);
  } else {
    await tx.refund.updateMany({
      where: { id: refundId, status: 'pending' },
      data: {
        status: 'failed',
        failureMessage: outcome.message,
        uncertain: outcome.uncertain,
        ...(outcome.externalId ? { externalId: outcome.externalId } : {}),
        updatedAt: now,
      },
    });
  }
  const after = await tx.refund.findUniqueOrThrow({ where: { id: refundId }, select: { status: true } });
  return { status: after.status, returnRefunded };
}
