import type { Prisma } from '../db';
import { reserveStock, releaseStock, OutOfStock } from './stock';
import type { OrderStatusName } from './types';

/**
 * The order's state machine, one function per transition. Each is a conditional UPDATE on the
 * status it starts from, so of two racing callers (a webhook and the expiry job, two deliveries of
 * one event) exactly one moves the order and the other finds nothing to do.
 *   pending → paid | cancelled | expired;  expired/cancelled → paid only if the stock can be had again.
 */
type Tx = Prisma.TransactionClient;
export type Transition = 'moved' | 'unchanged';

export async function event(tx: Tx, orderId: string, from: OrderStatusName | null, to: OrderStatusName, note: string | null) {
  await tx.orderEvent.create({ data: { orderId, from, to, note } });
}

/** Payment matched the order: paid, and the cart it came from is emptied. */
export async function markPaid(tx: Tx, orderId: string, now: Date, note: string): Promise<Transition> {
  const rows = await tx.$queryRaw<
    { cartId: string | null }[]
  >`WITH old AS (SELECT "cartId" FROM "Order" WHERE id = ${orderId} AND status = 'pending' FOR UPDATE)
    UPDATE "Order" o SET status = 'paid', "paidAt" = ${now}, "cartId" = NULL, "updatedAt" = ${now}
    FROM old WHERE o.id = ${orderId} AND o.status = 'pending' RETURNING old."cartId" AS "cartId"`;
  if (rows.length) {
    await event(tx, orderId, 'pending', 'paid', note);
    if (rows[0]!.cartId) await tx.cartLine.deleteMany({ where: { cartId: rows[0]!.cartId } });
    return 'moved';
  }
  // Paid after the hold ended: take the stock again if it is still there, else keep the money
  // on record and ask staff to refund.
  const ended = await tx.order.findUnique({
    where: { id: orderId },
    select: { status: true, lines: true },
  });
  if (!ended || (ended.status !== 'expired' && ended.status !== 'cancelled')) return 'unchanged';
  const moved = await tx.order.updateMany({ where: { id: orderId, status: ended.status }, data: { status: 'paid', paidAt: now } });
  if (!moved.count) return 'unchanged';
  try {
    await tx.$executeRaw`SAVEPOINT rereserve`;
    // Named as at placement (place.ts), so staff know which variant ran out.
    await reserveStock(
      tx,
      ended.lines.flatMap((l) => (l.variantId ? [{ variantId: l.variantId, quantity: l.quantity, title: `${l.title} (${l.colour}, ${l.size})` }] : [])),
    );
    // Stryker disable next-line StringLiteral: equivalent (stryker-equivalent.md): the transaction's commit releases the savepoint too.
    await tx.$executeRaw`RELEASE SAVEPOINT rereserve`;
    await event(tx, orderId, ended.status, 'paid', `${note}; paid after the hold ended, stock reserved again`);
    if (ended.status === 'cancelled') {
      // A cancelled order was usually replaced by a newer one from the same cart: both may now be paid.
      await tx.order.update({
        where: { id: orderId },
        data: { flaggedReason: 'Paid after it was cancelled or replaced: check for a duplicate order and refund one' },
      });
    }
  } catch (err) {
    if (!(err instanceof OutOfStock)) throw err;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT rereserve`;
    const gone = err.available > 0 ? `only ${err.available} of ${err.title} left` : `${err.title} is sold out`;
    const reason = `Paid after the hold ended and ${gone}: refund or restock`;
    await tx.order.update({ where: { id: orderId }, data: { flaggedReason: reason } });
    await event(tx, orderId, ended.status, 'paid', `${note}; ${reason}`);
  }
  return 'moved';
}

/** The shopper or the provider gave up (a Stripe session expired, a replaced attempt): stock comes back. */
export async function cancelOrder(tx: Tx, orderId: string, now: Date, note: string): Promise<Transition> {
  const moved = await tx.order.updateMany({ where: { id: orderId, status: 'pending' }, data: { status: 'cancelled', cartId: null, updatedAt: now } });
  if (!moved.count) return 'unchanged';
  await releaseStock(tx, [orderId]);
  await event(tx, orderId, 'pending', 'cancelled', note);
  return 'moved';
}

/** A payment that does not match the order (amount or currency): not paid, flagged for staff. */
export async function flagOrder(tx: Tx, orderId: string, reason: string): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { flaggedReason: reason } });
  const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  await event(tx, orderId, o.status, o.status, `Flagged: ${reason}`);
}

/** Unpaid orders past their hold: expired, stock back. Returns how many. */
export async function expireDueOrders(tx: Tx, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`UPDATE "Order" SET status = 'expired', "cartId" = NULL, "updatedAt" = ${now}
    WHERE status = 'pending' AND "expiresAt" <= ${now} RETURNING id`;
  // Stryker disable next-line ConditionalExpression: equivalent (stryker-equivalent.md): nothing due gives nothing to release or note; this saves two round trips on every add to cart.
  if (!due.length) return 0;
  const ids = due.map((d) => d.id);
  await releaseStock(tx, ids);
  await tx.orderEvent.createMany({
    data: ids.map((orderId) => ({ orderId, from: 'pending' as const, to: 'expired' as const, note: 'Not paid in time; stock released' })),
  });
  return ids.length;
}
