import type { Db } from '../db';

/**
 * Sign-in attempts are counted per account (the e-mail typed) and per client address, in the
 * database, so every app server counts in the same place and a restart forgets nothing. Each
 * attempt is one conditional upsert that either starts a new window or adds one to the current
 * window, and returns the count: concurrent attempts each get their own number, never a stale read.
 */
export interface ThrottleRule {
  max: number;
  windowSeconds: number;
}

export const SIGN_IN_LIMITS = {
  /** Guessing one account's password: 5 tries per 15 minutes. */
  account: { max: 5, windowSeconds: 15 * 60 },
  /** One address trying many accounts: 20 tries per 15 minutes. */
  address: { max: 20, windowSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

/** Whole minutes left in a window, at least 1, for the message. */
export function minutesLeft(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export function throttleMessage(retryAfterSeconds: number): string {
  const m = minutesLeft(retryAfterSeconds);
  return `Too many sign-in attempts. Try again in ${m} ${m === 1 ? 'minute' : 'minutes'}.`;
}

/** The decision for one counted attempt: over the limit until the window that holds it ends. */
export function decide(count: number, windowStart: Date, rule: ThrottleRule, now: Date): ThrottleDecision {
  if (count <= rule.max) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds, message: throttleMessage(retryAfterSeconds) };
}

/** Counts one attempt under `key` and returns the count in the current window and when that window began. */
export async function countAttempt(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<{ count: number; windowStart: Date }> {
  const cutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "SignInThrottle" (key, count, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "SignInThrottle"."windowStart" <= ${cutoff} THEN 1 ELSE "SignInThrottle".count + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${cutoff} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    RETURNING count, "windowStart"`;
  const row = rows[0]!;
  return { count: Number(row.count), windowStart: new Date(row.windowStart) };
}

/** Counts a sign-in attempt for the account and the address; refused when either is over its limit. */
export async function signInAttempt(db: Db, who: { email: string; address: string }, now: Date = new Date()): Promise<ThrottleDecision> {
  const account = await countAttempt(db, accountKey(who.email), SIGN_IN_LIMITS.account, now);
  const address = await countAttempt(db, addressKey(who.address), SIGN_IN_LIMITS.address, now);
  const decisions = [
    decide(account.count, account.windowStart, SIGN_IN_LIMITS.account, now),
    decide(address.count, address.windowStart, SIGN_IN_LIMITS.address, now),
  ];
  // Windows that ended are forgotten here, so the table holds the last hour and a quarter's keys however many
  // made-up accounts a guesser tries (one indexed DELETE; any app server may do it).
  await purgeOldAttempts(db, now);
  const refused = decisions.filter((d) => !d.allowed);
  if (!refused.length) return { allowed: true };
  const retryAfterSeconds = Math.max(...refused.map((d) => d.retryAfterSeconds));
  return { allowed: false, retryAfterSeconds, message: throttleMessage(retryAfterSeconds) };
}

/**
 * A correct password clears the account's count and gives its address back the attempt it just
 * counted: the address limit is for guesses, so an office of staff signing in all day behind one
 * address is never locked out by its own successful sign-ins. Failed tries still add up.
 */
export async function signInSucceeded(db: Db, who: { email: string; address: string }): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(who.email) } });
  await db.$executeRaw`UPDATE "SignInThrottle" SET count = count - 1 WHERE key = ${addressKey(who.address)} AND count > 0`;
}

/**
 * How long after a window ends it is forgotten: each server counts with its own clock, so a window one server
 * still counts in must not be deleted by another whose clock runs ahead (or by a request a moment later).
 */
export const PURGE_GRACE_SECONDS = 60 * 60;

/** Forgets windows that ended over an hour ago (every sign-in attempt does it); safe to call at any time, from any server. */
export async function purgeOldAttempts(db: Db, now: Date = new Date()): Promise<number> {
  const longest = Math.max(SIGN_IN_LIMITS.account.windowSeconds, SIGN_IN_LIMITS.address.windowSeconds);
  const cutoff = new Date(now.getTime() - (longest + PURGE_GRACE_SECONDS) * 1000);
  const r = await db.signInThrottle.deleteMany({ where: { windowStart: { lt: cutoff } } });
  return r.count;
}

/**
 * The client address for the per-address count: the last X-Forwarded-For entry, which is the one
 * Next sets from the connection, or the one the reverse proxy appends when TRUST_PROXY=1.
 */
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').at(-1)?.trim();
  return last && last.length <= 64 ? last : 'unknown';
}
