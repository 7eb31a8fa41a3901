import 'server-only';
import { shopConfig } from '../config';
import type { Db } from '../db';
import { orderLink } from '../checkout/confirmation';
import { formatOrderNumber } from '../checkout/order-number';
import { renderReturnUpdate, type ReturnStep } from '../email/return-update';
import { mailTransportFromEnv, sendEmail } from '../email/send';
import { formatMoney } from '../money-format';
import { formatReturnNumber } from './states';

/**
 * The customer's e-mail for one step of a return, sent after the step is committed, once per return
 * and step (outbox key "return-<step>:<return id>"): a retried request or a webhook delivered twice
 * stores one message.
 */
export async function sendReturnEmail(db: Db, returnId: string, step: ReturnStep, now = new Date()): Promise<void> {
  const r = await db.return.findUnique({
    where: { id: returnId },
    include: {
      order: { select: { id: true, number: true, email: true, currency: true } },
      lines: { include: { orderLine: { select: { title: true, colour: true, size: true } } }, orderBy: { id: 'asc' } },
      refunds: { where: { status: 'succeeded' }, select: { amountCents: true, currency: true } },
    },
  });
  if (!r) return;
  const refunded = r.refunds.reduce((n, x) => n + x.amountCents, 0);
  const c = shopConfig();
  const mail = await renderReturnUpdate({
    step,
    returnNumber: formatReturnNumber(r.number),
    orderNumber: formatOrderNumber(r.order.number),
    items: r.lines.map((l) => {
      const q = step === 'received' || step === 'refunded' ? (l.receivedQuantity ?? 0) : l.quantity;
      return `${q} × ${l.orderLine.title} (${l.orderLine.colour}, ${l.orderLine.size})`;
    }),
    message: step === 'approved' || step === 'rejected' ? r.customerMessage : null,
    refundAmount: step === 'refunded' ? formatMoney({ amount: refunded, currency: r.order.currency }) : null,
    shopName: c.SHOP_NAME,
    shopPhone: c.SHOP_PHONE,
    orderUrl: await orderLink(db, r.order.id, now),
  });
  await sendEmail(db, { to: r.order.email, ...mail, dedupeKey: `return-${step}:${r.id}` }, mailTransportFromEnv() ?? undefined);
}
