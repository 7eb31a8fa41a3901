/**
 * What of an order its buyer may still send back: the one rule the return form shows and
 * requestReturn enforces (with the order row locked). Pure.
 * - Only a paid order (paid, shipped or partly refunded) with a payment date.
 * - Within the window: `windowDays` from payment (0 turns returns off).
 * - Per line: bought − held by returns (asked for while open; what arrived once received;
 *   nothing once rejected or closed before arrival). Final-sale lines: none.
 */
export const RETURNABLE_ORDER_STATUSES = ['paid', 'shipped', 'partially_refunded'] as const;

export interface ReturnabilityLine {
  id: string;
  title: string;
  quantity: number;
  finalSale: boolean;
  returnLines: readonly { quantity: number; receivedQuantity: number | null; return: { status: string } }[];
}

export interface ReturnabilityOrder {
  status: string;
  paidAt: Date | null;
  lines: readonly ReturnabilityLine[];
}

export type Returnability =
  { kind: 'open'; closesAt: Date; left: Map<string, number> } | { kind: 'closed'; code: 'order-not-returnable' | 'window-closed'; message: string };

/** Units of an order line a return holds: asked for while open, what arrived once received. */
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

export const NOTHING_LEFT = 'Every item of this order is returned, in a return, or final sale.';

/** Whether anything at all can still be asked for. */
export function anythingLeft(left: ReadonlyMap<string, number>): boolean {
  return [...left.values()].some((n) => n > 0);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function returnability(order: ReturnabilityOrder, windowDays: number, now: Date): Returnability {
  if (!(RETURNABLE_ORDER_STATUSES as readonly string[]).includes(order.status) || !order.paidAt) {
    return {
      kind: 'closed',
      code: 'order-not-returnable',
      message: order.status === 'refunded' ? 'This order was refunded in full.' : 'Only a paid order can be returned.',
    };
  }
  const closesAt = new Date(order.paidAt.getTime() + windowDays * 86_400_000);
  if (now > closesAt) {
    return {
      kind: 'closed',
      code: 'window-closed',
      message:
        windowDays === 0
          ? 'This shop does not take returns on the website; call us and we will help.'
          : `Returns are accepted for ${windowDays} days after payment; the window for this order closed on ${isoDay(closesAt)}.`,
    };
  }
  const left = new Map<string, number>();
  for (const line of order.lines) {
    left.set(line.id, line.finalSale ? 0 : Math.max(0, line.quantity - line.returnLines.reduce((n, rl) => n + heldQuantity(rl), 0)));
  }
  return { kind: 'open', closesAt, left };
}
