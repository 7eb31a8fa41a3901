'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { LookupState } from '@/components/orders/lookup-state';
import { clientAddress } from '@/lib/auth/throttle';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { lookupOrder } from '@/lib/orders/lookup';
import { ORDER_PASS_SECONDS, orderPagePath, orderPass } from '@/lib/orders/order-page';
import { orderPassCookie } from '@/lib/orders/order-proof';

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/**
 * "Find my order". A server action is a public endpoint: lib/orders/lookup.ts parses the input with
 * zod, counts the attempt per order number and per address, and compares in constant time. A good
 * pair leaves a two-hour pass for that order (its page and its returns) in an httpOnly cookie named
 * for the order, and goes to its page. Works without JavaScript (the form posts to /orders/lookup).
 */
export async function lookupOrderAction(prev: LookupState, form: FormData): Promise<LookupState> {
  const attempt = prev.attempt + 1;
  const raw = { number: text(form.get('number')), email: text(form.get('email')) };
  // What goes back into the form is cut short: a megabyte typed is refused, not echoed.
  const values = { number: raw.number.slice(0, 60), email: raw.email.slice(0, 300) };
  const h = await headers();
  const outcome = await lookupOrder(db(), raw, clientAddress(h.get('x-forwarded-for')));
  if (outcome.kind === 'invalid') return { errors: outcome.errors, values, message: outcome.message, attempt };
  if (outcome.kind !== 'found') return { errors: {}, values, message: outcome.message, attempt };
  const c = shopConfig();
  const overHttps = c.TRUST_PROXY && h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  (await cookies()).set(orderPassCookie(outcome.number), await orderPass(db(), outcome.number, c.APP_SECRET), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(c.SITE_URL).protocol === 'https:' || overHttps,
    maxAge: ORDER_PASS_SECONDS,
  });
  redirect(orderPagePath(outcome.number));
}
