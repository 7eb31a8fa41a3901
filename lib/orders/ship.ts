import 'server-only';
import { z } from 'zod';
import { shopConfig } from '../config';
import type { Db, Prisma } from '../db';
import { orderLink } from '../checkout/confirmation';
import { orderInclude, toOrderView } from '../checkout/order-view';
import { event } from '../checkout/transitions';
import { renderOrderShipped } from '../email/order-shipped';
import { mailTransportFromEnv, sendEmail } from '../email/send';

/**
 * paid → shipped, by staff, with the carrier and tracking number; then the customer is e-mailed
 * once. A conditional UPDATE decides: of two staff pressing "Mark as shipped" at once, one ships
 * and the other is told it already was. A flagged order (a payment that did not match) is not
 * shipped until staff have sorted out the money.
 * An order partly refunded before it left (a goodwill refund, say) still ships: its status keeps
 * saying money went back, and the shipment is recorded beside it (shippedAt, carrier, tracking).
 */
export const shipmentSchema = z.strictObject({
  orderId: z.string({ error: 'That order does not exist' }).regex(/^c[a-z0-9]{20,32}$/, 'That order does not exist'),
  carrier: z
    .string({ error: 'Enter the carrier, e.g. DHL or USPS' })
    .trim()
    .min(1, 'Enter the carrier, e.g. DHL or USPS')
    .max(60, 'Keep the carrier under 60 characters'),
  trackingNumber: z
    .string({ error: 'Enter the tracking number the carrier gave you' })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,38}[A-Za-z0-9]$/, 'Enter the tracking number the carrier gave you: 4 to 40 letters, digits, spaces or hyphens'),
});
export type ShipmentInput = z.infer<typeof shipmentSchema>;

export type ShipOutcome = { kind: 'shipped'; from: 'paid' | 'partially_refunded' } | { kind: 'refused'; message: string };

const REFUSAL: Record<string, string> = {
  pending: 'This order is not paid yet, so it cannot be shipped.',
  shipped: 'This order was already marked as shipped.',
  cancelled: 'This order was cancelled, so it cannot be shipped.',
  expired: 'This order expired unpaid, so it cannot be shipped.',
  partially_refunded: 'This order was already marked as shipped.',
  refunded: 'This order was refunded in full, so it cannot be shipped.',
};

export async function shipOrder(tx: Prisma.TransactionClient, input: ShipmentInput, now: Date): Promise<ShipOutcome> {
  const shipment = { shippedAt: now, shippingCarrier: input.carrier, trackingNumber: input.trackingNumber, updatedAt: now };
  const note = `Shipped with ${input.carrier}, tracking number ${input.trackingNumber}`;
  const moved = await tx.order.updateMany({ where: { id: input.orderId, status: 'paid', flaggedReason: null }, data: { ...shipment, status: 'shipped' } });
  if (moved.count) {
    await event(tx, input.orderId, 'paid', 'shipped', note);
    return { kind: 'shipped', from: 'paid' };
  }
  const partly = await tx.order.updateMany({
    where: { id: input.orderId, status: 'partially_refunded', shippedAt: null, flaggedReason: null },
    data: shipment,
  });
  if (partly.count) {
    await event(tx, input.orderId, 'partially_refunded', 'partially_refunded', note);
    return { kind: 'shipped', from: 'partially_refunded' };
  }
  const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true, flaggedReason: true } });
  if (!order) return { kind: 'refused', message: 'That order does not exist.' };
  if (order.status === 'paid' || (order.status === 'partially_refunded' && order.flaggedReason))
    return { kind: 'refused', message: `This order is flagged and cannot ship until it is resolved: ${order.flaggedReason}` };
  return { kind: 'refused', message: REFUSAL[order.status]! };
}

/** The "on its way" e-mail, once per order (the outbox's dedupe key), after the shipment is committed. */
export async function sendShippedEmail(db: Db, orderId: string, now = new Date()): Promise<void> {
  const row = await db.order.findUnique({ where: { id: orderId }, include: orderInclude });
  if (!row) return;
  const order = toOrderView(row);
  // Only an order staff marked as shipped has a shipment (carrier, tracking number, date).
  if (!order.shipment) return;
  const c = shopConfig();
  const mail = await renderOrderShipped({
    order,
    carrier: order.shipment.carrier,
    trackingNumber: order.shipment.trackingNumber,
    shopName: c.SHOP_NAME,
    shopPhone: c.SHOP_PHONE,
    orderUrl: await orderLink(db, orderId, now),
  });
  await sendEmail(db, { to: order.email, ...mail, dedupeKey: `order-shipped:${order.id}` }, mailTransportFromEnv() ?? undefined);
}
