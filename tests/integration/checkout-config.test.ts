import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { quoteOf } from '@/lib/checkout/quote';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

/**
 * Checkout as the shop is configured (lib/checkout/service.ts reads the environment once per module load):
 * each way to pay refused in words when it is off, and nothing placed; card through Stripe's hosted page
 * when it is on, one session per order however often the shopper presses Pay, the old one closed when
 * the shopper changes the order.
 */
type Service = typeof import('@/lib/checkout/service');

/** The checkout service as a shop with this environment runs it (a fresh module graph, so a fresh configuration). */
async function serviceWith(env: Record<string, string | undefined>): Promise<Service> {
  vi.unstubAllEnvs();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('@/lib/checkout/service');
}

const noProviders = {
  SITE_URL: 'http://127.0.0.1:3000',
  STRIPE_SECRET_KEY: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  STRIPE_API_BASE: undefined,
  PAYPAL_CLIENT_ID: undefined,
  PAYPAL_CLIENT_SECRET: undefined,
};

describeEachDatabase('checkout as configured', (ctx) => {
  let stripe: FakeStripe;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    stripe = await startFakeStripe({ webhookSecret: 'whsec_config' });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await stripe?.close();
  });

  async function cartWith(sku: string): Promise<{ token: string; input: CheckoutInput }> {
    const v = await ctx.db.variant.update({ where: { sku }, data: { stock: { increment: 1 } } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, testCartSettings);
    return { token: r.newToken!, input: { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, r.newToken, testCartSettings)) } };
  }

  describe('a way to pay that is off', () => {
    it('is refused in words, and places no order', async () => {
      const service = await serviceWith({ ...noProviders, PAYMENTS_TEST_MODE: '0' });
      const s = await cartWith('FCT-15CM-CAM');
      const before = await ctx.db.order.count();
      expect(await service.checkoutAndPay(ctx.db, s.token, { ...s.input, payment: 'test' })).toEqual({
        kind: 'unavailable',
        message: 'Test payments are off in this shop. Choose another way to pay.',
      });
      expect(await service.checkoutAndPay(ctx.db, s.token, { ...s.input, payment: 'card' })).toEqual({
        kind: 'unavailable',
        message: 'Card payments are not set up in this shop yet. Please call us to order.',
      });
      // The form's own submit with PayPal chosen (no JavaScript): PayPal needs its button.
      expect(await service.checkoutAndPay(ctx.db, s.token, { ...s.input, payment: 'paypal' })).toEqual({
        kind: 'unavailable',
        message: 'PayPal opens in its own window: use the PayPal button (it needs JavaScript).',
      });
      expect(await service.startPayPal(ctx.db, s.token, { ...s.input, payment: 'paypal' })).toEqual({
        kind: 'unavailable',
        message: 'PayPal is not set up in this shop yet. Choose another way to pay.',
      });
      expect(await service.finishPayPal(ctx.db, s.token, 'PAYPAL-ORDER-1')).toEqual({ kind: 'not-found' });
      expect(await ctx.db.order.count()).toBe(before);
      expect(service.stripeSettings()).toBeNull();
      expect(service.paypalSettings()).toBeNull();
    });

    it('the test provider is on in a local shop without providers, and pays at once; a cart that changed is not placed', async () => {
      const service = await serviceWith({ ...noProviders, PAYMENTS_TEST_MODE: undefined, ORDER_HOLD_MINUTES: '45' });
      expect(service.placeSettings().holdMinutes).toBe(45);
      const s = await cartWith('SLP-SMALL-TAN');
      const changed = await service.checkoutAndPay(ctx.db, s.token, { ...s.input, quote: 'f'.repeat(64) });
      expect(changed).toMatchObject({ kind: 'not-placed', result: { kind: 'changed' } });
      const r = await service.checkoutAndPay(ctx.db, s.token, { ...s.input, payment: 'test' });
      if (r.kind !== 'paid') throw new Error(r.kind);
      const order = await ctx.db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { payments: true, events: { orderBy: { createdAt: 'asc' } } } });
      expect(order.status).toBe('paid');
      expect(order.payments.map((p) => [p.provider, p.externalId, p.amountCents, p.currency])).toEqual([['test', `test_${order.id}`, order.totalCents, 'USD']]);
      expect(order.events[0]!.note).toBe('Placed; stock held for 45 minutes');
      expect(order.expiresAt.getTime() - order.createdAt.getTime()).toBe(45 * 60_000);
    });
  });

  describe('card payments through Stripe', () => {
    let service: Service;
    beforeAll(async () => {
      service = await serviceWith({
        ...noProviders,
        STRIPE_SECRET_KEY: 'sk_test_config',
        STRIPE_WEBHOOK_SECRET: 'whsec_config',
        STRIPE_API_BASE: stripe.url,
        SITE_URL: 'http://127.0.0.1:3999',
      });
    });

    it('are configured from the environment', () => {
      expect(service.stripeSettings()).toEqual({ secretKey: 'sk_test_config', webhookSecret: 'whsec_config', apiBase: stripe.url });
    });

    it('go to Stripe’s page for the order; pressing Pay again returns the same session; a changed order closes the old one', async () => {
      const s = await cartWith('GCN-M-CHA');
      const card = { ...s.input, payment: 'card' as const };
      const first = await service.checkoutAndPay(ctx.db, s.token, card);
      if (first.kind !== 'redirect') throw new Error(first.kind);
      const order = await ctx.db.order.findFirstOrThrow({ where: { providerRef: { not: null }, email: card.email }, orderBy: { createdAt: 'desc' } });
      const session = stripe.sessions.get(order.providerRef!)!;
      expect(first.url).toBe(session.url);
      expect(session.success_url).toBe('http://127.0.0.1:3999/checkout/success?session_id={CHECKOUT_SESSION_ID}');
      expect(session.metadata).toEqual({ orderId: order.id, orderNumber: `MN-${order.number}` });

      const again = await service.checkoutAndPay(ctx.db, s.token, card);
      expect(again).toEqual(first);
      expect([...stripe.sessions.values()].filter((x) => x.client_reference_id === order.id)).toHaveLength(1);

      const moved = await service.checkoutAndPay(ctx.db, s.token, { ...card, city: 'Erdenet' });
      if (moved.kind !== 'redirect') throw new Error(moved.kind);
      expect(moved.url).not.toBe(first.url);
      await stripe.idle();
      expect(stripe.sessions.get(order.providerRef!)!.status).toBe('expired');
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
    });
  });
});
