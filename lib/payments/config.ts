import { isIPv4 } from 'node:net';
import type { ShopConfig } from '../config';

/**
 * Which ways to pay are on. Card needs Stripe's keys, PayPal its client id and secret. The test
 * provider (pays at once, no money moves) is what lets a fresh clone take an order end to end; it
 * is not tied to NODE_ENV but to where the shop lives: on when no real provider is configured and
 * SITE_URL is a local address (the default), or with PAYMENTS_TEST_MODE=1; off with
 * PAYMENTS_TEST_MODE=0, and off as soon as a shop sets a public SITE_URL, so a real deployment
 * that forgot its keys takes no free orders.
 */
export interface PaymentMethods {
  card: boolean;
  paypal: boolean;
  test: boolean;
}

export function isLocalUrl(siteUrl: string): boolean {
  // The URL parser gives IPv6 hosts in brackets and every IPv4 host in its dotted form (127.1 → 127.0.0.1).
  const host = new URL(siteUrl).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'));
}

export function paymentMethods(
  c: Pick<ShopConfig, 'SITE_URL' | 'PAYMENTS_TEST_MODE' | 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'PAYPAL_CLIENT_ID' | 'PAYPAL_CLIENT_SECRET'>,
): PaymentMethods {
  const card = Boolean(c.STRIPE_SECRET_KEY && c.STRIPE_WEBHOOK_SECRET);
  const paypal = Boolean(c.PAYPAL_CLIENT_ID && c.PAYPAL_CLIENT_SECRET);
  const test = c.PAYMENTS_TEST_MODE === '1' || (c.PAYMENTS_TEST_MODE === undefined && !card && !paypal && isLocalUrl(c.SITE_URL));
  return { card, paypal, test };
}
