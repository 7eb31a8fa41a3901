import 'server-only';
import { formatOrderNumber } from '../checkout/order-number';
import type { Db } from '../db';
import { money, type Money } from '../money';
import { numberFromPath } from '../orders/order-page';
import { provenOrderWhere, type OrderProof } from '../orders/order-proof';
import { RETURN_REASON_LABELS } from './input';
import { anythingLeft, NOTHING_LEFT, returnability } from './returnability';
import { formatReturnNumber, parseReturnNumber, type ReturnStatusName } from './states';

/**
 * What the buyer sees of returns, behind the order's proof (lib/orders/order-proof.ts): the form
 * to start one (/returns?order=MN-…) and a return's page with its timeline (/returns/R-…).
 * Without a proof both answer null, whether the order or return exists or not.
 */
export interface ReturnFormLine {
  id: string;
  title: string;
  colour: string;
  size: string;
  unitPrice: Money;
  bought: number;
  /** How many can still be asked for (0: none — see `why`). */
  left: number;
  why: string | null;
}

export type ReturnFormView =
  { kind: 'open'; orderId: string; orderNumber: string; until: string; lines: ReturnFormLine[] } | { kind: 'closed'; orderNumber: string; message: string };

const SELECT_ORDER = {
  id: true,
  number: true,
  status: true,
  paidAt: true,
  currency: true,
  lines: {
    orderBy: { id: 'asc' },
    select: {
      id: true,
      title: true,
      colour: true,
      size: true,
      unitPriceCents: true,
      quantity: true,
      finalSale: true,
      returnLines: { select: { quantity: true, receivedQuantity: true, return: { select: { status: true } } } },
    },
  },
} as const;

export async function findReturnForm(
  db: Db,
  r: OrderProof & { order: string },
  settings: { appSecret: string | undefined; windowDays: number },
  now = new Date(),
): Promise<ReturnFormView | null> {
  const number = numberFromPath(r.order);
  if (number === null) return null;
  const where = await provenOrderWhere(db, number, r, settings.appSecret, now);
  if (!where) return null;
  const o = await db.order.findFirst({ where, select: SELECT_ORDER });
  if (!o) return null;
  const orderNumber = formatOrderNumber(o.number);
  const ability = returnability(o, settings.windowDays, now);
  if (ability.kind === 'closed') return { kind: 'closed', orderNumber, message: ability.message };
  const lines = o.lines.map((l) => {
    const left = ability.left.get(l.id) ?? 0;
    return {
      id: l.id,
      title: l.title,
      colour: l.colour,
      size: l.size,
      unitPrice: money(l.unitPriceCents, o.currency),
      bought: l.quantity,
      left,
      why: l.finalSale ? 'Final sale: cannot be returned' : left === 0 ? 'Already returned or in a return' : null,
    };
  });
  if (!anythingLeft(ability.left)) return { kind: 'closed', orderNumber, message: NOTHING_LEFT };
  return { kind: 'open', orderId: o.id, orderNumber, until: ability.closesAt.toISOString(), lines };
}

export interface ReturnPageView {
  number: string;
  status: ReturnStatusName;
  orderNumber: string;
  requestedAt: string;
  /** What staff told the customer on approving or rejecting. */
  message: string | null;
  lines: { title: string; colour: string; size: string; quantity: number; reason: string; comment: string | null; received: number | null }[];
  photos: number;
  /** Every step taken, oldest first. */
  steps: { status: ReturnStatusName; at: string }[];
  refunds: { amount: Money; status: 'pending' | 'succeeded'; at: string }[];
}

export async function findReturnPage(
  db: Db,
  r: Omit<OrderProof, 'passToken'> & { segment: string; passTokenFor: (orderNumber: number) => string | null },
  appSecret: string | undefined,
  now = new Date(),
): Promise<ReturnPageView | null> {
  const n = /^R-\d{1,9}$/.test(r.segment) ? parseReturnNumber(r.segment) : null;
  if (n === null) return null;
  const ret = await db.return.findUnique({ where: { number: n }, select: { id: true, order: { select: { number: true } } } });
  if (!ret) return null;
  const where = await provenOrderWhere(db, ret.order.number, { ...r, passToken: r.passTokenFor(ret.order.number) }, appSecret, now);
  if (!where) return null;
  const row = await db.return.findFirst({
    where: { id: ret.id, order: where },
    include: {
      order: { select: { number: true } },
      lines: { orderBy: { id: 'asc' }, include: { orderLine: { select: { title: true, colour: true, size: true } } } },
      events: { orderBy: { createdAt: 'asc' }, select: { to: true, createdAt: true } },
      refunds: { where: { status: { in: ['pending', 'succeeded'] } }, orderBy: { createdAt: 'asc' } },
      _count: { select: { photos: true } },
    },
  });
  if (!row) return null;
  return {
    number: formatReturnNumber(row.number),
    status: row.status,
    orderNumber: formatOrderNumber(row.order.number),
    requestedAt: row.createdAt.toISOString(),
    message: row.customerMessage,
    lines: row.lines.map((l) => ({
      title: l.orderLine.title,
      colour: l.orderLine.colour,
      size: l.orderLine.size,
      quantity: l.quantity,
      reason: RETURN_REASON_LABELS[l.reason],
      comment: l.comment,
      received: l.receivedQuantity,
    })),
    photos: row._count.photos,
    steps: row.events.map((e) => ({ status: e.to, at: e.createdAt.toISOString() })),
    refunds: row.refunds.map((f) => ({
      amount: money(f.amountCents, f.currency),
      status: f.status === 'succeeded' ? 'succeeded' : 'pending',
      at: f.createdAt.toISOString(),
    })),
  };
}
