import 'server-only';
import { isWellFormedToken } from '../cart/token';
import type { Db, Prisma } from '../db';
import { orderInclude, toOrderView } from './order-view';
import type { OrderView } from './types';
import { linkSecret, verifyOrderLink, viewerHash } from './viewer';

/**
 * The one way to find an order for someone who asks to see it: the browser that placed it (its
 * cart cookie, by order id or by the Stripe session it returned from) or the holder of the
 * e-mail's signed link. Anything else, a guessed order number included, finds nothing.
 */
export interface OrderRequest {
  orderId: string | null;
  stripeSessionId: string | null;
  linkToken: string | null;
  cartToken: string | null;
}

export async function findOrderFor(db: Db, r: OrderRequest, appSecret: string | undefined, now = new Date()): Promise<OrderView | null> {
  let where: Prisma.OrderWhereInput | null = null;
  const viewer = isWellFormedToken(r.cartToken) ? viewerHash(r.cartToken) : null;
  if (r.stripeSessionId) {
    if (viewer && /^cs_[A-Za-z0-9_]{1,200}$/.test(r.stripeSessionId)) where = { providerRef: r.stripeSessionId, viewerTokenHash: viewer };
  } else if (r.orderId && /^c[a-z0-9]{20,32}$/.test(r.orderId)) {
    if (r.linkToken && verifyOrderLink(await linkSecret(db, appSecret), r.orderId, r.linkToken, now)) where = { id: r.orderId };
    else if (viewer) where = { id: r.orderId, viewerTokenHash: viewer };
  }
  if (!where) return null;
  const row = await db.order.findFirst({ where, include: orderInclude });
  return row ? toOrderView(row) : null;
}
