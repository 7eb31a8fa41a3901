import 'server-only';
import Stripe from 'stripe';
import { PayPalError, refundPayPalCapture, type PayPalSettings } from './paypal';
import type { PaymentProviderName } from '../checkout/types';

/**
 * Sends a refund to the payment it came from. The idempotency key is our Refund row's id, so a
 * retry (after a timeout, a 5xx, a lost answer) is answered with the same refund and never pays
 * twice: Stripe's Idempotency-Key, PayPal's PayPal-Request-Id. The test provider refunds at once.
 * Never throws for a provider's refusal or an unreachable provider: the outcome says what happened.
 */
export interface RefundClients {
  stripe?: Stripe | null;
  paypal?: PayPalSettings | null;
}

export interface ProviderRefundRequest {
  refundId: string;
  provider: PaymentProviderName;
  /** Stripe payment intent, PayPal capture id. */
  paymentRef: string;
  amountCents: number;
  currency: string;
}

/** `uncertain`: no clear answer came (the provider unreachable, a timeout, a 5xx), so the refund may have been made. */
export type ProviderRefundOutcome =
  { ok: true; externalId: string; status: 'pending' | 'succeeded' } | { ok: false; externalId: string | null; message: string; uncertain: boolean };

export function stripeRefundStatus(status: string | null | undefined): 'pending' | 'succeeded' | 'failed' {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

function paypalRefundStatus(status: string): 'pending' | 'succeeded' | 'failed' {
  if (status === 'COMPLETED') return 'succeeded';
  if (status === 'CANCELLED' || status === 'FAILED') return 'failed';
  return 'pending';
}

/** A refusal with a 4xx is a clear "no"; anything else (no answer, a 5xx) leaves the outcome open. */
export function isUncertain(err: unknown): boolean {
  if (err instanceof Stripe.errors.StripeError) return err instanceof Stripe.errors.StripeConnectionError || (err.statusCode ?? 500) >= 500;
  if (err instanceof PayPalError) return err.status >= 500;
  return true;
}

function describe(err: unknown): string {
  if (err instanceof Stripe.errors.StripeError) return `Stripe: ${err.message}`;
  if (err instanceof PayPalError) return `PayPal: ${err.message}${err.issue ? ` (${err.issue})` : ''}`;
  return `No clear answer from the payment provider: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1000);
}

export async function sendProviderRefund(clients: RefundClients, r: ProviderRefundRequest): Promise<ProviderRefundOutcome> {
  try {
    switch (r.provider) {
      case 'test':
        return { ok: true, externalId: `test_refund_${r.refundId}`, status: 'succeeded' };
      case 'stripe': {
        if (!clients.stripe)
          return { ok: false, externalId: null, uncertain: false, message: 'Card payments are not configured, so this refund cannot be sent.' };
        const refund = await clients.stripe.refunds.create(
          { payment_intent: r.paymentRef, amount: r.amountCents, metadata: { refundId: r.refundId } },
          { idempotencyKey: `refund-${r.refundId}` },
        );
        const status = stripeRefundStatus(refund.status);
        if (status === 'failed')
          return {
            ok: false,
            externalId: refund.id,
            uncertain: false,
            message: `Stripe: the refund ${refund.status === 'canceled' ? 'was canceled' : 'failed'}${refund.failure_reason ? ` (${refund.failure_reason})` : ''}`,
          };
        return { ok: true, externalId: refund.id, status };
      }
      case 'paypal': {
        if (!clients.paypal) return { ok: false, externalId: null, uncertain: false, message: 'PayPal is not configured, so this refund cannot be sent.' };
        const refund = await refundPayPalCapture(clients.paypal, r.paymentRef, r.amountCents, r.currency, `refund-${r.refundId}`);
        const status = paypalRefundStatus(refund.status);
        if (status === 'failed')
          return {
            ok: false,
            externalId: refund.id,
            uncertain: false,
            message: `PayPal: the refund ${refund.status === 'CANCELLED' ? 'was cancelled' : 'failed'}`,
          };
        return { ok: true, externalId: refund.id, status };
      }
    }
  } catch (err) {
    return { ok: false, externalId: null, uncertain: isUncertain(err), message: describe(err) };
  }
}
