import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Prisma } from '../db';

/**
 * Who may see an order: the browser that placed it (its cart cookie, hashed under its own
 * label so the two hashes never match each other) or the holder of the signed link from the
 * confirmation e-mail, until the link expires. An order number alone reveals nothing.
 */
export function viewerHash(cartToken: string): string {
  return createHash('sha256').update(`order-viewer:${cartToken}`).digest('hex');
}

const SECRET_NAME = 'order-links';

/** APP_SECRET when set; otherwise one made once and kept in the database, so every app server shares it. */
export async function linkSecret(db: Db | Prisma.TransactionClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const fresh = randomBytes(32).toString('base64url');
  await db.$executeRaw`INSERT INTO "AppSecret" (name, value) VALUES (${SECRET_NAME}, ${fresh}) ON CONFLICT (name) DO NOTHING`;
  return (await db.appSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } })).value;
}

function mac(secret: string, orderId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${orderId}.${expires}`).digest('base64url');
}

/** A token for the e-mail's link: "<expiry seconds>.<signature>", valid for `days`. */
export function signOrderLink(secret: string, orderId: string, now: Date, days = 30): string {
  const expires = Math.floor(now.getTime() / 1000) + days * 86_400;
  return `${expires}.${mac(secret, orderId, expires)}`;
}

/**
 * The order page (/orders/MN-100001) is opened with a token that signs the order's number rather
 * than its id, so it is checked before the database is asked anything: without a valid token the
 * page never reads the order, and cannot tell by its timing whether the number exists. The subject
 * has its own label, so such a token never passes as a link for an order id, nor the other way round.
 */
const numberSubject = (n: number) => `order-number:${n}`;

/** A token for /orders/<number>: "<expiry seconds>.<signature>", valid for `seconds`. */
export function signOrderNumber(secret: string, number: number, now: Date, seconds: number): string {
  const expires = Math.floor(now.getTime() / 1000) + Math.floor(seconds);
  return `${expires}.${mac(secret, numberSubject(number), expires)}`;
}

export function verifyOrderNumber(secret: string, number: number, token: string, now: Date): boolean {
  return verifyOrderLink(secret, numberSubject(number), token, now);
}

export function verifyOrderLink(secret: string, orderId: string, token: string, now: Date): boolean {
  const m = /^(\d{9,11})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return false;
  const expires = Number(m[1]);
  if (expires * 1000 <= now.getTime()) return false;
  // Both are 43 characters (an HMAC-SHA256 in base64url, and what the pattern let through), as timingSafeEqual needs.
  return timingSafeEqual(Buffer.from(mac(secret, orderId, expires)), Buffer.from(m[2]!));
}
