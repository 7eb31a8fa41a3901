import { stripeSettings } from '@/lib/checkout/service';
import { afterPayment } from '@/lib/checkout/confirmation';
import { db } from '@/lib/db';
import { readLimited } from '@/lib/http/json-body';
import { methodNotAllowed } from '@/lib/http/methods';
import { handleStripeWebhook, stripeClient } from '@/lib/payments/stripe';
import { sendReturnEmail } from '@/lib/returns/emails';

export const dynamic = 'force-dynamic';
const MAX_BYTES = 512 * 1024;

/** Stripe's events: verified over the raw body, recorded by id, processed once. */
export async function POST(req: Request) {
  const settings = stripeSettings();
  if (!settings) return Response.json({ error: 'Card payments are not configured.' }, { status: 404 });
  let raw: string;
  try {
    raw = await readLimited(req, MAX_BYTES); // counted in bytes as they arrive
  } catch {
    return Response.json({ error: 'That request is too large.' }, { status: 413 });
  }
  const r = await handleStripeWebhook(db(), stripeClient(settings), raw, req.headers.get('stripe-signature') ?? '', settings.webhookSecret);
  if (r.body.outcome === 'paid' && r.orderId) await afterPayment(db(), r.orderId);
  if (r.refundedReturnId) await sendReturnEmail(db(), r.refundedReturnId, 'refunded');
  return Response.json(r.body, { status: r.status, headers: { 'cache-control': 'no-store' } });
}

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
