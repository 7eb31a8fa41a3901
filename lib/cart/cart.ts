import type { Db, Prisma } from '../db';
import { RequestError } from '../http/json-body';
import { materialLabel } from '../catalog/materials';
import { money, type Money } from '../money';
import { decideQuantity } from './quantity';
import { defaultShippingMethod, freeExpressProgress, shippingOptions, type FreeExpressProgress, type ShippingMethodName, type ShippingOption, type ShippingRules } from './shipping';
import { hashCartToken, isWellFormedToken, newCartToken } from './token';

/**
 * The server-side cart. Every total is computed here from today's database prices; the browser
 * only says which variant and how many. Changes to one cart are serialised by locking its row,
 * so two tabs adding at once both count.
 */
export interface CartSettings {
  maxPerLine: number;
  ttlDays: number;
  shipping: ShippingRules;
}

export type LineProblem =
  | { kind: 'unavailable' }
  | { kind: 'sold-out' }
  | { kind: 'reduced'; available: number }
  | { kind: 'price-changed'; was: Money };

export interface CartLineView {
  id: string;
  variantId: string;
  productSlug: string;
  title: string;
  size: string;
  colour: string;
  sku: string;
  material: string;
  isWool: boolean;
  image: { src: string; alt: string } | null;
  quantity: number;
  /** The most the shopper may set: stock there is, capped by the per-line maximum. */
  maxQuantity: number;
  /** Which of the two sets maxQuantity, so the page can say why "+" stops. */
  limitedBy: 'stock' | 'per-line';
  unitPrice: Money;
  lineTotal: Money;
  /** Whether the line counts toward the totals (false when archived or sold out). */
  purchasable: boolean;
  problems: LineProblem[];
}

export interface CartView {
  lines: CartLineView[];
  itemCount: number;
  subtotal: Money;
  progress: FreeExpressProgress;
  shippingOptions: ShippingOption[];
  shippingMethod: ShippingMethodName;
  shipping: Money;
  total: Money;
}

export interface CartResult {
  /** The token to set in the cookie when a new cart was made; null when unchanged. */
  newToken: string | null;
  cart: CartView;
  notice: string | null;
}

const lineInclude = {
  variant: {
    include: {
      product: {
        select: { slug: true, title: true, status: true, isWool: true, material: true, images: { orderBy: { position: 'asc' }, take: 1, select: { path: true, alt: true } } },
      },
    },
  },
} satisfies Prisma.CartLineInclude;

type LineRow = Prisma.CartLineGetPayload<{ include: typeof lineInclude }>;
type CartRow = { shippingMethod: ShippingMethodName | null; lines: LineRow[] };

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
    where: { id: variantId },
    select: { id: true, stock: true, priceCents: true, product: { select: { status: true } } },
  });
  if (!variant || variant.product.status !== 'active') throw new RequestError(404, 'That product is not available.');
  return variant;
}

const txOptions = { maxWait: 10_000, timeout: 15_000 };

export async function addToCart(
  db: Db,
  token: string | null | undefined,
  input: { variantId: string; quantity: number },
  settings: CartSettings,
  now = new Date(),
): Promise<CartResult> {
  return db.$transaction(async (tx) => {
    const variant = await sellableVariant(tx, input.variantId);
    if (variant.stock <= 0) throw new RequestError(409, 'Sorry, that one is sold out.');
    let cartId = await findCartId(tx, token, now);
    let newToken: string | null = null;
    if (!cartId) {
      newToken = newCartToken();
      // Forget carts nobody has touched for the TTL while we are here; the index makes it cheap.
      await purgeExpiredCarts(tx, now);
      cartId = (await tx.cart.create({ data: { tokenHash: hashCartToken(newToken), expiresAt: expiry(now, settings), currency: settings.shipping.currency }, select: { id: true } })).id;
    }
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
    if (!cartId) throw new RequestError(404, 'Your cart is empty or has expired.');
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
    if (!line) throw new RequestError(404, 'That item is no longer in your cart.');
    const variant = await sellableVariant(tx, input.variantId);
    if (variant.stock <= 0) throw new RequestError(409, 'Sorry, that one is sold out.');
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

export async function chooseShipping(db: Db, token: string | null | undefined, method: ShippingMethodName, settings: CartSettings, now = new Date()): Promise<CartResult> {
  return changeCart(db, token, settings, now, async (tx, cartId) => {
    await tx.cart.update({ where: { id: cartId }, data: { shippingMethod: method } });
    return null;
  });
}

/** Deletes carts unused for the TTL; returns how many. */
export async function purgeExpiredCarts(db: Db | Prisma.TransactionClient, now = new Date()): Promise<number> {
  return (await db.cart.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
