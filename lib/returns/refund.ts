import 'server-only';
import type { Db, Prisma } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import { formatMoney } from '../money-format';
import { sendProviderRefund, type RefundClients } from '../payments/refunds';
import { sendReturnEmail } from './emails';
import type { GoodwillRefundInput, ReturnRefundInput } from './input';
import { lockOrder } from './move';
import { amountProblem, proposeReturnRefund, remainingRefundable } from './refundable';
import { RETURNABLE_ORDER_STATUSES } from './returnability';
import { settleRefund } from './settle';
import { refusal, ReturnError } from './states';

type Tx = Prisma.TransactionClient;

/**
 * Refunds, by staff, to the original payment:
 * - for a received return: the proposed amount (refundable.ts) or less;
 * - goodwill: any amount on a paid order, with a note;
 * - retry: a failed refund sent again under the same idempotency key (its row id).
 * Each is recorded first as pending, in a transaction that locks the order row and checks that it
 * fits in what was captured minus what was already refunded: two staff at once get one refund and
 * a sentence. The provider is called after that commits; its answer is recorded in a second
 * transaction (failed: with the provider's message, nothing marked refunded).
 */
export type RefundOutcome =
  { kind: 'succeeded' | 'pending'; refundId: string; amountCents: number } | { kind: 'failed'; refundId: string; amountCents: number; message: string };

async function orderMoney(tx: Tx, orderId: string, exceptRefundId: string | null = null) {
  const o = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      currency: true,
      shippingCents: true,
      provider: true,
      payments: { orderBy: { createdAt: 'asc' }, select: { provider: true, externalId: true, amountCents: true } },
      refunds: { where: exceptRefundId ? { id: { not: exceptRefundId } } : {}, select: { amountCents: true, shippingCents: true, status: true } },
    },
  });
  const payment = o.payments[0];
  if (!payment) throw new ReturnError('no-payment', 'No payment is recorded for this order, so there is nothing to refund.');
  const captured = o.payments.reduce((n, p) => n + p.amountCents, 0);
  return { ...o, payment, remaining: remainingRefundable(captured, o.refunds) };
}

/** A refund whose outcome is unknown (lib/payments/refunds.ts isUncertain) may have been paid: only its retry may follow. */
async function refuseWhileUncertain(tx: Tx, orderId: string): Promise<void> {
  if (await tx.refund.count({ where: { orderId, status: 'failed', uncertain: true } })) {
    throw new ReturnError(
      'refund-in-progress',
      'An earlier refund on this order got no clear answer from the payment provider and may have been made: use “Retry refund” on it first (a retry can never pay twice).',
    );
  }
}

function refuseAmount(p: Parameters<typeof amountProblem>[0]): void {
  const problem = amountProblem(p);
  if (problem) throw new ReturnError('amount-too-high', problem);
}

async function send(
  db: Db,
  clients: RefundClients,
  refund: { id: string; provider: 'stripe' | 'paypal' | 'test'; paymentRef: string; amountCents: number; currency: string },
  now: Date,
): Promise<RefundOutcome> {
  const outcome = await sendProviderRefund(clients, {
    refundId: refund.id,
    provider: refund.provider,
    paymentRef: refund.paymentRef,
    amountCents: refund.amountCents,
    currency: refund.currency,
  });
  const settled = await db.$transaction((tx) => settleRefund(tx, refund.id, outcome, now));
  if (settled.returnRefunded) await sendReturnEmail(db, settled.returnRefunded, 'refunded', now);
  if (settled.status === 'failed') {
    const row = await db.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { failureMessage: true } });
    return { kind: 'failed', refundId: refund.id, amountCents: refund.amountCents, message: row.failureMessage ?? 'The refund failed.' };
  }
  return { kind: settled.status, refundId: refund.id, amountCents: refund.amountCents };
}

export async function refundReturn(
  db: Db,
  actor: StaffActor | null,
  input: ReturnRefundInput,
  clients: RefundClients,
  now = new Date(),
): Promise<RefundOutcome> {
  authorize(actor, 'manageOrders');
  const refund = await db.$transaction(async (tx) => {
    const found = await tx.return.findUnique({ where: { id: input.returnId }, select: { orderId: true } });
    if (!found) throw new ReturnError('not-found', 'That return does not exist.');
    await lockOrder(tx, found.orderId);
    // Read after the lock: whatever another staff member did before us is visible now.
    const ret = await tx.return.findUniqueOrThrow({
      where: { id: input.returnId },
      select: {
        status: true,
        refunds: { where: { status: { in: ['pending', 'succeeded'] } }, select: { status: true } },
        lines: { select: { receivedQuantity: true, reason: true, orderLine: { select: { unitPriceCents: true } } } },
      },
    });
    if (ret.refunds.some((r) => r.status === 'succeeded')) throw new ReturnError('not-allowed', 'This return was already refunded.');
    if (ret.refunds.length) throw new ReturnError('refund-in-progress', 'A refund for this return is already on its way.');
    if (ret.status !== 'received') throw new ReturnError('not-allowed', refusal('refund', ret.status));
    await refuseWhileUncertain(tx, found.orderId);
    const o = await orderMoney(tx, found.orderId);
    const proposal = proposeReturnRefund({
      lines: ret.lines.map((l) => ({ unitPriceCents: l.orderLine.unitPriceCents, receivedQuantity: l.receivedQuantity, reason: l.reason })),
      orderShippingCents: o.shippingCents,
      shippingRefundedCents: o.refunds.filter((r) => r.status !== 'failed').reduce((n, r) => n + r.shippingCents, 0),
    });
    if (proposal.totalCents === 0)
      throw new ReturnError('nothing-to-refund', 'Nothing of this return arrived, so there is nothing to refund: close it instead.');
    const amountCents = input.amount ?? Math.min(proposal.totalCents, o.remaining);
    refuseAmount({ amountCents, proposedCents: proposal.totalCents, remainingCents: o.remaining, currency: o.currency });
    const row = await tx.refund.create({
      data: {
        orderId: found.orderId,
        returnId: input.returnId,
        kind: 'return',
        provider: o.payment.provider,
        paymentRef: o.payment.externalId,
        amountCents,
        shippingCents: Math.min(proposal.shippingCents, amountCents),
        currency: o.currency,
        note: input.note || null,
        actorId: actor.id,
        createdAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: 'refund.create',
      entityType: 'refund',
      entityId: row.id,
      before: null,
      after: {
        returnId: input.returnId,
        amount: formatMoney({ amount: amountCents, currency: o.currency }),
        proposed: formatMoney({ amount: proposal.totalCents, currency: o.currency }),
      },
    });
    return row;
  });
  return send(db, clients, refund, now);
}

export async function refundGoodwill(
  db: Db,
  actor: StaffActor | null,
  input: GoodwillRefundInput,
  clients: RefundClients,
  now = new Date(),
): Promise<RefundOutcome> {
  authorize(actor, 'manageOrders');
  const refund = await db.$transaction(async (tx) => {
    if (!(await lockOrder(tx, input.orderId))) throw new ReturnError('not-found', 'That order does not exist.');
    const o = await orderMoney(tx, input.orderId);
    if (!(RETURNABLE_ORDER_STATUSES as readonly string[]).includes(o.status)) {
      throw new ReturnError(
        'order-not-returnable',
        o.status === 'refunded' ? 'This order was already refunded in full.' : 'Only a paid order can be refunded.',
      );
    }
    if (input.requestKey && (await tx.refund.count({ where: { requestKey: input.requestKey } }))) {
      throw new ReturnError('not-allowed', 'This refund was already recorded: see the refunds on this page (retry it there if it failed).');
    }
    await refuseWhileUncertain(tx, input.orderId);
    refuseAmount({ amountCents: input.amount, proposedCents: null, remainingCents: o.remaining, currency: o.currency });
    const row = await tx.refund.create({
      data: {
        orderId: input.orderId,
        requestKey: input.requestKey ?? null,
        kind: 'goodwill',
        provider: o.payment.provider,
        paymentRef: o.payment.externalId,
        amountCents: input.amount,
        currency: o.currency,
        note: input.note,
        actorId: actor.id,
        createdAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: 'refund.goodwill',
      entityType: 'refund',
      entityId: row.id,
      before: null,
      after: { orderId: input.orderId, amount: formatMoney({ amount: input.amount, currency: o.currency }), note: input.note },
    });
    return row;
  });
  return send(db, clients, refund, now);
}

/** Sends a failed refund again, under the same idempotency key: if the first attempt did reach the provider, it answers with that refund. */
export async function retryRefund(
  db: Db,
  actor: StaffActor | null,
  input: { refundId: string },
  clients: RefundClients,
  now = new Date(),
): Promise<RefundOutcome> {
  authorize(actor, 'manageOrders');
  const refund = await db.$transaction(async (tx) => {
    const found = await tx.refund.findUnique({ where: { id: input.refundId }, select: { orderId: true } });
    if (!found) throw new ReturnError('not-found', 'That refund does not exist.');
    await lockOrder(tx, found.orderId);
    const row = await tx.refund.findUniqueOrThrow({ where: { id: input.refundId }, include: { return: { select: { status: true } } } });
    if (row.kind === 'external')
      throw new ReturnError(
        'not-allowed',
        'This refund was made in the payment provider’s own dashboard: make it again there, or give a goodwill refund here.',
      );
    if (row.status === 'succeeded') throw new ReturnError('not-allowed', 'This refund was already made.');
    if (row.status === 'pending') throw new ReturnError('refund-in-progress', 'This refund is already on its way.');
    if (row.return && row.return.status !== 'received') throw new ReturnError('not-allowed', refusal('refund', row.return.status));
    if (row.returnId && (await tx.refund.count({ where: { returnId: row.returnId, status: { in: ['pending', 'succeeded'] }, id: { not: row.id } } }))) {
      throw new ReturnError('refund-in-progress', 'Another refund for this return was made since.');
    }
    const o = await orderMoney(tx, found.orderId, row.id);
    refuseAmount({ amountCents: row.amountCents, proposedCents: null, remainingCents: o.remaining, currency: row.currency });
    await tx.refund.update({ where: { id: row.id }, data: { status: 'pending', failureMessage: null, uncertain: false, updatedAt: now } });
    await recordAudit(tx, actor, {
      action: 'refund.retry',
      entityType: 'refund',
      entityId: row.id,
      before: { status: 'failed', failureMessage: row.failureMessage },
      after: { status: 'pending' },
    });
    return row;
  });
  return send(db, clients, refund, now);
}
