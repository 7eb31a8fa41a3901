import type { Prisma } from '../db';
import { materialLabel } from '../catalog/materials';
import { money } from '../money';
import { defaultShippingMethod, freeExpressProgress, shippingOptions, type ShippingMethodName } from './shipping';
import type { CartLineView, CartSettings, CartView, LineProblem } from './types';

/**
 * The cart as the shopper sees it, computed from database rows and today's prices: pure, so the
 * totals, the flags on changed lines and the shipping choice are unit-testable without a database.
 */
export const lineInclude = {
  variant: {
    include: {
      product: {
        select: {
          slug: true,
          title: true,
          status: true,
          isWool: true,
          material: true,
          images: { orderBy: { position: 'asc' }, take: 1, select: { path: true, alt: true } },
        },
      },
    },
  },
} satisfies Prisma.CartLineInclude;

export type LineRow = Prisma.CartLineGetPayload<{ include: typeof lineInclude }>;
export type CartRow = { shippingMethod: ShippingMethodName | null; lines: LineRow[] };

export function emptyCart(settings: CartSettings): CartView {
  return toCartView({ shippingMethod: null, lines: [] }, settings);
}

export function toCartView(cart: CartRow, settings: CartSettings): CartView {
  const currency = settings.shipping.currency;
  const lines = [...cart.lines]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((row): CartLineView => {
      const v = row.variant;
      const p = v.product;
      const problems: LineProblem[] = [];
      let quantity = row.quantity;
      let purchasable = true;
      if (p.status !== 'active') {
        problems.push({ kind: 'unavailable' });
        purchasable = false;
      } else if (v.stock <= 0) {
        problems.push({ kind: 'sold-out' });
        purchasable = false;
      } else if (v.stock < row.quantity) {
        problems.push({ kind: 'reduced', available: v.stock });
        quantity = v.stock;
      }
      if (row.priceAtAddCents !== v.priceCents) problems.push({ kind: 'price-changed', was: money(row.priceAtAddCents, currency) });
      const unitPrice = money(v.priceCents, currency);
      return {
        id: row.id,
        variantId: v.id,
        productSlug: p.slug,
        title: p.title,
        size: v.size,
        colour: v.colour,
        sku: v.sku,
        material: materialLabel(p.material),
        isWool: p.isWool,
        image: p.images[0] ? { src: p.images[0].path, alt: p.images[0].alt } : null,
        quantity,
        maxQuantity: Math.max(0, Math.min(v.stock, settings.maxPerLine)),
        limitedBy: v.stock <= settings.maxPerLine ? 'stock' : 'per-line',
        unitPrice,
        lineTotal: money(purchasable ? v.priceCents * quantity : 0, currency),
        purchasable,
        problems,
      };
    });
  const buyable = lines.filter((l) => l.purchasable);
  const shippable = buyable.map((l) => ({ isWool: l.isWool, lineTotalCents: l.lineTotal.amount }));
  const subtotal = buyable.reduce((s, l) => s + l.lineTotal.amount, 0);
  const options = shippingOptions(shippable, settings.shipping);
  const method = cart.shippingMethod ?? defaultShippingMethod(shippable, settings.shipping);
  const shipping = buyable.length ? options.find((o) => o.method === method)!.price.amount : 0;
  return {
    lines,
    itemCount: buyable.reduce((s, l) => s + l.quantity, 0),
    subtotal: money(subtotal, currency),
    progress: freeExpressProgress(shippable, settings.shipping),
    shippingOptions: options,
    shippingMethod: method,
    shipping: money(shipping, currency),
    total: money(subtotal + shipping, currency),
  };
}
