import 'server-only';
import type { Db } from '../db';
import { cartSettings } from '../cart/settings';
import { shopConfig, type ShopConfig } from '../config';
import { paymentMethods } from '../payments/config';
import { capturePayPalOrder, completedCapture, createPayPalOrder, getPayPalOrder, PayPalError, type PayPalSettings } from '../payments/paypal';
import { recordPayment, type RecordOutcome } from '../payments/record';
import { expireSession, startStripeCheckout, stripeClient, type StripeSettings } from '../payments/stripe';
import type { CheckoutInput } from './input';
import { placeOrder, type PlaceResult, type PlaceSettings } from './place';
import { viewerHash } from './viewer';

/**
 * Checkout as the routes use it: place the order, then hand it to the chosen way to pay. Each
 * function is what one server action or route handler calls after parsing its input.
 */
export function placeSettings(c: ShopConfig = shopConfig()): PlaceSettings {
  return { cart: cartSettings(), holdMinutes: c.ORDER_HOLD_MINUTES };
}

export function stripeSettings(c: ShopConfig = shopConfig()): StripeSettings | null {
  return c.STRIPE_SECRET_KEY && c.STRIPE_WEBHOOK_SECRET
    ? { secretKey: c.STRIPE_SECRET_KEY, webhookSecret: c.STRIPE_WEBHOOK_SECRET, apiBase: c.STRIPE_API_BASE }
    : null;
}

export function paypalSettings(c: ShopConfig = shopConfig()): PayPalSettings | null {
  return c.PAYPAL_CLIENT_ID && c.PAYPAL_CLIENT_SECRET
    ? { clientId: c.PAYPAL_CLIENT_ID, clientSecret: c.PAYPAL_CLIENT_SECRET, apiBase: c.PAYPAL_API_BASE }
    : null;
}

export type PayOutcome =
  | { kind: 'paid'; orderId: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'not-placed'; result: Exclude<PlaceResult, { kind: 'placed' }> }
  | { kind: 'unavailable'; message: string };

/** Card (Stripe's hosted page) or the test provider: place, then pay or go to pay. */
export async function checkoutAndPay(db: Db, cartToken: string | null, input: CheckoutInput, now = new Date()): Promise<PayOutcome> {
  const c = shopConfig();
  const methods = paymentMethods(c);
  if (input.payment === 'paypal') return { kind: 'unavailable', message: 'PayPal opens in its own window: use the PayPal button (it needs JavaScript).' };
  if (input.payment === 'test' && !methods.test) return { kind: 'unavailable', message: 'Test payments are off in this shop. Choose another way to pay.' };
  const stripe = stripeSettings(c);
  if (input.payment === 'card' && !stripe) return { kind: 'unavailable', message: 'Card payments are not set up in this shop yet. Please call us to order.' };
  const placed = await placeOrder(db, cartToken, input, input.payment === 'card' ? 'stripe' : 'test', placeSettings(c), now);
  if (placed.kind !== 'placed') return { kind: 'not-placed', result: placed };
  await closeReplacedAttempt(placed.replaced, stripe);
  const order = placed.order;
  if (input.payment === 'test') {
    await db.$transaction((tx) =>
      recordPayment(tx, {
        orderId: order.id,
        provider: 'test',
        externalId: `test_${order.id}`,
        amountCents: order.total.amount,
        currency: order.total.currency,
        now,
      }),
    );
    return { kind: 'paid', orderId: order.id };
  }
  const existing = placed.reused ? (await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { providerRef: true } })).providerRef : null;
  const session = await startStripeCheckout(stripeClient(stripe!), order, c.SITE_URL, existing, now);
  await db.order.update({ where: { id: order.id }, data: { providerRef: session.sessionId } });
  return { kind: 'redirect', url: session.url };
}

/** A replaced order's open Stripe session is expired, so only the new order can be paid. */
async function closeReplacedAttempt(replaced: { provider: string; providerRef: string | null } | null, stripe: StripeSettings | null): Promise<void> {
  if (replaced?.provider === 'stripe' && replaced.providerRef && stripe) await expireSession(stripeClient(stripe), replaced.providerRef);
}

export type PayPalStart = { kind: 'created'; paypalOrderId: string } | Exclude<PayOutcome, { kind: 'paid' } | { kind: 'redirect' }>;

/** PayPal's createOrder: our order first (stock held), then PayPal's, tied to it. */
export async function startPayPal(
  db: Db,
  cartToken: string | null,
  input: CheckoutInput,
  now = new Date(),
  settings = paypalSettings(),
  place = placeSettings(),
): Promise<PayPalStart> {
  if (!settings) return { kind: 'unavailable', message: 'PayPal is not set up in this shop yet. Choose another way to pay.' };
  const placed = await placeOrder(db, cartToken, { ...input, payment: 'paypal' }, 'paypal', place, now);
  if (placed.kind !== 'placed') return { kind: 'not-placed', result: placed };
  await closeReplacedAttempt(placed.replaced, stripeSettings());
  const existing = await db.order.findUniqueOrThrow({ where: { id: placed.order.id }, select: { providerRef: true } });
  if (existing.providerRef) return { kind: 'created', paypalOrderId: existing.providerRef };
  const created = await createPayPalOrder(settings, placed.order);
  await db.order.update({ where: { id: placed.order.id }, data: { providerRef: created.id } });
  return { kind: 'created', paypalOrderId: created.id };
}

export type PayPalFinish =
  | { kind: 'paid'; orderId: string }
  | { kind: 'mismatch'; orderId: string }
  | { kind: 'declined'; message: string }
  | { kind: 'not-found' }
  | { kind: 'failed'; message: string };

/** PayPal's onApprove: capture, check amount and currency against the order, record once. */
export async function finishPayPal(
  db: Db,
  cartToken: string | null,
  paypalOrderId: string,
  now = new Date(),
  settings = paypalSettings(),
): Promise<PayPalFinish> {
  if (!settings || !cartToken) return { kind: 'not-found' };
  const order = await db.order.findFirst({
    where: { providerRef: paypalOrderId, provider: 'paypal', viewerTokenHash: viewerHash(cartToken) },
    select: { id: true },
  });
  if (!order) return { kind: 'not-found' };
  let captured;
  try {
    captured = completedCapture(await capturePayPalOrder(settings, paypalOrderId));
  } catch (err) {
    if (!(err instanceof PayPalError)) throw err;
    if (err.issue === 'INSTRUMENT_DECLINED')
      return { kind: 'declined', message: 'PayPal could not take the payment from that funding source. Please try again with another.' };
    if (err.issue !== 'ORDER_ALREADY_CAPTURED')
      return { kind: 'failed', message: 'PayPal could not complete the payment. Nothing was charged; please try again.' };
    // Captured before (a retry after a lost answer): believe the capture PayPal shows, not the error.
    captured = completedCapture(await getPayPalOrder(settings, paypalOrderId));
  }
  if (!captured)
    return { kind: 'failed', message: 'PayPal is still processing this payment. Please do not pay again: we will e-mail you when it completes, or call us.' };
  // The money is taken: give recording it room (a lock wait must not lose it).
  const outcome: RecordOutcome = await db.$transaction(
    (tx) =>
      recordPayment(tx, {
        orderId: order.id,
        provider: 'paypal',
        externalId: captured.id,
        amountCents: captured.amountCents,
        currency: captured.currency,
        now,
      }),
    { maxWait: 20_000, timeout: 30_000 },
  );
  if (outcome === 'mismatch') return { kind: 'mismatch', orderId: order.id };
  return { kind: 'paid', orderId: order.id };
}
