import 'server-only';
import type { Prisma } from '../db';
import { cancelOrder } from '../checkout/transitions';

/**
 * Staff cancel an unpaid order (the customer called, a test order): pending → cancelled and its
 * reserved stock comes back, by the same conditional transition the checkout uses. A paid order is
 * never cancelled here: its money must be refunded (returns and refunds), so staff are told so.
 */
export type CancelOutcome = { kind: 'cancelled' } | { kind: 'refused'; message: string };

const REFUSAL: Record<string, string> = {
  paid: 'This order is paid: refund it instead of cancelling it.',
  shipped: 'This order has shipped: start a return instead.',
  cancelled: 'This order was already cancelled.',
  expired: 'This order already expired unpaid; its stock was released.',
  partially_refunded: 'This order is paid and partly refunded: refund the rest instead of cancelling it.',
  refunded: 'This order was already refunded in full.',
};

export async function cancelUnpaidOrder(tx: Prisma.TransactionClient, orderId: string, staffName: string, now: Date): Promise<CancelOutcome> {
  if ((await cancelOrder(tx, orderId, now, `Cancelled by ${staffName}`)) === 'moved') return { kind: 'cancelled' };
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!order) return { kind: 'refused', message: 'That order does not exist.' };
  return { kind: 'refused', message: REFUSAL[order.status] ?? 'This order cannot be cancelled.' };
}
