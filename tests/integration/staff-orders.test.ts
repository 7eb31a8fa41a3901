import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import type { CheckoutInput } from '@/lib/checkout/input';
import { placeOrder } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { flagOrder } from '@/lib/checkout/transitions';
import { cancelUnpaidOrder } from '@/lib/orders/cancel';
import { sendShippedEmail, shipmentSchema, shipOrder } from '@/lib/orders/ship';
import { listStaffOrders } from '@/lib/orders/staff-list';
import { cancelOrderAsStaff, shipOrderAsStaff } from '@/lib/orders/staff';
import { PermissionError } from '@/lib/auth/permissions';
import { refundGoodwill } from '@/lib/returns/refund';
import { makeActor } from '../support/staff';
import { parseStaffOrderQuery } from '@/lib/orders/staff-query';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

const cart = testCartSettings;
const address = testCheckoutAddress;

describeEachDatabase('staff handle orders', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function cartWith(sku: string, quantity = 1, email = address.email): Promise<{ token: string; input: CheckoutInput }> {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity }, cart);
    return { token: r.newToken!, input: { ...address, email, quote: quoteOf(await getCart(ctx.db, r.newToken, cart)) } };
  }

  async function paidOrder(sku = 'YWS-S3638-BRO', email = address.email): Promise<string> {
    const s = await cartWith(sku, 1, email);
    const r = await checkoutAndPay(ctx.db, s.token, s.input);
    if (r.kind !== 'paid') throw new Error(r.kind);
    return r.orderId;
  }

  const ship = (orderId: string, trackingNumber = 'JD014600003828') =>
    ctx.db.$transaction((tx) => shipOrder(tx, shipmentSchema.parse({ orderId, carrier: 'DHL Express', trackingNumber }), new Date()));

  it('marks a paid order shipped with its carrier and tracking number, writes the history, and e-mails the customer once', async () => {
    const id = await paidOrder();
    expect(await ship(id)).toEqual({ kind: 'shipped', from: 'paid' });
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(order).toMatchObject({ status: 'shipped', shippingCarrier: 'DHL Express', trackingNumber: 'JD014600003828' });
    expect(order.shippedAt).toBeInstanceOf(Date);
    expect(order.events.at(-1)).toMatchObject({ from: 'paid', to: 'shipped', note: 'Shipped with DHL Express, tracking number JD014600003828' });
    await sendShippedEmail(ctx.db, id);
    await sendShippedEmail(ctx.db, id);
    const mail = await ctx.db.outboxMessage.findMany({ where: { dedupeKey: `order-shipped:${id}` } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe('oyuna@example.com');
    expect(mail[0]!.subject).toBe(`Order MN-${order.number} is on its way`);
    expect(mail[0]!.text).toContain('Tracking number: JD014600003828');
    expect(mail[0]!.text).toContain('to DHL Express.');
    expect(mail[0]!.html).toContain('JD014600003828');
    expect(mail[0]!.text).toMatch(/\/orders\/MN-\d{6,9}\?token=\d+\.[A-Za-z0-9_-]{43}/);
  });

  it('two staff shipping the same order at once: one ships it, the other is told it already was', async () => {
    const id = await paidOrder();
    const results = await Promise.all([ship(id, 'AAAA1111'), ship(id, 'BBBB2222')]);
    expect(results.filter((r) => r.kind === 'shipped')).toHaveLength(1);
    expect(results.find((r) => r.kind === 'refused')).toEqual({ kind: 'refused', message: 'This order was already marked as shipped.' });
    expect(await ctx.db.orderEvent.count({ where: { orderId: id, to: 'shipped' } })).toBe(1);
  });

  it('never ships an unpaid, cancelled or flagged order, and says why', async () => {
    const s = await cartWith('FCT-15CM-CAM');
    const placed = await placeOrder(ctx.db, s.token, s.input, 'stripe', { cart, holdMinutes: 30 });
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    expect(await ship(placed.order.id)).toEqual({ kind: 'refused', message: 'This order is not paid yet, so it cannot be shipped.' });
    const flagged = await paidOrder('FCT-15CM-CAM');
    await ctx.db.$transaction((tx) => flagOrder(tx, flagged, 'stripe reported $1.00 USD'));
    expect(await ship(flagged)).toEqual({
      kind: 'refused',
      message: 'This order is flagged and cannot ship until it is resolved: stripe reported $1.00 USD',
    });
    expect(await ship('c' + 'z'.repeat(24))).toEqual({ kind: 'refused', message: 'That order does not exist.' });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: flagged } })).status).toBe('paid');
    await ctx.db.$transaction((tx) => cancelUnpaidOrder(tx, placed.order.id, 'Bat', new Date()));
    expect(await ship(placed.order.id)).toEqual({ kind: 'refused', message: 'This order was cancelled, so it cannot be shipped.' });
    const s2 = await cartWith('FCT-15CM-CAM');
    const lapsed = await placeOrder(ctx.db, s2.token, s2.input, 'stripe', { cart, holdMinutes: 30 });
    if (lapsed.kind !== 'placed') throw new Error(lapsed.kind);
    await ctx.db.order.update({ where: { id: lapsed.order.id }, data: { status: 'expired' } });
    expect(await ship(lapsed.order.id)).toEqual({ kind: 'refused', message: 'This order expired unpaid, so it cannot be shipped.' });
  });

  it('refuses a shipment form with a blank carrier or a made-up tracking number, with a sentence for each', () => {
    const orderId = 'c' + 'a'.repeat(24);
    const errors = (input: unknown) => (shipmentSchema.safeParse(input).error?.issues ?? []).map((i) => i.message);
    expect(errors({ orderId, carrier: ' ', trackingNumber: 'JD0146' })).toEqual(['Enter the carrier, e.g. DHL or USPS']);
    expect(errors({ orderId, carrier: 'DHL', trackingNumber: '<script>' })).toEqual([
      'Enter the tracking number the carrier gave you: 4 to 40 letters, digits, spaces or hyphens',
    ]);
    expect(errors({ orderId: 'MN-100001', carrier: 'DHL', trackingNumber: 'JD0146' })).toEqual(['That order does not exist']);
    expect(errors({ orderId, carrier: 'DHL', trackingNumber: 'JD0146', status: 'paid' })).toHaveLength(1);
    // The whole number is checked, not a part of it; an id must be all of an id.
    const tracking = 'Enter the tracking number the carrier gave you: 4 to 40 letters, digits, spaces or hyphens';
    expect(errors({ orderId, carrier: 'DHL', trackingNumber: '<b>JD0146' })).toEqual([tracking]);
    expect(errors({ orderId, carrier: 'DHL', trackingNumber: 'JD0146</b>' })).toEqual([tracking]);
    expect(errors({ orderId: `x${orderId}`, carrier: 'DHL', trackingNumber: 'JD0146' })).toEqual(['That order does not exist']);
    expect(errors({ orderId: `${orderId}!`, carrier: 'DHL', trackingNumber: 'JD0146' })).toEqual(['That order does not exist']);
    expect(errors({ carrier: 'DHL', trackingNumber: 'JD0146' })).toEqual(['That order does not exist']);
    expect(errors({ orderId, trackingNumber: 'JD0146' })).toEqual(['Enter the carrier, e.g. DHL or USPS']);
    expect(errors({ orderId, carrier: 'D'.repeat(61), trackingNumber: 'JD0146' })).toEqual(['Keep the carrier under 60 characters']);
    expect(errors({ orderId, carrier: 'DHL' })).toEqual(['Enter the tracking number the carrier gave you']);
    expect(shipmentSchema.parse({ orderId, carrier: ' DHL ', trackingNumber: ' JD 0146 ' })).toEqual({ orderId, carrier: 'DHL', trackingNumber: 'JD 0146' });
  });

  it('cancels an unpaid order and its stock comes back; a paid one must be refunded instead', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    const s = await cartWith('FCT-15CM-CAM', 2);
    const placed = await placeOrder(ctx.db, s.token, s.input, 'stripe', { cart, holdMinutes: 30 });
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock - 2);
    const cancel = (id: string) => ctx.db.$transaction((tx) => cancelUnpaidOrder(tx, id, 'Bat (manager)', new Date()));
    expect(await cancel(placed.order.id)).toEqual({ kind: 'cancelled' });
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: v.id } })).stock).toBe(v.stock);
    expect((await ctx.db.orderEvent.findFirstOrThrow({ where: { orderId: placed.order.id, to: 'cancelled' } })).note).toBe('Cancelled by Bat (manager)');
    expect(await cancel(placed.order.id)).toEqual({ kind: 'refused', message: 'This order was already cancelled.' });
    const paid = await paidOrder('FCT-15CM-CAM');
    expect(await cancel(paid)).toEqual({ kind: 'refused', message: 'This order is paid: refund it instead of cancelling it.' });
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id: paid } })).status).toBe('paid');
    await ship(paid);
    expect(await cancel(paid)).toEqual({ kind: 'refused', message: 'This order has shipped: start a return instead.' });
    const lapsed = await cartWith('FCT-15CM-CAM', 1);
    const late = await placeOrder(ctx.db, lapsed.token, lapsed.input, 'stripe', { cart, holdMinutes: 30 });
    if (late.kind !== 'placed') throw new Error(late.kind);
    await ctx.db.order.update({ where: { id: late.order.id }, data: { status: 'expired' } });
    expect(await cancel(late.order.id)).toEqual({ kind: 'refused', message: 'This order already expired unpaid; its stock was released.' });
    expect(await cancel('c' + 'z'.repeat(24))).toEqual({ kind: 'refused', message: 'That order does not exist.' });
  });

  it('lists orders newest first, found by number or e-mail, filtered by status and day, a page at a time', async () => {
    const a = await paidOrder('YWS-S3638-BRO', 'tuya.lists@example.com');
    const b = await paidOrder('YWS-S3638-BRO', 'tuya.lists@example.com');
    const numberOf = async (id: string) => (await ctx.db.order.findUniqueOrThrow({ where: { id } })).number;
    const byEmail = await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'TUYA.LISTS' }));
    expect(byEmail.rows.map((r) => r.id)).toEqual([b, a]);
    expect(byEmail.rows[0]).toMatchObject({ email: 'tuya.lists@example.com', name: 'Oyuna Tseren', status: 'paid', items: 1, flagged: false });
    expect(byEmail.rows[0]!.total.amount).toBeGreaterThan(0);
    const byNumber = await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: `MN-${await numberOf(a)}` }));
    expect(byNumber.rows.map((r) => r.id)).toEqual([a]);
    expect(byNumber.rows[0]!.number).toBe(`MN-${await numberOf(a)}`);

    const paged = await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', page: '2' }), 1);
    expect(paged).toMatchObject({ total: 2, page: 2, pages: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual([a]);
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', page: '9' }), 1)).page).toBe(2);
    // Three orders, two a page: the second page holds the oldest.
    const c = await paidOrder('YWS-S3638-BRO', 'tuya.lists@example.com');
    const byTwo = await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', page: '2' }), 2);
    expect(byTwo).toMatchObject({ total: 3, page: 2, pages: 2 });
    expect(byTwo.rows.map((r) => r.id)).toEqual([a]);
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists' }), 2)).rows.map((r) => r.id)).toEqual([c, b]);
    // A flagged order says so in the list.
    await ctx.db.order.update({ where: { id: c }, data: { flaggedReason: 'Paid 1.00 USD less than the total' } });
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists' }))).rows.map((r) => r.flagged)).toEqual([true, false, false]);
    await ctx.db.order.update({ where: { id: c }, data: { status: 'cancelled' } });

    await ship(a);
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', status: 'shipped' }))).rows.map((r) => r.id)).toEqual([a]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', from: today, to: today }))).total).toBe(3);
    expect((await listStaffOrders(ctx.db, parseStaffOrderQuery({ q: 'tuya.lists', to: '2020-01-01' }))).total).toBe(0);
  });
});

describeEachDatabase('staff order actions: who may, and the audit log', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  async function paid(): Promise<string> {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'YWS-S3638-BRO' } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, cart);
    const input = { ...address, quote: quoteOf(await getCart(ctx.db, r.newToken, cart)) };
    const p = await checkoutAndPay(ctx.db, r.newToken, input);
    if (p.kind !== 'paid') throw new Error(p.kind);
    return p.orderId;
  }

  it('a manager ships and the change is in the audit log with who did it; an editor is refused and nothing changes', async () => {
    const id = await paid();
    const editor = await makeActor(ctx.db, 'editor');
    await expect(shipOrderAsStaff(ctx.db, editor, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0001' })).rejects.toThrow(
      'Your role cannot handle orders.',
    );
    await expect(shipOrderAsStaff(ctx.db, null, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0001' })).rejects.toBeInstanceOf(PermissionError);
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('paid');
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-shipped:${id}` } })).toBe(0);

    const manager = await makeActor(ctx.db, 'manager');
    expect(await shipOrderAsStaff(ctx.db, manager, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0001' })).toEqual({ kind: 'shipped', from: 'paid' });
    const audit = await ctx.db.auditEntry.findMany({ where: { entityType: 'order', entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'order.ship', actorId: manager.id, actorEmail: manager.email });
    expect(audit[0]!.before).toEqual({ status: 'paid' });
    expect(audit[0]!.after).toEqual({ status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0001' });
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-shipped:${id}` } })).toBe(1);
    // Refused a second time: no second audit entry, no second e-mail.
    expect((await shipOrderAsStaff(ctx.db, manager, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0001' })).kind).toBe('refused');
    expect(await ctx.db.auditEntry.count({ where: { entityType: 'order', entityId: id } })).toBe(1);
  });

  it('an order partly refunded before it left still ships: the status keeps the refund, the shipment is recorded beside it, once', async () => {
    const id = await paid();
    const manager = await makeActor(ctx.db, 'manager');
    await refundGoodwill(ctx.db, manager, { orderId: id, amount: 100, note: 'Sorry for the wait' }, {});
    expect((await ctx.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('partially_refunded');
    const both = await Promise.all([
      shipOrderAsStaff(ctx.db, manager, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0002' }),
      shipOrderAsStaff(ctx.db, manager, { orderId: id, carrier: 'DHL', trackingNumber: 'JD0003' }),
    ]);
    expect(both).toContainEqual({ kind: 'shipped', from: 'partially_refunded' });
    expect(both).toContainEqual({ kind: 'refused', message: 'This order was already marked as shipped.' });
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(order).toMatchObject({ status: 'partially_refunded', shippingCarrier: 'DHL' });
    expect(order.shippedAt).toBeInstanceOf(Date);
    expect(order.events.at(-1)).toMatchObject({ from: 'partially_refunded', to: 'partially_refunded', note: expect.stringMatching(/^Shipped with DHL/) });
    const audit = await ctx.db.auditEntry.findFirstOrThrow({ where: { entityType: 'order', entityId: id, action: 'order.ship' } });
    expect(audit.before).toEqual({ status: 'partially_refunded' });
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: `order-shipped:${id}` } })).toBe(1);
  });

  it('an owner cancels an unpaid order, audited; an editor cannot', async () => {
    const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'FCT-15CM-CAM' } });
    const r = await addToCart(ctx.db, null, { variantId: v.id, quantity: 1 }, cart);
    const input = { ...address, quote: quoteOf(await getCart(ctx.db, r.newToken, cart)) };
    const placed = await placeOrder(ctx.db, r.newToken, input, 'stripe', { cart, holdMinutes: 30 });
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    await expect(cancelOrderAsStaff(ctx.db, await makeActor(ctx.db, 'editor'), placed.order.id)).rejects.toBeInstanceOf(PermissionError);
    const owner = await makeActor(ctx.db, 'owner');
    expect(await cancelOrderAsStaff(ctx.db, owner, placed.order.id)).toEqual({ kind: 'cancelled' });
    expect(await ctx.db.auditEntry.findFirst({ where: { entityId: placed.order.id } })).toMatchObject({
      action: 'order.cancel',
      actorId: owner.id,
      before: { status: 'pending' },
      after: { status: 'cancelled' },
    });
    // A refused cancel (a paid order) writes no audit entry.
    const paidId = await paid();
    expect((await cancelOrderAsStaff(ctx.db, owner, paidId)).kind).toBe('refused');
    expect(await ctx.db.auditEntry.count({ where: { entityId: paidId } })).toBe(0);
    expect((await ctx.db.orderEvent.findFirstOrThrow({ where: { orderId: placed.order.id, to: 'cancelled' } })).note).toBe(
      `Cancelled by ${owner.name} (${owner.email})`,
    );
  });
});
