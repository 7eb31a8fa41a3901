import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { countAttempt, decide, minutesLeft, type ThrottleRule } from '../auth/throttle';
import type { Db } from '../db';
import { formatOrderNumber } from '../checkout/order-number';

/**
 * "Find my order" with the order number and the e-mail it was placed with. Built so that nobody can
 * learn from it which orders exist or which e-mail an order has:
 *  - a wrong number, a wrong e-mail or both get the same answer (one generic sentence);
 *  - every well-formed attempt does the same work whatever is wrong: two throttle upserts, one query
 *    by number, and a constant-time comparison of SHA-256 digests (of a stand-in when no order has
 *    that number), with no early return in between;
 *  - attempts are counted in the database (SignInThrottle, keys `lookup-address:` and `lookup-order:`),
 *    so every app server shares the counts.
 */
export const LOOKUP_LIMITS = {
  /** Guessing the e-mail of one order: 10 tries per 15 minutes. */
  order: { max: 10, windowSeconds: 15 * 60 },
  /** One address trying many orders: 30 tries per 15 minutes. */
  address: { max: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export const LOOKUP_NOT_FOUND = 'We could not find an order with that number and e-mail address. Check both against your confirmation e-mail and try again.';

export function lookupThrottleMessage(retryAfterSeconds: number): string {
  const m = minutesLeft(retryAfterSeconds);
  return `Too many attempts to find an order. For your security, please wait ${m} ${m === 1 ? 'minute' : 'minutes'} and try again.`;
}

export function lookupOrderKey(number: number): string {
  return `lookup-order:${number}`;
}

export function lookupAddressKey(address: string): string {
  return `lookup-address:${address}`;
}

/** What shoppers type: "MN-100001", "mn 100001", "#MN100001" or "100001". */
const NUMBER_FORMAT = /^#?\s*(?:MN[\s-]*)?(\d{6,9})$/i;

export const lookupSchema = z.object({
  number: z
    .string({ error: 'Enter your order number, like MN-100001' })
    .trim()
    .min(1, 'Enter your order number, like MN-100001')
    .max(40, 'Enter the order number as it is written in your e-mail, like MN-100001')
    .regex(NUMBER_FORMAT, 'Enter the order number as it is written in your e-mail, like MN-100001')
    .transform((v) => Number(NUMBER_FORMAT.exec(v)![1])),
  email: z
    .string({ error: 'Enter the e-mail address you ordered with' })
    .trim()
    .min(1, 'Enter the e-mail address you ordered with')
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.com'))
    .transform((v) => v.toLowerCase()),
});
export type LookupInput = z.infer<typeof lookupSchema>;
export type LookupField = keyof LookupInput;

export type LookupOutcome =
  | { kind: 'found'; orderId: string; number: number; displayNumber: string }
  | { kind: 'invalid'; errors: Partial<Record<LookupField, string>>; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'throttled'; retryAfterSeconds: number; message: string };

/** Parses the form; on failure, the first message for each field. */
export function parseLookup(data: unknown): { ok: true; input: LookupInput } | { ok: false; errors: Partial<Record<LookupField, string>> } {
  const r = lookupSchema.safeParse(data);
  if (r.success) return { ok: true, input: r.data };
  const errors: Partial<Record<LookupField, string>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0];
    if ((field === 'number' || field === 'email') && !errors[field]) errors[field] = issue.message;
  }
  if (!errors.number && !errors.email) errors.number = 'Enter your order number, like MN-100001';
  return { ok: false, errors };
}

function digest(email: string): Buffer {
  return createHash('sha256').update(email.trim().toLowerCase()).digest();
}

// Compared against when no order has the number, so that case hashes and compares like the others.
// No address can equal it ("@" twice), so it never matches what a shopper types.
const STAND_IN = digest('no-such-order@@lookup.invalid');

/** Whether the typed e-mail is the order's, in constant time; `orderEmail` null when no order has the number. */
export function emailMatches(typed: string, orderEmail: string | null): boolean {
  const same = timingSafeEqual(digest(typed), orderEmail === null ? STAND_IN : digest(orderEmail));
  return same && orderEmail !== null;
}

/**
 * One attempt: refused (bad input, changing nothing; or over a limit), not found (the same answer
 * for every wrong pair), or found. Both counts are taken before the order is read, so a guess
 * over the limit learns nothing either.
 */
export async function lookupOrder(db: Db, raw: unknown, clientAddress: string, now: Date = new Date()): Promise<LookupOutcome> {
  const parsed = parseLookup(raw);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors, message: 'Please correct the fields marked below.' };
  const { number, email } = parsed.input;
  const perOrder = await countAttempt(db, lookupOrderKey(number), LOOKUP_LIMITS.order, now);
  const perAddress = await countAttempt(db, lookupAddressKey(clientAddress), LOOKUP_LIMITS.address, now);
  const refused = [
    decide(perOrder.count, perOrder.windowStart, LOOKUP_LIMITS.order, now),
    decide(perAddress.count, perAddress.windowStart, LOOKUP_LIMITS.address, now),
  ]
    .map((d) => (d.allowed ? 0 : d.retryAfterSeconds))
    .reduce((a, b) => Math.max(a, b), 0);
  if (refused > 0) return { kind: 'throttled', retryAfterSeconds: refused, message: lookupThrottleMessage(refused) };

  const order = await db.order.findUnique({ where: { number }, select: { id: true, email: true } });
  if (!emailMatches(email, order?.email ?? null) || !order) return { kind: 'not-found', message: LOOKUP_NOT_FOUND };
  await lookupSucceeded(db, number, clientAddress);
  return { kind: 'found', orderId: order.id, number, displayNumber: formatOrderNumber(number) };
}

/**
 * A good lookup clears the order's count (only its owner can make one) and gives the address back
 * the attempt it counted, like a staff sign-in: an office or a family behind one address is not
 * locked out by looking up its own orders. Failed guesses still add up.
 */
export async function lookupSucceeded(db: Db, number: number, clientAddress: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: lookupOrderKey(number) } });
  await db.$executeRaw`UPDATE "SignInThrottle" SET count = count - 1 WHERE key = ${lookupAddressKey(clientAddress)} AND count > 0`;
}
