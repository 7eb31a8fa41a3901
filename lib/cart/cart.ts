import 'server-only';
import type { Db, Prisma } from '../db';
import { expireDueOrders } from '../checkout/transitions';
import { CartError } from './errors';
import { decideQuantity } from './quantity';
import type { ShippingMethodName } from './shipping';
import { hashCartToken, isWellFormedToken, newCartId, newCartToken } from './token';
import type { CartResult, CartSettings, CartView } from './types';
import { emptyCart, lineInclude, toCartView } from './view';

/**
 * The server-side cart's changes. Every total is computed from today's database prices
 * (./view.ts); the browser only says which variant and how many. Changes to one cart are
 * serialised by locking its row, so two tabs adding at once both count. Refusals are
 * CartErrors with a kind; lib/cart/http.ts turns them into HTTP statuses.
 */
export type { CartLineView, CartResult, CartSettings, CartView, LineProblem } from './types';
export { emptyCart, toCartView } from './view';

function expiry(now: Date, settings: CartSettings): Date {
  return new Date(now.getTime() + settings.ttlDays * 86_400_000);
}

async function findCartId(db: Db | Prisma.TransactionClient, token: string | null | undefined, now: Date): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.cart.findUnique({ where: { tokenHash: hashCartToken(token) }, select: { id: true, expiresAt: true } });
  if (!row || row.expiresAt <= now) return null;
  return row.id;
}

/** The cart behind a cookie, or an empty one (a forged, unknown or expired cookie finds nothing). */
export async function getCart(db: Db, token: string | null | undefined, settings: CartSettings, now = new Date()): Promise<CartView> {
  const id = await findCartId(db, token, now);
  if (!id) return emptyCart(settings);
  const cart = await db.cart.findUnique({ where: { id }, select: { shippingMethod: true, lines: { include: lineInclude } } });
  return cart ? toCartView(cart, settings) : emptyCart(settings);
}

async function loadView(tx: Prisma.TransactionClient, cartId: string, settings: CartSettings): Promise<CartView> {
  const cart = await tx.cart.findUniqueOrThrow({ where: { id: cartId }, select: { shippingMethod: true, lines: { include: lineInclude } } });
  return toCartView(cart, settings);
}

/** Locks the cart row for the rest of the transaction so concurrent changes to it run one after another. */
async function lockCart(tx: Prisma.TransactionClient, cartId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Cart" WHERE id = ${cartId} FOR UPDATE`;
}

async function sellableVariant(tx: Prisma.TransactionClient, variantId: string) {
  const variant = await tx.variant.findUnique({
    where: { id: variantId, product: { status: 'active' } },
    select: { id: true, stock: true, priceCents: true },
  });
  if (!variant) throw new CartError('unavailable', 'That product is not available.');
  return variant;
}

const txOptions = { maxWait: 10_000, timeout: 15_000 };

/**
 * The cart for this token, made now if there is none. A token the shopper already holds (set by
 * GET /api/cart before any cart existed) gets its cart by INSERT … ON CONFLICT DO NOTHING, so two
 * first adds at once with the same cookie land in one cart: the database decides, not the code.
 */
async function findOrCreateCart(
  tx: Prisma.TransactionClient,
  token: string | null | undefined,
  settings: CartSettings,
  now: Date,
): Promise<{ cartId: string; newToken: string | null }> {
  const existing = await findCartId(tx, token, now);
  if (existing) return { cartId: existing, newToken: null };
  // Forget carts nobody has touched for the TTL while we are here (this token's too); the index makes it cheap.
  await purgeExpiredCarts(tx, now);
  const useToken = isWellFormedToken(token) ? token : newCartToken();
  const tokenHash = hashCartToken(useToken);
  await tx.$executeRaw`INSERT INTO "Cart" (id, "tokenHash", currency, "expiresAt", "createdAt", "updatedAt")
    VALUES (${newCartId()}, ${tokenHash}, ${settings.shipping.currency}, ${expiry(now, settings)}, ${now}, ${now})
    ON CONFLICT ("tokenHash") DO NOTHING`;
  const row = await tx.cart.findUniqueOrThrow({ where: { tokenHash }, select: { id: true } });
  return { cartId: row.id, newToken: useToken === token ? null : useToken };
}

export async function addToCart(
  db: Db,
  token: string | null | undefined,
  input: { variantId: string; quantity: number },
  settings: CartSettings,
  now = new Date(),
): Promise<CartResult> {
  return db.$transaction(async (tx) => {
    // Stock held by unpaid orders past their hold comes back before it is read (lazy expiry).
    await expireDueOrders(tx, now);
    const variant = await sellableVariant(tx, input.variantId);
    if (variant.stock <= 0) throw new CartError('sold-out', 'Sorry, that one is sold out.');
    const { cartId, newToken } = await findOrCreateCart(tx, token, settings, now);
    await lockCart(tx, cartId);
    const existing = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId, variantId: variant.id } }, select: { quantity: true } });
    const current = existing?.quantity ?? 0;
    const decision = decideQuantity(current + input.quantity, variant.stock, settings.maxPerLine);
    if (decision.quantity <= current && existing) {
      // Nothing more can be added: say why, change nothing.
      return { newToken, cart: await loadView(tx, cartId, settings), notice: decision.notice };
    }
    await tx.cartLine.upsert({
      where: { cartId_variantId: { cartId, variantId: variant.id } },
      create: { cartId, variantId: variant.id, quantity: decision.quantity, priceAtAddCents: variant.priceCents },
      update: { quantity: decision.quantity, priceAtAddCents: variant.priceCents },
    });
    await tx.cart.update({ where: { id: cartId }, data: { expiresAt: expiry(now, settings) } });
    return { newToken, cart: await loadView(tx, cartId, settings), notice: decision.notice };
  }, txOptions);
}

/** Add by the options a shopper picked in a form posted without JavaScript (product, colour, size). */
export async function addToCartByOptions(
  db: Db,
  token: string | null | undefined,
  input: { product: string; colour: string; size: string; quantity: number },
  settings: CartSettings,
  now = new Date(),
): Promise<CartResult> {
  const variant = await db.variant.findFirst({
    where: { size: input.size, colour: input.colour, product: { slug: input.product } },
    select: { id: true },
  });
  if (!variant) throw new CartError('no-such-option', 'That size and colour are not made; choose another.');
  return addToCart(db, token, { variantId: variant.id, quantity: input.quantity }, settings, now);
}

/**
 * One change to an existing cart: find it (404 when there is none), lock its row, apply the
 * change, push its expiry out, and return the cart as it now is.
 */
async function changeCart(
  db: Db,
  token: string | null | undefined,
  settings: CartSettings,
  now: Date,
  change: (tx: Prisma.TransactionClient, cartId: string) => Promise<string | null>,
): Promise<CartResult> {
  return db.$transaction(async (tx) => {
    const cartId = await findCartId(tx, token, now);
    if (!cartId) throw new CartError('no-cart', 'Your cart is empty or has expired.');
    await lockCart(tx, cartId);
    const notice = await change(tx, cartId);
    await tx.cart.update({ where: { id: cartId }, data: { expiresAt: expiry(now, settings) } });
    return { newToken: null, cart: await loadView(tx, cartId, settings), notice };
  }, txOptions);
}

export async function setLineQuantity(
  db: Db,
  token: string | null | undefined,
  input: { variantId: string; quantity: number },
  settings: CartSettings,
  now = new Date(),
): Promise<CartResult> {
  return changeCart(db, token, settings, now, async (tx, cartId) => {
    const line = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId, variantId: input.variantId } }, select: { id: true } });
    if (!line) throw new CartError('not-in-cart', 'That item is no longer in your cart.');
    const variant = await sellableVariant(tx, input.variantId);
    if (variant.stock <= 0) throw new CartError('sold-out', 'Sorry, that one is sold out.');
    const decision = decideQuantity(input.quantity, variant.stock, settings.maxPerLine);
    await tx.cartLine.update({ where: { id: line.id }, data: { quantity: decision.quantity, priceAtAddCents: variant.priceCents } });
    return decision.notice;
  });
}

export async function removeLine(db: Db, token: string | null | undefined, variantId: string, settings: CartSettings, now = new Date()): Promise<CartResult> {
  return changeCart(db, token, settings, now, async (tx, cartId) => {
    await tx.cartLine.deleteMany({ where: { cartId, variantId } });
    return null;
  });
}

export async function chooseShipping(
  db: Db,
  token: string | null | undefined,
  method: ShippingMethodName,
  settings: CartSettings,
  now = new Date(),
): Promise<CartResult> {
  return changeCart(db, token, settings, now, async (tx, cartId) => {
    await tx.cart.update({ where: { id: cartId }, data: { shippingMethod: method } });
    return null;
  });
}

/** Deletes carts unused for the TTL; returns how many. */
export async function purgeExpiredCarts(db: Db | Prisma.TransactionClient, now = new Date()): Promise<number> {
  return (await db.cart.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
