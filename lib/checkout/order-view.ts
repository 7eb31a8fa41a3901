import type { Prisma } from '../db';
import { money } from '../money';
import { formatOrderNumber } from './order-number';
import type { OrderView } from './types';

export const orderInclude = {
  lines: { orderBy: { id: 'asc' } },
  events: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.OrderInclude;

export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

/** The order as shoppers, e-mails and staff see it, from its own snapshot. */
export function toOrderView(o: OrderRow): OrderView {
  const m = (cents: number) => money(cents, o.currency);
  return {
    id: o.id,
    number: formatOrderNumber(o.number),
    status: o.status,
    email: o.email,
    address: {
      name: o.shippingName,
      line1: o.shippingLine1,
      line2: o.shippingLine2,
      city: o.shippingCity,
      region: o.shippingRegion,
      postalCode: o.shippingPostal,
      country: o.shippingCountry,
    },
    shippingMethod: o.shippingMethod,
    lines: o.lines.map((l) => ({
      productSlug: l.productSlug,
      title: l.title,
      size: l.size,
      colour: l.colour,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: m(l.unitPriceCents),
      lineTotal: m(l.lineTotalCents),
      isWool: l.isWool,
    })),
    subtotal: m(o.subtotalCents),
    shipping: m(o.shippingCents),
    total: m(o.totalCents),
    provider: o.provider,
    flaggedReason: o.flaggedReason,
    placedAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    expiresAt: o.expiresAt.toISOString(),
    shipment:
      o.shippedAt && o.shippingCarrier && o.trackingNumber
        ? { carrier: o.shippingCarrier, trackingNumber: o.trackingNumber, shippedAt: o.shippedAt.toISOString() }
        : null,
    history: o.events.map((e) => ({ from: e.from, to: e.to, note: e.note, at: e.createdAt.toISOString() })),
  };
}
