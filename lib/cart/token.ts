import { createHash, randomBytes } from 'node:crypto';

/**
 * The cart cookie holds 256 random bits; the database keeps only their SHA-256. A forged or
 * guessed cookie finds no cart (the shopper gets a new, empty one), never someone else's.
 */
export const CART_COOKIE = 'cart';

export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isWellFormedToken(token: string | undefined | null): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A row id for a cart made in raw SQL: 'c' and 24 random base-36 characters, the shape of Prisma's cuid. */
export function newCartId(): string {
  const bytes = randomBytes(24);
  let id = 'c';
  for (const b of bytes) id += (b % 36).toString(36);
  return id;
}
