import 'server-only';
import Stripe from 'stripe';
import type { Db } from '../db';
import { cancelOrder } from '../checkout/transitions';
import type { OrderView } from '../checkout/types';
import { reconcileStripeRefund } from '../returns/reconcile';
import { firstDelivery, recordPayment } from './record';

/**
 * Card payments through Stripe Checkout (hosted). The order's snapshot becomes the session's
 * lines; the signed `checkout.session.completed` webhook, not the shopper's return, marks it paid.
 */
export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** A local fake in tests, e.g. http://127.0.0.1:12111; Stripe's own API otherwise. */
  apiBase?: string | undefined;
}

const clients = new Map<string, Stripe>();

export function stripeClient(s: StripeSettings): Stripe {
  const key = JSON.stringify([s.secretKey, s.apiBase]);
  let client = clients.get(key);
  if (!client) {
    const base = s.apiBase ? new URL(s.apiBase) : null;
    client = new Stripe(s.secretKey, {
      ...(base
        ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol.replace(':', '') as 'http' | 'https' }
        : {}),
      maxNetworkRetries: base ? 0 : 2,
      telemetry: false,
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * The hosted Checkout Session for an order. An order that already has an open session (a retry,
 * a second tab) gets that one back, so it can never be paid twice. A new session's parameters are
 * derived from the order alone, so two requests racing with the same idempotency key send the
 * same body (Stripe refuses a reused key with other parameters).
 */
export async function startStripeCheckout(
  stripe: Stripe,
  order: OrderView,
  siteUrl: string,
  existingSessionId: string | null = null,
  now = new Date(),
): Promise<{ sessionId: string; url: string }> {
  let replaces: string | null = null;
  if (existingSessionId) {
    const existing = await stripe.checkout.sessions.retrieve(existingSessionId);
    if (existing.status === 'open' && existing.url) return { sessionId: existing.id, url: existing.url };
    // Paid already, the webhook not yet here: never a second session, just the order page.
    if (existing.status === 'complete') return { sessionId: existing.id, url: new URL(`/checkout/success?session_id=${existing.id}`, siteUrl).toString() };
    replaces = existing.id;
  }
  const currency = order.total.currency.toLowerCase();
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.map((l) => ({
    quantity: l.quantity,
    price_data: { currency, unit_amount: l.unitPrice.amount, product_data: { name: `${l.title} (${l.colour}, ${l.size})` } },
  }));
  if (order.shipping.amount > 0) {
    lineItems.push({
      quantity: 1,
      price_data: {
        currency,
        unit_amount: order.shipping.amount,
        product_data: { name: `${order.shippingMethod === 'express' ? 'Express' : 'Standard'} shipping` },
      },
    });
  }
  // Stripe wants 30 minutes to 24 hours from now: the order's hold, but at least 35 minutes after it was
  // placed (a session is made moments after placement); a late payment is handled (transitions.ts).
  const placed = Math.floor(new Date(order.placedAt).getTime() / 1000);
  const expiresAt = replaces
    ? Math.ceil((Math.floor(now.getTime() / 1000) + 31 * 60) / 300) * 300
    : Math.min(Math.max(Math.floor(new Date(order.expiresAt).getTime() / 1000), placed + 35 * 60), placed + 23 * 3600);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      customer_email: order.email,
      client_reference_id: order.id,
      metadata: { orderId: order.id, orderNumber: order.number },
      line_items: lineItems,
      // Stripe fills in the placeholder; the URL parser leaves braces in a query as they are.
      success_url: new URL('/checkout/success?session_id={CHECKOUT_SESSION_ID}', siteUrl).toString(),
      cancel_url: new URL('/checkout?cancelled=1', siteUrl).toString(),
      expires_at: expiresAt,
    },
    { idempotencyKey: replaces ? `order-${order.id}-checkout-session-after-${replaces}-${expiresAt}` : `order-${order.id}-checkout-session` },
  );
  if (!session.url) throw new Error(`Stripe returned no URL for session ${session.id}`);
  return { sessionId: session.id, url: session.url };
}

/**
 * Closes the Checkout Session of an order that was replaced, so the shopper cannot pay the old one
 * as well. Best effort: if Stripe cannot be reached, a payment on it is still flagged for a refund
 * (transitions.ts).
 */
export async function expireSession(stripe: Stripe, sessionId: string): Promise<boolean> {
  try {
    const s = await stripe.checkout.sessions.retrieve(sessionId);
    if (s.status !== 'open') return false;
    await stripe.checkout.sessions.expire(sessionId);
    return true;
  } catch (err) {
    console.error(`could not expire the replaced Stripe session ${sessionId}`, err);
    return false;
  }
}

export type WebhookOutcome = {
  status: 200 | 400;
  orderId?: string;
  /** A return whose refund this event confirmed: the customer's "refunded" e-mail follows. */
  refundedReturnId?: string;
  body: { received: boolean; outcome?: string; error?: string };
};

/**
 * POST /api/webhooks/stripe: verified over the raw body, recorded by event id and processed once,
 * in one transaction. Replays and duplicates answer 200 and change nothing.
 */
export async function handleStripeWebhook(
  db: Db,
  stripe: Stripe,
  rawBody: string,
  /** The Stripe-Signature header; '' when there was none (refused like a wrong one). */
  signature: string,
  secret: string,
  now = new Date(),
): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { received: false, error: 'The signature does not match this payload.' } };
  }
  let orderId: string | undefined;
  let refundedReturnId: string | undefined;
  const outcome = await db.$transaction(async (tx) => {
    if (!(await firstDelivery(tx, 'stripe', event.id, event.type))) return 'duplicate';
    if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
      const session = event.data.object;
      orderId = session.metadata?.orderId ?? session.client_reference_id ?? undefined;
      if (!orderId) return 'no-order';
      if (session.payment_status !== 'paid') return 'awaiting-payment';
      const intent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      return recordPayment(tx, {
        orderId,
        provider: 'stripe',
        externalId: intent ?? session.id,
        amountCents: session.amount_total ?? -1,
        currency: session.currency ?? '',
        now,
      });
    }
    if (event.type === 'checkout.session.expired') {
      const session = event.data.object;
      const orderId = session.metadata?.orderId ?? session.client_reference_id;
      if (!orderId) return 'no-order';
      // Only the order's current session: an older one expiring (replaced by a retry) changes nothing.
      const current = await tx.order.findFirst({ where: { id: orderId, providerRef: session.id }, select: { id: true } });
      if (!current) return 'stale-session';
      return cancelOrder(tx, orderId, now, `Stripe checkout session ${session.id} expired`);
    }
    if (event.type === 'refund.created' || event.type === 'refund.updated') {
      const r = await reconcileStripeRefund(tx, event.data.object, now);
      refundedReturnId = r.returnId ?? undefined;
      return r.outcome;
    }
    if (event.type === 'charge.refunded') {
      // Older API versions list the charge's refunds here; each is reconciled like refund.* (newer ones send refund.* too).
      const outcomes: string[] = [];
      for (const r of event.data.object.refunds?.data ?? []) {
        const x = await reconcileStripeRefund(tx, r, now);
        refundedReturnId ??= x.returnId ?? undefined;
        outcomes.push(x.outcome);
      }
      return outcomes.join(',') || 'no-refunds-listed';
    }
    return 'ignored';
  });
  return { status: 200, orderId, ...(refundedReturnId ? { refundedReturnId } : {}), body: { received: true, outcome } };
}
