import 'server-only';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import { cancelUnpaidOrder, type CancelOutcome } from './cancel';
import { sendShippedEmail, shipOrder, type ShipmentInput, type ShipOutcome } from './ship';

/**
 * What staff do to an order from /admin/orders, each checked against the actor's role and audited
 * in the same transaction as the change. The pages and server actions call only these.
 */
export async function shipOrderAsStaff(db: Db, actor: StaffActor | null, input: ShipmentInput, now = new Date()): Promise<ShipOutcome> {
  authorize(actor, 'manageOrders');
  const outcome = await db.$transaction(async (tx) => {
    const r = await shipOrder(tx, input, now);
    if (r.kind === 'shipped') {
      await recordAudit(tx, actor, {
        action: 'order.ship',
        entityType: 'order',
        entityId: input.orderId,
        before: { status: r.from },
        after: { status: r.from === 'paid' ? 'shipped' : r.from, carrier: input.carrier, trackingNumber: input.trackingNumber },
      });
    }
    return r;
  });
  // Stryker disable next-line ConditionalExpression: equivalent (stryker-equivalent.md): sendShippedEmail sends only for a shipped order, once per order; this only saves a read.
  if (outcome.kind === 'shipped') await sendShippedEmail(db, input.orderId, now);
  return outcome;
}

export async function cancelOrderAsStaff(db: Db, actor: StaffActor | null, orderId: string, now = new Date()): Promise<CancelOutcome> {
  authorize(actor, 'manageOrders');
  return db.$transaction(async (tx) => {
    const r = await cancelUnpaidOrder(tx, orderId, `${actor.name} (${actor.email})`, now);
    if (r.kind === 'cancelled') {
      await recordAudit(tx, actor, {
        action: 'order.cancel',
        entityType: 'order',
        entityId: orderId,
        before: { status: 'pending' },
        after: { status: 'cancelled' },
      });
    }
    return r;
  });
}
