import 'server-only';
import type { Db } from '../db';
import { shopConfig } from '../config';
import { renderOrderConfirmation } from '../email/order-confirmation';
import { mailTransportFromEnv, sendEmail } from '../email/send';
import { orderInclude, toOrderView } from './order-view';
import { linkSecret, signOrderNumber } from './viewer';

/**
 * What follows a payment: the confirmation e-mail, with a signed link to the order that works for
 * 30 days. Keyed on the order, so a replayed webhook or a second call never sends it twice.
 */
const ORDER_LINK_SECONDS = 30 * 86_400;

/**
 * The e-mails' link: the order page (/orders/MN-100001, the page a lookup opens too) with a token
 * signing the number for 30 days. Links sent before it (/checkout/success?order=…&token=…) still work.
 */
export async function orderLink(db: Db, orderId: string, now = new Date()): Promise<string> {
  const c = shopConfig();
  const { number } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
  const token = signOrderNumber(await linkSecret(db, c.APP_SECRET), number, now, ORDER_LINK_SECONDS);
  const url = new URL(`/orders/MN-${number}`, c.SITE_URL);
  url.searchParams.set('token', token);
  return url.toString();
}

export async function afterPayment(db: Db, orderId: string, now = new Date()): Promise<void> {
  const c = shopConfig();
  const row = await db.order.findUnique({ where: { id: orderId }, include: orderInclude });
  if (!row || row.status !== 'paid') return;
  const order = toOrderView(row);
  try {
    const mail = await renderOrderConfirmation({
      order,
      shopName: c.SHOP_NAME,
      shopPhone: c.SHOP_PHONE,
      orderUrl: await orderLink(db, orderId, now),
      testPayment: order.provider === 'test',
    });
    await sendEmail(db, { to: order.email, ...mail, dedupeKey: `order-confirmation:${order.id}` }, mailTransportFromEnv() ?? undefined);
  } catch (err) {
    // The order is paid whatever happens to the e-mail; staff see the outbox.
    console.error(`order ${order.number}: the confirmation e-mail could not be prepared`, err);
  }
}
