import 'server-only';
import { isWellFormedToken } from '../cart/token';
import { linkSecret, verifyOrderNumber, viewerHash } from '../checkout/viewer';
import type { Db, Prisma } from '../db';

/**
 * What lets a shopper see an order and act on it (its page, its returns): never the number alone.
 *  - the signed link of an e-mail about the order, `?token=…`, valid 30 days (lib/checkout/confirmation.ts);
 *  - the pass a good lookup on /orders/lookup leaves in an httpOnly cookie named for that order, valid 2 hours;
 *  - the cart cookie of the browser that placed the order (like /checkout/success).
 * Tokens sign the order number, so they are checked before anything is read: without one (and
 * without a cart cookie) the database is not asked at all.
 */
export interface OrderProof {
  linkToken: string | null;
  passToken: string | null;
  cartToken: string | null;
}

/** One pass per order, sent with every page of the shop (its order page and its return pages). */
export function orderPassCookie(number: number): string {
  return `order_pass_${number}`;
}

/**
 * The `where` that finds order `number` for this proof: by number when a token signs it, by number
 * and the placing browser's hash otherwise; null when nothing could prove it (then read nothing).
 */
export async function provenOrderWhere(
  db: Db | Prisma.TransactionClient,
  number: number,
  proof: OrderProof,
  appSecret: string | undefined,
  now = new Date(),
): Promise<Prisma.OrderWhereInput | null> {
  const tokens = [proof.linkToken, proof.passToken].filter((t): t is string => typeof t === 'string' && t.length <= 100);
  if (tokens.length) {
    const secret = await linkSecret(db, appSecret);
    if (tokens.some((t) => verifyOrderNumber(secret, number, t, now))) return { number };
  }
  if (isWellFormedToken(proof.cartToken)) return { number, viewerTokenHash: viewerHash(proof.cartToken) };
  return null;
}
