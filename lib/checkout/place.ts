import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { CartSettings, CartView } from '../cart/types';
import { hashCartToken, isWellFormedToken } from '../cart/token';
import { lineInclude, toCartView } from '../cart/view';
import type { CheckoutInput } from './input';
import { orderInclude, toOrderView } from './order-view';
import { quoteOf } from './quote';
import { OutOfStock, reserveStock } from './stock';
import { cancelOrder, expireDueOrders } from './transitions';
import type { OrderView, PaymentProviderName } from './types';
import { viewerHash } from './viewer';

/**
 * Turns a cart into an order, in one transaction: re-price the cart from the database, refuse if
 * the shopper was shown other prices, reserve stock with conditional decrements, and write the
 * order with a snapshot of every line. The cart row is locked first, so placing twice at once
 * (double click, retry, two tabs) finds the same pending order instead of making a second one.
 */
export interface PlaceSettings {
  cart: CartSettings;
  holdMinutes: number;
}

export type PlaceResult =
  | {
      kind: 'placed';
      order: OrderView;
      reused: boolean;
      /** The pending order this one replaced (the shopper changed something): its payment attempt should be closed. */
      replaced: { id: string; provider: PaymentProviderName; providerRef: string | null } | null;
    }
  | { kind: 'empty' }
  | { kind: 'changed'; cart: CartView; quote: string }
  | { kind: 'out-of-stock'; problems: { title: string; available: number }[] };

function fingerprint(input: CheckoutInput, provider: PaymentProviderName, quote: string): string {
  // What the shopper asked for: the address, the shipping method, the way to pay and what they were shown.
  const asked = [input.email, input.name, input.line1, input.line2, input.city, input.region, input.postalCode, input.country, input.shippingMethod];
  return createHash('sha256').update(JSON.stringify({ asked, provider, quote })).digest('hex');
}

export async function placeOrder(
  db: Db,
  cartToken: string | null | undefined,
  input: CheckoutInput,
  provider: PaymentProviderName,
  settings: PlaceSettings,
  now = new Date(),
): Promise<PlaceResult> {
  if (!isWellFormedToken(cartToken)) return { kind: 'empty' };
  const token = cartToken;
  try {
    return await db.$transaction(
      async (tx) => {
        const found = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Cart" WHERE "tokenHash" = ${hashCartToken(token)} AND "expiresAt" > ${now} FOR UPDATE`;
        const cartId = found[0]?.id;
        if (!cartId) return { kind: 'empty' as const };
        // Orders past their hold give their stock back before this one takes any.
        await expireDueOrders(tx, now);
        const cart = await tx.cart.findUniqueOrThrow({ where: { id: cartId }, select: { lines: { include: lineInclude } } });
        const view = toCartView({ shippingMethod: input.shippingMethod, lines: cart.lines }, settings.cart);
        if (view.lines.length === 0) return { kind: 'empty' as const };
        const blocked = view.lines.filter((l) => !l.purchasable || l.problems.some((p) => p.kind === 'reduced'));
        if (blocked.length) {
          return {
            kind: 'out-of-stock' as const,
            problems: blocked.map((l) => ({
              title: `${l.title} (${l.colour}, ${l.size})`,
              available: l.purchasable ? Math.min(l.maxQuantity, l.quantity) : 0,
            })),
          };
        }
        const quote = quoteOf(view);
        if (quote !== input.quote) return { kind: 'changed' as const, cart: view, quote };
        const print = fingerprint(input, provider, quote);
        // Only a pending order holds its cart: paying, cancelling and expiring all let go of it in the same
        // UPDATE (transitions.ts), and the expiry above has just released any whose hold ended.
        const pending = await tx.order.findUnique({ where: { cartId }, include: orderInclude });
        if (pending) {
          if (pending.fingerprint === print) return { kind: 'placed' as const, order: toOrderView(pending), reused: true, replaced: null };
          // The shopper changed something since: the old attempt gives way (and its stock back).
          // Paid meanwhile (a webhook between our read and now): this cart has been ordered.
          if ((await cancelOrder(tx, pending.id, now, 'Replaced by a new checkout from the same cart')) === 'unchanged') return { kind: 'empty' as const };
        }
        const replaced = pending ? { id: pending.id, provider: pending.provider, providerRef: pending.providerRef } : null;
        await reserveStock(
          tx,
          view.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, title: `${l.title} (${l.colour}, ${l.size})` })),
        );
        // Final-sale goods cannot be returned: the order keeps that fact as it was at placement.
        const finals = await tx.variant.findMany({
          where: { id: { in: view.lines.map((l) => l.variantId) }, product: { finalSale: true } },
          select: { id: true },
        });
        const finalSale = new Set(finals.map((v) => v.id));
        const order = await tx.order.create({
          data: {
            cartId,
            fingerprint: print,
            email: input.email,
            shippingName: input.name,
            shippingLine1: input.line1,
            shippingLine2: input.line2,
            shippingCity: input.city,
            shippingRegion: input.region,
            shippingPostal: input.postalCode,
            shippingCountry: input.country,
            shippingMethod: input.shippingMethod,
            currency: view.total.currency,
            subtotalCents: view.subtotal.amount,
            shippingCents: view.shipping.amount,
            totalCents: view.total.amount,
            provider,
            viewerTokenHash: viewerHash(token),
            expiresAt: new Date(now.getTime() + settings.holdMinutes * 60_000),
            createdAt: now,
            lines: {
              create: view.lines.map((l) => ({
                variantId: l.variantId,
                productSlug: l.productSlug,
                title: l.title,
                size: l.size,
                colour: l.colour,
                sku: l.sku,
                unitPriceCents: l.unitPrice.amount,
                quantity: l.quantity,
                lineTotalCents: l.lineTotal.amount,
                isWool: l.isWool,
                finalSale: finalSale.has(l.variantId),
              })),
            },
            events: { create: { from: null, to: 'pending', note: `Placed; stock held for ${settings.holdMinutes} minutes`, createdAt: now } },
          },
          include: orderInclude,
        });
        return { kind: 'placed' as const, order: toOrderView(order), reused: false, replaced };
      },
      { maxWait: 20_000, timeout: 20_000 },
    );
  } catch (err) {
    if (err instanceof OutOfStock) return { kind: 'out-of-stock', problems: [{ title: err.title, available: err.available }] };
    throw err;
  }
}
