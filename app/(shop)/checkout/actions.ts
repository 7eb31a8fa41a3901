'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { CheckoutState } from '@/components/checkout/state';
import { CART_COOKIE } from '@/lib/cart/token';
import { parseCheckout } from '@/lib/checkout/input';
import { afterPayment } from '@/lib/checkout/confirmation';
import { checkoutAndPay } from '@/lib/checkout/service';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';

const ORDER_UNAVAILABLE = 'We can’t place your order right now, and nothing was charged. Please try again in a minute.';

const FIELDS = ['email', 'name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'shippingMethod', 'payment'] as const;

/**
 * "Place order" (card or test payment). A server action is a public endpoint: the form data is
 * parsed with zod here, the caller is the browser holding the cart cookie, and the order is placed
 * by lib/checkout in one transaction. Works without JavaScript (the form posts).
 */
export async function placeOrderAction(prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const attempt = prev.attempt + 1;
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = form.get(f);
    if (typeof v === 'string') values[f] = v.slice(0, 300);
  }
  const quote = form.get('quote');
  const parsed = parseCheckout({ ...values, quote: typeof quote === 'string' ? quote : undefined });
  if (!parsed.ok) return { errors: parsed.errors, values, message: 'Please correct the fields marked below.', cart: null, quote: null, attempt };
  const token = (await cookies()).get(CART_COOKIE)?.value ?? null;
  let outcome;
  try {
    outcome = await checkoutAndPay(db(), token, parsed.input);
  } catch (err) {
    // The database out of reach: the order was not placed (its transaction never committed); say so, keep the form.
    if (!isDatabaseUnavailable(err)) throw err;
    console.error('checkout: the database cannot be reached', err instanceof Error ? err.message : err);
    return { errors: {}, values, message: ORDER_UNAVAILABLE, cart: null, quote: null, attempt };
  }
  switch (outcome.kind) {
    case 'paid':
      await afterPayment(db(), outcome.orderId);
      redirect(`/checkout/success?order=${outcome.orderId}`);
    case 'redirect':
      redirect(outcome.url);
    case 'unavailable':
      return { errors: { payment: outcome.message }, values, message: outcome.message, cart: null, quote: null, attempt };
    case 'not-placed': {
      const r = outcome.result;
      if (r.kind === 'empty') redirect('/cart?problem=empty');
      if (r.kind === 'changed') {
        return {
          errors: {},
          values,
          message: 'Prices or items in your cart changed since this page was loaded. Check the new total, then place your order again.',
          cart: r.cart,
          quote: r.quote,
          attempt,
        };
      }
      const lines = r.problems.map((p) => (p.available > 0 ? `only ${p.available} of ${p.title} left` : `${p.title} is sold out`));
      return {
        errors: {},
        values,
        message: `Sorry: ${lines.join('; ')}. Change the quantity in your cart, then check out again.`,
        cart: null,
        quote: null,
        attempt,
      };
    }
  }
}
