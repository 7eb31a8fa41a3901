import 'server-only';
import type { Db } from '../db';
import { formatReturnNumber, ReturnError } from './states';
import { sendReturnEmail } from './emails';
import type { ReturnRequestInput } from './input';
import { lockOrder } from './move';

/**
 * A customer asks to return lines of their order (the page has already checked they may see it:
 * the order look-up or the signed link). Refused, with a sentence, when the order is not paid,
 * the window (RETURN_WINDOW_DAYS from payment) has closed, a line is final sale or belongs to
 * another order, or a quantity is more than was bought minus what is already returned or asked
 * for in another open return. The order row is locked first, so two requests at once cannot
 * together ask for more than was bought.
 */
export interface RequestSettings {
  windowDays: number;
}

export const RETURNABLE_ORDER_STATUSES = ['paid', 'shipped', 'partially_refunded'] as const;

/** Units of each order line a return already holds: asked for while open, what arrived once received. */
export function heldQuantity(l: { quantity: number; receivedQuantity: number | null; return: { status: string } }): number {
  switch (l.return.status) {
    case 'requested':
    case 'approved':
      return l.quantity;
    case 'received':
    case 'refunded':
    case 'closed':
      return l.receivedQuantity ?? 0;
    default:
      return 0;
  }
}

export async function requestReturn(
  db: Db,
  input: ReturnRequestInput,
  settings: RequestSettings,
  now = new Date(),
): Promise<{ returnId: string; number: string }> {
  const created = await db.$transaction(async (tx) => {
    if (!(await lockOrder(tx, input.orderId))) throw new ReturnError('not-found', 'That order does not exist.');
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: {
        status: true,
        paidAt: true,
        lines: {
          select: {
            id: true,
            title: true,
            quantity: true,
            finalSale: true,
            returnLines: { select: { quantity: true, receivedQuantity: true, return: { select: { status: true } } } },
          },
        },
      },
    });
    if (!(RETURNABLE_ORDER_STATUSES as readonly string[]).includes(order.status) || !order.paidAt) {
      throw new ReturnError('order-not-returnable', order.status === 'refunded' ? 'This order was refunded in full.' : 'Only a paid order can be returned.');
    }
    const closes = new Date(order.paidAt.getTime() + settings.windowDays * 86_400_000);
    if (now > closes) {
      throw new ReturnError(
        'window-closed',
        `Returns are accepted for ${settings.windowDays} days after payment; the window for this order closed on ${closes.toISOString().slice(0, 10)}.`,
      );
    }
    const byId = new Map(order.lines.map((l) => [l.id, l]));
    for (const asked of input.lines) {
      const line = byId.get(asked.orderLineId);
      if (!line) throw new ReturnError('bad-lines', 'One of those items is not part of this order.');
      if (line.finalSale) throw new ReturnError('final-sale', `${line.title} was sold as final sale and cannot be returned.`);
      const left = line.quantity - line.returnLines.reduce((n, rl) => n + heldQuantity(rl), 0);
      if (asked.quantity > left) {
        throw new ReturnError(
          'too-many',
          left <= 0 ? `${line.title}: every item bought is already returned or in a return.` : `${line.title}: you can return at most ${left} more.`,
        );
      }
    }
    return tx.return.create({
      data: {
        orderId: input.orderId,
        createdAt: now,
        lines: { create: input.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, reason: l.reason, comment: l.comment ?? null })) },
        events: { create: { from: null, to: 'requested', note: 'Requested by the customer', createdAt: now } },
      },
      select: { id: true, number: true },
    });
  });
  await sendReturnEmail(db, created.id, 'requested', now);
  return { returnId: created.id, number: formatReturnNumber(created.number) };
}
