import 'server-only';
import { shopConfig, type ShopConfig } from '../config';
import { paypalSettings, stripeSettings } from '../checkout/service';
import type { RefundClients } from './refunds';
import { stripeClient } from './stripe';

/** The providers a refund can go back through, as the shop is configured (a provider not configured is null: its refunds fail with a sentence). */
export function refundClients(c: ShopConfig = shopConfig()): RefundClients {
  const stripe = stripeSettings(c);
  return { stripe: stripe ? stripeClient(stripe) : null, paypal: paypalSettings(c) };
}
