import { randomUUID } from 'node:crypto';
import type { Prisma } from '../db';
import { stripeRefundStatus } from '../payments/refunds';
import { lockOrder, moveReturn } from './move';
import { ReturnError } from './states';
import { afterRefundSucceeded, applyRefundsToOrder } from './settle';

type Tx = Prisma.TransactionClient;

/**
 * A refund Stripe tells us about (refund.created / refund.updated / charge.refunded): ours (found by
 * metadata.refundId or by its id) or one made in Stripe's dashboard (a new row, kind "external").
 * Idempotent and order-independent: the row is unique per provider refund id, and a status only
 * moves forward (pending → succeeded → failed), except that a failure we recorded ourselves without
 * hearing from Stripe (a timeout) gives way to what Stripe says. Runs with the order row locked.
 */
export interface StripeRefundFacts {
  id: string;
  amount: number;
  currency: string;
  payment_intent: string | { id: string } | null;
  status: string | null;
  metadata?: Record<string, string> | null;
}

const RANK = { pending: 0, succeeded: 1, failed: 2 } as const;

export async function reconcileStripeRefund(tx: Tx, r: StripeRefundFacts, now: Date): Promise<{ outcome: string; returnId: string | null }> {
  const intent = typeof r.payment_intent === 'string' ? r.payment_intent : r.payment_intent?.id;
  if (!intent) return { outcome: 'no-payment', returnId: null };
  const payment = await tx.payment.findFirst({ where: { provider: 'stripe', externalId: intent }, select: { orderId: true } });
  if (!payment) return { outcome: 'no-order', returnId: null };
  await lockOrder(tx, payment.orderId);
  const status = stripeRefundStatus(r.status);
  const ours = r.metadata?.refundId ? await tx.refund.findFirst({ where: { id: r.metadata.refundId, orderId: payment.orderId } }) : null;
  const row = ours ?? (await tx.refund.findFirst({ where: { provider: 'stripe', externalId: r.id } }));
  if (!row) {
    const { count } = await tx.refund.createMany({
      data: [
        {
          id: randomUUID(),
          orderId: payment.orderId,
          kind: 'external',
          provider: 'stripe',
          paymentRef: intent,
          amountCents: r.amount,
          currency: r.currency.toUpperCase(),
          status,
          externalId: r.id,
          note: "Refunded in Stripe's dashboard",
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (!count) return { outcome: 'duplicate', returnId: null };
    if (status === 'succeeded') await applyRefundsToOrder(tx, payment.orderId, now, `Refund ${r.id} made in Stripe's dashboard`);
    return { outcome: 'refund-recorded', returnId: null };
  }
  const ourFailure = row.status === 'failed' && row.externalId === null;
  if (row.status === status || (!ourFailure && RANK[status] <= RANK[row.status])) {
    if (!row.externalId) await tx.refund.update({ where: { id: row.id }, data: { externalId: r.id } });
    return { outcome: 'unchanged', returnId: null };
  }
  const moved = await tx.refund.updateMany({
    where: { id: row.id, status: row.status },
    data: { status, externalId: r.id, uncertain: false, failureMessage: status === 'failed' ? 'Stripe reports that the refund failed' : null, updatedAt: now },
  });
  if (!moved.count) return { outcome: 'unchanged', returnId: null };
  // Failed after it had succeeded: the money did not go back after all. The order says so, and a
  // return it was for goes back to received, so staff can refund it again (a new refund).
  if (status === 'failed' && row.status === 'succeeded') {
    const note = `Refund ${r.id} failed after it had succeeded`;
    await applyRefundsToOrder(tx, payment.orderId, now, note);
    if (row.returnId) {
      try {
        await moveReturn(tx, row.returnId, 'reopen', { now, actorId: null, note, data: { refundedAt: null } });
      } catch (err) {
        // Closed meanwhile: staff decided it is done; nothing to reopen.
        if (!(err instanceof ReturnError)) throw err;
      }
    }
  }
  if (status !== 'succeeded') return { outcome: `refund-${status}`, returnId: null };
  return { outcome: 'refund-succeeded', returnId: await afterRefundSucceeded(tx, row, now) };
}
