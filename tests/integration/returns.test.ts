import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { PermissionError } from '@/lib/auth/permissions';
import { cancelUnpaidOrder } from '@/lib/orders/cancel';
import { findOrderPage, orderPass } from '@/lib/orders/order-page';
import { approveReturn } from '@/lib/returns/approve';
import { closeReturn } from '@/lib/returns/close';
import { receiveReturn } from '@/lib/returns/receive';
import { refundGoodwill, refundReturn, retryRefund } from '@/lib/returns/refund';
import { placeOrder } from '@/lib/checkout/place';
import type { Db } from '@/lib/db';
import { handleStripeWebhook, startStripeCheckout, stripeClient } from '@/lib/payments/stripe';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe';
import { rejectReturn } from '@/lib/returns/reject';
import { requestReturn } from '@/lib/returns/request';
import { ReturnError } from '@/lib/returns/states';
import type { StaffActor } from '@/lib/auth/permissions';
import { makeActor } from '../support/staff';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

const cart = testCartSettings;
const address = testCheckoutAddress;
const WINDOW = { windowDays: 30 };
const clients = {};

describeEachDatabase('returns and refunds', (ctx) => {
  let manager: StaffActor;
  let editor: StaffActor;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    editor = await makeActor(ctx.db, 'editor');
  });

  /** A paid order (test provider) with these lines; returns its id and its lines by SKU. */
  async function paidOrder(lines: [sku: string, quantity: number][]) {
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
      await ctx.db.variant.update({ where: { id: v.id }, data: { stock: { increment: quantity } } });
      const r = await addToCart(ctx.db, token, { variantId: v.id, quantity }, cart);
      token = r.newToken ?? token;
    }
    const r = await checkoutAndPay(ctx.db, token, { ...address, quote: quoteOf(await getCart(ctx.db, token, cart)) });
    if (r.kind !== 'paid') throw new Error(r.kind);
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { lines: true } });
    const line = (sku: string) => order.lines.find((l) => l.sku === sku)!;
    return { order, line };
  }

  const refused = async (p: Promise<unknown>, message: string) => {
    await expect(p).rejects.toBeInstanceOf(ReturnError);
    await expect(p).rejects.toThrow(message);
  };

  async function receivedReturn(sku: string, quantity: number, reason: 'too_small' | 'damaged' = 'too_small') {
    const o = await paidOrder([[sku, quantity]]);
    const r = await requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: o.line(sku).id, quantity, reason }] }, WINDOW);
    await approveReturn(ctx.db, manager, { returnId: r.returnId });
    const rl = await ctx.db.returnLine.findFirstOrThrow({ where: { returnId: r.returnId } });
    await receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [{ returnLineId: rl.id, receivedQuantity: quantity, restock: reason !== 'damaged' }] });
    return { ...o, returnId: r.returnId, number: r.number };
  }

  it('walks a return from request to refund: R- numbers, restock with history, order partially_refunded then refunded, one e-mail per step', async () => {
    const o = await paidOrder([
      ['YWS-S3638-BRO', 2],
      ['FCT-15CM-CAM', 1],
    ]);
    const sock = o.line('YWS-S3638-BRO');
    const r = await requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: sock.id, quantity: 2, reason: 'damaged' }] }, WINDOW);
    expect(r.number).toMatch(/^R-5\d{3}$/);
    await approveReturn(ctx.db, manager, { returnId: r.returnId, message: 'Send them to our Ulaanbaatar workshop.' });
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { id: sock.variantId! } });
    const rl = await ctx.db.returnLine.findFirstOrThrow({ where: { returnId: r.returnId } });
    await receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [{ returnLineId: rl.id, receivedQuantity: 2, restock: true }] });
    const after = await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id }, include: { stockChanges: { orderBy: { createdAt: 'desc' }, take: 1 } } });
    expect(after.stock).toBe(v.stock + 2);
    expect(after.stockChanges[0]).toMatchObject({ delta: 2, stockAfter: v.stock + 2, reason: `Return ${r.number}`, actorId: manager.id });

    const refund = await refundReturn(ctx.db, manager, { returnId: r.returnId }, clients);
    // Damaged: the items and the shipping.
    expect(refund).toMatchObject({ kind: 'succeeded', amountCents: sock.unitPriceCents * 2 + o.order.shippingCents });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: o.order.id } })).status).toBe('partially_refunded');
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('refunded');

    // The rest as goodwill: the order is refunded in full, and nothing more can go back.
    const rest = o.order.totalCents - refund.amountCents;
    await refused(
      refundGoodwill(ctx.db, manager, { orderId: o.order.id, amount: rest + 1, note: 'Sorry' }, clients),
      `Only $${(rest / 100).toFixed(2)} of this order can still be refunded.`,
    );
    expect(await refundGoodwill(ctx.db, manager, { orderId: o.order.id, amount: rest, note: 'The felt was late' }, clients)).toMatchObject({
      kind: 'succeeded',
    });
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: o.order.id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(order.status).toBe('refunded');
    expect(order.events.map((e) => e.to)).toEqual(['pending', 'paid', 'partially_refunded', 'refunded']);
    await refused(refundGoodwill(ctx.db, manager, { orderId: o.order.id, amount: 1, note: 'More' }, clients), 'This order was already refunded in full.');

    const events = await ctx.db.returnEvent.findMany({ where: { returnId: r.returnId }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.to)).toEqual(['requested', 'approved', 'received', 'refunded']);
    const mail = await ctx.db.outboxMessage.findMany({ where: { dedupeKey: { endsWith: `:${r.returnId}` } }, orderBy: { createdAt: 'asc' } });
    expect(mail.map((m) => m.dedupeKey.split(':')[0])).toEqual(['return-requested', 'return-approved', 'return-received', 'return-refunded']);
    expect(mail[1]!.text).toContain('A note from us: Send them to our Ulaanbaatar workshop.');
    expect(mail[3]!.subject).toBe(`Refund sent for return ${r.number}`);
    expect(await ctx.db.auditEntry.count({ where: { entityId: r.returnId, actorId: manager.id } })).toBe(2);
    await closeReturn(ctx.db, manager, { returnId: r.returnId });
    await refused(closeReturn(ctx.db, manager, { returnId: r.returnId }), 'This return was already closed.');
    // Closing after the refund is bookkeeping: no e-mail.
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `return-closed:${r.returnId}` } })).toBe(0);

    // The customer's order page lists the return and both refunds.
    const page = await findOrderPage(
      ctx.db,
      { segment: `MN-${order.number}`, linkToken: null, passToken: await orderPass(ctx.db, order.number, undefined), cartToken: null },
      undefined,
    );
    expect(page!.returns).toEqual([
      { number: r.number, status: 'closed', items: 2, at: expect.any(String), message: 'Send them to our Ulaanbaatar workshop.' },
    ]);
    expect(page!.refunds.map((x) => [x.amount.amount, x.status, x.returnNumber])).toEqual([
      [refund.amountCents, 'succeeded', r.number],
      [rest, 'succeeded', null],
    ]);
    // A refund still at the provider is shown as in progress; a failed attempt (staff's to retry) is not shown.
    const row = {
      orderId: o.order.id,
      kind: 'goodwill' as const,
      provider: 'test' as const,
      paymentRef: 'test_x',
      amountCents: 100,
      currency: 'USD',
      note: 'x',
    };
    await ctx.db.refund.create({ data: { ...row, status: 'failed', createdAt: new Date(Date.now() + 1000) } });
    await ctx.db.refund.create({ data: { ...row, status: 'pending', createdAt: new Date(Date.now() + 2000) } });
    const later = await findOrderPage(
      ctx.db,
      { segment: `MN-${order.number}`, linkToken: null, passToken: await orderPass(ctx.db, order.number, undefined), cartToken: null },
      undefined,
    );
    expect(later!.refunds.map((x) => [x.amount.amount, x.status])).toEqual([
      [refund.amountCents, 'succeeded'],
      [rest, 'succeeded'],
      [100, 'pending'],
    ]);
    // A refunded order cannot be cancelled: it says why.
    expect(await ctx.db.$transaction((tx) => cancelUnpaidOrder(tx, o.order.id, 'Bat', new Date()))).toEqual({
      kind: 'refused',
      message: 'This order was already refunded in full.',
    });
  });

  it('refuses a return above what was bought minus what is returned or asked for, a final-sale line, and one outside the window', async () => {
    const o = await paidOrder([['FCT-15CM-CAM', 2]]);
    const line = o.line('FCT-15CM-CAM');
    const ask = (quantity: number, now = new Date()) =>
      requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: line.id, quantity, reason: 'too_large' }] }, WINDOW, now);
    const before = await ctx.db.return.count();
    await refused(ask(3), 'you can return at most 2 more.');
    const first = await ask(1);
    await refused(ask(2), 'you can return at most 1 more.');
    // A rejected return gives its quantity back.
    await rejectReturn(ctx.db, manager, { returnId: first.returnId, message: 'Worn, sorry.' });
    await ask(2);
    await refused(ask(1), 'every item bought is already returned or in a return.');
    const late = new Date(o.order.paidAt!.getTime() + 31 * 86_400_000);
    await refused(
      requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_large' }] }, WINDOW, late),
      'Returns are accepted for 30 days after payment',
    );
    expect(await ctx.db.return.count()).toBe(before + 2);

    await ctx.db.orderLine.update({ where: { id: line.id }, data: { finalSale: true } });
    const o2 = await paidOrder([['FCT-15CM-CAM', 1]]);
    await ctx.db.orderLine.update({ where: { id: o2.line('FCT-15CM-CAM').id }, data: { finalSale: true } });
    await refused(
      requestReturn(ctx.db, { orderId: o2.order.id, lines: [{ orderLineId: o2.line('FCT-15CM-CAM').id, quantity: 1, reason: 'changed_mind' }] }, WINDOW),
      'was sold as final sale and cannot be returned.',
    );
  });

  it('snapshots final sale on the order line when the order is placed', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'YWS-S3638-BRO' }, select: { productId: true } });
    await ctx.db.product.update({ where: { id: v.productId }, data: { finalSale: true } });
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    await ctx.db.product.update({ where: { id: v.productId }, data: { finalSale: false } });
    expect(o.line('YWS-S3638-BRO').finalSale).toBe(true);
  });

  it('two staff refunding the same return at once: one refund, the other a sentence', async () => {
    const r = await receivedReturn('FCT-15CM-CAM', 1);
    const results = await Promise.allSettled([
      refundReturn(ctx.db, manager, { returnId: r.returnId }, clients),
      refundReturn(ctx.db, manager, { returnId: r.returnId }, clients),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ReturnError);
    expect(['A refund for this return is already on its way.', 'This return was already refunded.']).toContain((failure.reason as Error).message);
    expect(await ctx.db.refund.count({ where: { returnId: r.returnId } })).toBe(1);
  });

  it('a return closed before any refund tells the customer, once', async () => {
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    const r = await requestReturn(
      ctx.db,
      { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'too_small' }] },
      WINDOW,
    );
    await approveReturn(ctx.db, manager, { returnId: r.returnId });
    await closeReturn(ctx.db, manager, { returnId: r.returnId, note: 'Parcel never came' });
    const mail = await ctx.db.outboxMessage.findMany({ where: { dedupeKey: `return-closed:${r.returnId}` } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Return ${r.number} is closed`);
    expect(mail[0]!.text).toContain('without a refund');
    // The staff note stays with staff.
    expect(mail[0]!.text).not.toContain('Parcel never came');
  });

  it('two staff approving at once: one approves, the other is told it already was', async () => {
    const o = await paidOrder([['FCT-15CM-CAM', 1]]);
    const r = await requestReturn(
      ctx.db,
      { orderId: o.order.id, lines: [{ orderLineId: o.line('FCT-15CM-CAM').id, quantity: 1, reason: 'too_small' }] },
      WINDOW,
    );
    const results = await Promise.allSettled([
      approveReturn(ctx.db, manager, { returnId: r.returnId }),
      approveReturn(ctx.db, manager, { returnId: r.returnId }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason as Error).message).toBe('This return was already approved.');
    expect(await ctx.db.returnEvent.count({ where: { returnId: r.returnId, to: 'approved' } })).toBe(1);
    await refused(receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [] as never }), 'Mark every line of this return once');
    await refused(refundReturn(ctx.db, manager, { returnId: r.returnId }, clients), 'This return cannot be refunded: its parcel has not been received yet.');
    // Nothing from the refused receive was kept: still approved.
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('approved');
  });

  it('a refund above the proposal or the remainder is refused and writes nothing; a lower one is a partial refund', async () => {
    const r = await receivedReturn('FCT-15CM-CAM', 1);
    const unit = r.line('FCT-15CM-CAM').unitPriceCents;
    const before = await ctx.db.refund.count();
    await refused(
      refundReturn(ctx.db, manager, { returnId: r.returnId, amount: unit + 1 }, clients),
      `This return can be refunded at most $${(unit / 100).toFixed(2)}.`,
    );
    // Most of the order given back as goodwill first: the return's proposal no longer fits.
    await refundGoodwill(ctx.db, manager, { orderId: r.order.id, amount: r.order.totalCents - 100, note: 'Parcel lost for weeks' }, clients);
    await refused(refundReturn(ctx.db, manager, { returnId: r.returnId, amount: 101 }, clients), 'Only $1.00 of this order can still be refunded.');
    expect(await ctx.db.refund.count()).toBe(before + 1);
    expect(await refundReturn(ctx.db, manager, { returnId: r.returnId, amount: 100 }, clients)).toMatchObject({ kind: 'succeeded', amountCents: 100 });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: r.order.id } })).status).toBe('refunded');
  });

  it('damaged items are not restocked; staff need the orders permission', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    const r = await receivedReturn('FCT-15CM-CAM', 1, 'damaged');
    // paidOrder added one unit to stock and the order took it: unchanged by a damaged return.
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock);
    await expect(refundReturn(ctx.db, editor, { returnId: r.returnId }, clients)).rejects.toBeInstanceOf(PermissionError);
    await expect(approveReturn(ctx.db, null, { returnId: r.returnId })).rejects.toBeInstanceOf(PermissionError);
    expect(await ctx.db.refund.count({ where: { returnId: r.returnId } })).toBe(0);
  });
});

const WEBHOOK_SECRET = 'whsec_test_returns';

describeEachDatabase('refunds through Stripe (the real SDK against the local fake)', (ctx) => {
  let fake: FakeStripe;
  let receiver: http.Server;
  let manager: StaffActor;
  const settings = () => ({ secretKey: 'sk_test_returns', webhookSecret: WEBHOOK_SECRET, apiBase: fake.url });
  const stripeClients = () => ({ stripe: stripeClient(settings()) });

  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        void handleStripeWebhook(
          ctx.db as Db,
          stripeClient(settings()),
          raw,
          (req.headers['stripe-signature'] as string | undefined) ?? '',
          WEBHOOK_SECRET,
        ).then((r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body)));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, webhookUrl: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/` });
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise((r) => receiver?.close(r));
  });

  /** A card order paid through the fake's hosted page: the Payment row holds the payment intent. */
  async function paidByCard(sku: string) {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
    await ctx.db.variant.update({ where: { id: v.id }, data: { stock: { increment: 1 } } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, cart);
    const input = { ...address, payment: 'card' as const, quote: quoteOf(await getCart(ctx.db, r.newToken, cart)) };
    const placed = await placeOrder(ctx.db, r.newToken, input, 'stripe', { cart, holdMinutes: 30 });
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    const session = await startStripeCheckout(stripeClient(settings()), placed.order, 'http://127.0.0.1:3000');
    await ctx.db.order.update({ where: { id: placed.order.id }, data: { providerRef: session.sessionId } });
    await fake.pay(session.sessionId);
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: placed.order.id }, include: { payments: true, lines: true } });
    expect(order.status).toBe('paid');
    return { order, intent: order.payments[0]!.externalId };
  }

  it('a provider error is recorded as failed with its message, nothing refunded; the retry pays once', async () => {
    for (const failure of ['unavailable', 'lost-response'] as const) {
      const { order, intent } = await paidByCard('FCT-15CM-CAM');
      fake.failNextRefund(failure);
      const first = await refundGoodwill(ctx.db, manager, { orderId: order.id, amount: 500, note: 'Late parcel' }, stripeClients());
      if (failure === 'unavailable' || first.kind === 'failed') {
        expect(first.kind, failure).toBe('failed');
        expect((first as { message: string }).message).toMatch(/^Stripe: /);
      } else {
        // lost-response: Stripe made the refund and its webhook can beat the lost answer home; then the refund is already succeeded.
        expect(first.kind, failure).toBe('succeeded');
      }
      await fake.idle();
      const row = await ctx.db.refund.findUniqueOrThrow({ where: { id: first.refundId } });
      if (failure === 'unavailable') {
        // Stripe never ran it: failed, and the order is untouched.
        expect(row).toMatchObject({ status: 'failed', externalId: null, uncertain: true });
        expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
        // It might have been made: a second refund, which would pay twice, waits for its retry.
        await expect(refundGoodwill(ctx.db, manager, { orderId: order.id, amount: 500, note: 'Late parcel' }, stripeClients())).rejects.toThrow(
          'An earlier refund on this order got no clear answer from the payment provider',
        );
      }
      const again = await retryRefund(ctx.db, manager, { refundId: first.refundId }, stripeClients()).catch((e: Error) => e);
      await fake.idle();
      // lost-response: Stripe's webhook may already have told us it succeeded; the retry is then refused and changes nothing.
      if (again instanceof Error) expect(again.message).toBe('This refund was already made.');
      else expect(again.kind).toBe('succeeded');
      expect([...fake.refunds.values()].filter((r) => r.payment_intent === intent)).toHaveLength(1);
      expect(await ctx.db.refund.findUniqueOrThrow({ where: { id: first.refundId } })).toMatchObject({ status: 'succeeded', amountCents: 500 });
      expect(await ctx.db.refund.count({ where: { orderId: order.id } })).toBe(1);
      expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('partially_refunded');
    }
  });

  it('the same goodwill form posted twice (a double click, a reload) records one refund', async () => {
    const { order, intent } = await paidByCard('FCT-15CM-CAM');
    const input = { orderId: order.id, amount: 300, note: 'Scratched box', requestKey: 'form-key-0123456789abcdef' };
    const both = await Promise.allSettled([refundGoodwill(ctx.db, manager, input, stripeClients()), refundGoodwill(ctx.db, manager, input, stripeClients())]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const no = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((no.reason as Error).message).toBe('This refund was already recorded: see the refunds on this page (retry it there if it failed).');
    await fake.idle();
    expect(await ctx.db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === intent)).toHaveLength(1);
  });

  it('a refund made in Stripe’s dashboard is reconciled once, however often and in whatever order its events arrive', async () => {
    const { order, intent } = await paidByCard('FCT-15CM-CAM');
    fake.setDelivery('duplicate');
    const refund = await fake.dashboardRefund(intent, 700);
    fake.setDelivery('normal');
    const mine = fake.refundEvents.filter((e) => e.request.id === null && JSON.stringify(e.data.object).includes(refund.id));
    for (const e of [...mine].reverse()) await fake.resend(e.id);
    const rows = await ctx.db.refund.findMany({ where: { orderId: order.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'external', status: 'succeeded', amountCents: 700, externalId: refund.id, provider: 'stripe' });
    const after = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(after.status).toBe('partially_refunded');
    expect(after.events.filter((e) => e.to === 'partially_refunded')).toHaveLength(1);
    // The rest, also from the dashboard: refunded in full; what remains for staff is nothing.
    await fake.dashboardRefund(intent);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('refunded');
    await expect(refundGoodwill(ctx.db, manager, { orderId: order.id, amount: 1, note: 'More' }, stripeClients())).rejects.toThrow(
      'This order was already refunded in full.',
    );
  });

  it('a refund that fails after it had succeeded takes the order’s status back down, once per event however often it arrives', async () => {
    const { order, intent } = await paidByCard('FCT-15CM-CAM');
    const part = await fake.dashboardRefund(intent, 700);
    const rest = await fake.dashboardRefund(intent);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('refunded');
    await fake.failRefundLater(rest.id);
    const late = fake.refundEvents.at(-1)!;
    await fake.resend(late.id);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('partially_refunded');
    expect(await ctx.db.refund.findFirstOrThrow({ where: { externalId: rest.id } })).toMatchObject({
      status: 'failed',
      failureMessage: 'Stripe reports that the refund failed',
    });
    await fake.failRefundLater(part.id);
    const after = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(after.status).toBe('paid');
    expect(after.events.map((e) => e.to)).toEqual(['pending', 'paid', 'partially_refunded', 'refunded', 'partially_refunded', 'paid']);
    // A dashboard refund is not ours to send again.
    const failed = await ctx.db.refund.findFirstOrThrow({ where: { externalId: part.id } });
    await expect(retryRefund(ctx.db, manager, { refundId: failed.id }, stripeClients())).rejects.toThrow(
      'This refund was made in the payment provider’s own dashboard: make it again there, or give a goodwill refund here.',
    );
    // Nothing went back, so everything can be refunded again.
    expect(await refundGoodwill(ctx.db, manager, { orderId: order.id, amount: order.totalCents, note: 'Again' }, stripeClients())).toMatchObject({
      kind: 'succeeded',
    });
  });

  it('a return refunded by card: our refund and its webhook agree on one row, and the customer is e-mailed once', async () => {
    const { order } = await paidByCard('FCT-15CM-CAM');
    const line = order.lines[0]!;
    const r = await requestReturn(ctx.db, { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1, reason: 'not_as_described' }] }, WINDOW);
    await approveReturn(ctx.db, manager, { returnId: r.returnId });
    const rl = await ctx.db.returnLine.findFirstOrThrow({ where: { returnId: r.returnId } });
    await receiveReturn(ctx.db, manager, { returnId: r.returnId, lines: [{ returnLineId: rl.id, receivedQuantity: 1, restock: true }] });
    const out = await refundReturn(ctx.db, manager, { returnId: r.returnId }, stripeClients());
    await fake.idle();
    expect(out).toMatchObject({ kind: 'succeeded', amountCents: order.totalCents });
    expect(await ctx.db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('refunded');
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('refunded');
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `return-refunded:${r.returnId}` } })).toBe(1);

    // Later Stripe says the refund failed (a closed card): the return is open for a new refund, which goes through once.
    await fake.failRefundLater((await ctx.db.refund.findFirstOrThrow({ where: { returnId: r.returnId } })).externalId!);
    const reopened = await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(reopened.status).toBe('received');
    expect(reopened.events.at(-1)).toMatchObject({ from: 'refunded', to: 'received', note: expect.stringContaining('failed after it had succeeded') });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
    expect(await refundReturn(ctx.db, manager, { returnId: r.returnId }, stripeClients())).toMatchObject({ kind: 'succeeded', amountCents: order.totalCents });
    await fake.idle();
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: r.returnId } })).status).toBe('refunded');
    expect(await ctx.db.refund.count({ where: { returnId: r.returnId, status: 'succeeded' } })).toBe(1);
  });
});
