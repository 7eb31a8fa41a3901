import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/permissions';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { quoteOf } from '@/lib/checkout/quote';
import { formatMajorUnits } from '@/lib/money';
import { finishPayPal, startPayPal } from '@/lib/checkout/service';
import { approveReturn } from '@/lib/returns/approve';
import { receiveReturn } from '@/lib/returns/receive';
import { refundReturn, retryRefund } from '@/lib/returns/refund';
import { requestReturn } from '@/lib/returns/request';
import { startFakePayPal, type FakePayPal } from '../fakes/paypal';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';
import { makeActor } from '../support/staff';

/**
 * A PayPal order's return, refunded in part through PayPal's captures/{id}/refund on the local
 * fake: the amount, the currency and the PayPal-Request-Id; a 503 then a retry pays once.
 */
const cart = testCartSettings;
const place = { cart, holdMinutes: 30 };

describeEachDatabase('returns refunded through PayPal', (ctx) => {
  let fake: FakePayPal;
  let manager: StaffActor;
  const paypal = () => ({ clientId: 'client-id', clientSecret: 'client-secret', apiBase: fake.url });

  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    fake = await startFakePayPal({ clientId: 'client-id', clientSecret: 'client-secret' });
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Two lines paid with PayPal (approved at the fake, captured by the shop). */
  async function paypalOrder() {
    let token: string | null = null;
    for (const sku of ['YWS-S3638-BRO', 'FCT-15CM-CAM']) {
      const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
      await ctx.db.variant.update({ where: { id: v.id }, data: { stock: { increment: 1 } } });
      const r = await addToCart(ctx.db, token, { variantId: v.id, quantity: 1 }, cart);
      token = r.newToken ?? token;
    }
    const input = { ...testCheckoutAddress, payment: 'paypal' as const, quote: quoteOf(await getCart(ctx.db, token, cart)) };
    const started = await startPayPal(ctx.db, token!, input, new Date(), paypal(), place);
    if (started.kind !== 'created') throw new Error(started.kind);
    fake.approve(started.paypalOrderId);
    const paid = await finishPayPal(ctx.db, token!, started.paypalOrderId, new Date(), paypal());
    if (paid.kind !== 'paid') throw new Error(paid.kind);
    return ctx.db.order.findUniqueOrThrow({ where: { providerRef: started.paypalOrderId }, include: { lines: true, payments: true } });
  }

  it('returns one line of two and refunds part of it to the PayPal capture; a failed call retried pays once', async () => {
    const order = await paypalOrder();
    expect(order.status).toBe('paid');
    const capture = order.payments[0]!.externalId;
    const line = order.lines.find((l) => l.sku === 'YWS-S3638-BRO')!;
    const r = await requestReturn(ctx.db, { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_small' }] }, { windowDays: 30 });
    await approveReturn(ctx.db, manager, { returnId: r.returnId });
    const rl = await ctx.db.returnLine.findFirstOrThrow({ where: { returnId: r.returnId } });
    await receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [{ returnLineId: rl.id, receivedQuantity: 1, restock: true }] });

    // Too small: the item only, no shipping; staff lower it by $4.00 (a partial refund).
    const partial = line.unitPriceCents - 400;
    fake.failNextRefund();
    const first = await refundReturn(ctx.db, manager, { returnId: r.returnId, amount: partial }, { paypal: paypal() });
    expect(first).toMatchObject({ kind: 'failed' });
    expect(fake.refunds.size).toBe(0);
    const failed = await ctx.db.refund.findFirstOrThrow({ where: { returnId: r.returnId } });
    expect(failed).toMatchObject({ status: 'failed', amountCents: partial, provider: 'paypal', paymentRef: capture });
    expect(failed.failureMessage).toMatch(/^PayPal: /);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');

    const again = await retryRefund(ctx.db, manager, { refundId: failed.id }, { paypal: paypal() });
    expect(again).toMatchObject({ kind: 'succeeded', amountCents: partial });
    // Retrying once more (a double click) finds it done: still one refund at PayPal.
    await retryRefund(ctx.db, manager, { refundId: failed.id }, { paypal: paypal() }).catch(() => undefined);
    expect(fake.refunds.size).toBe(1);
    const [sent] = [...fake.refunds.values()];
    expect(sent!.amount).toEqual({ currency_code: 'USD', value: formatMajorUnits(partial) });
    const refundCalls = fake.lastRequests.filter((q) => q.path.endsWith(`/captures/${capture}/refund`));
    expect(new Set(refundCalls.map((q) => q.headers['paypal-request-id'])).size).toBe(1);

    const after = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe('partially_refunded');
    expect(await ctx.db.refund.findFirstOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'succeeded', externalId: sent!.id });
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('refunded');
  });
});
