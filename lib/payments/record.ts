import { randomUUID } from 'node:crypto';
import type { Prisma } from '../db';
import { formatMoney, money } from '../money';
import { flagOrder, markPaid } from '../checkout/transitions';
import type { PaymentProviderName } from '../checkout/types';

/**
 * Money received for an order, from any provider. The payment row is unique per provider and
 * external id, so the same capture reported twice (a replayed webhook, a retried capture) is
 * recorded once. The order becomes paid only when amount and currency equal its total;
 * otherwise it is flagged for staff and stays unpaid.
 */
export type RecordOutcome = 'paid' | 'duplicate' | 'mismatch' | 'no-order';

export async function recordPayment(
  tx: Prisma.TransactionClient,
  p: { orderId: string; provider: PaymentProviderName; externalId: string; amountCents: number; currency: string; now: Date },
): Promise<RecordOutcome> {
  const order = await tx.order.findUnique({ where: { id: p.orderId }, select: { id: true, totalCents: true, currency: true } });
  if (!order) return 'no-order';
  // A currency that is not a code (none given, or junk) is stored as ISO 4217's "no currency", XXX, so it fits
  // the column; it is a mismatch whatever the order's currency, and the raw value is quoted in the flag for staff.
  const isCode = /^[A-Za-z]{3}$/.test(p.currency);
  const currency = isCode ? p.currency.toUpperCase() : 'XXX';
  const inserted = await tx.$executeRaw`INSERT INTO "Payment" (id, "orderId", provider, "externalId", "amountCents", currency, "createdAt")
    VALUES (${randomUUID()}, ${order.id}, ${p.provider}::"PaymentProvider", ${p.externalId}, ${p.amountCents}, ${currency}, ${p.now})
    ON CONFLICT (provider, "externalId") DO NOTHING`;
  if (inserted === 0) return 'duplicate';
  if (!isCode || p.amountCents !== order.totalCents || currency !== order.currency) {
    const got = !isCode
      ? `${p.amountCents} minor units in no known currency (${JSON.stringify(p.currency.slice(0, 20))})`
      : `${formatMoney(money(p.amountCents, currency))} ${currency}`;
    await flagOrder(tx, order.id, `${p.provider} reported ${got}; the order's total is ${formatMoney(money(order.totalCents, order.currency))}`);
    return 'mismatch';
  }
  if ((await markPaid(tx, order.id, p.now, `Payment ${p.externalId} received through ${p.provider}`)) === 'unchanged') {
    // Already paid by another payment: keep this one on record and ask staff to refund it.
    await flagOrder(tx, order.id, `A second payment (${p.externalId}, ${p.provider}) arrived for an order already paid: refund it`);
    return 'mismatch';
  }
  return 'paid';
}

/**
 * Records a provider's event id before its effect, in the same transaction: a replay, or a second
 * delivery racing the first, finds the row and changes nothing.
 */
export async function firstDelivery(tx: Prisma.TransactionClient, provider: PaymentProviderName, eventId: string, type: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO "WebhookEvent" (id, provider, "eventId", type, "receivedAt")
    VALUES (${randomUUID()}, ${provider}::"PaymentProvider", ${eventId}, ${type}, ${new Date()})
    ON CONFLICT (provider, "eventId") DO NOTHING`;
  return inserted > 0;
}
