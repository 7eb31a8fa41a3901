import { beforeAll, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { placeOrder, type PlaceSettings } from '@/lib/checkout/place';
import { quoteOf } from '@/lib/checkout/quote';
import { OutOfStock, reserveStock } from '@/lib/checkout/stock';
import { cancelOrder, expireDueOrders, flagOrder, markPaid } from '@/lib/checkout/transitions';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';

/**
 * The order's state machine (lib/checkout/transitions.ts) at its edges: a payment that arrives after the
 * hold ended (the stock taken again, or not there any more), after the order was replaced, or for an
 * order that is not there; a cancel or an expiry that finds nothing to do; the sentences staff read.
 */
const settings: PlaceSettings = { cart: testCartSettings, holdMinutes: 30 };

describeEachDatabase('order transitions', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  /** A pending order for `quantity` of `sku`, with five units of it left on the shelf after the order took its own. */
  async function pendingOrder(sku: string, quantity: number, now = new Date()) {
    const v = await ctx.db.variant.update({ where: { sku }, data: { stock: quantity + 5 } });
    const added = await addToCart(ctx.db, null, { variantId: v.id, quantity }, testCartSettings);
    const token = added.newToken!;
    const input = { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, token, testCartSettings)) };
    const r = await placeOrder(ctx.db, token, input, 'test', settings, now);
    if (r.kind !== 'placed') throw new Error(r.kind);
    return { order: r.order, variantId: v.id, token, input };
  }
  const stockOf = async (variantId: string) => (await ctx.db.variant.findUniqueOrThrow({ where: { id: variantId } })).stock;
  // Events are found by their transition, not their position: two written in the same millisecond sort either way.
  const eventOf = <E extends { from: string | null; to: string }>(row: { events: E[] }, from: string | null, to: string) =>
    row.events.find((e) => e.from === from && e.to === to);
  const orderRow = (id: string) => ctx.db.order.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } }, lines: true } });

  it('paid in time: paid, its cart emptied (no other), the payment noted in the history', async () => {
    const other = await pendingOrder('KCC-L-FOR', 1);
    const { order, token } = await pendingOrder('GCN-M-CHA', 1);
    const now = new Date();
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, now, 'Payment p_1 received through test'))).toBe('moved');
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'paid', paidAt: now, cartId: null, flaggedReason: null });
    expect(eventOf(row, 'pending', 'paid')).toMatchObject({ note: 'Payment p_1 received through test' });
    expect((await getCart(ctx.db, token, testCartSettings)).lines).toHaveLength(0);
    // Another shopper's cart and pending order are untouched.
    expect((await getCart(ctx.db, other.token, testCartSettings)).lines).toHaveLength(1);
    expect((await orderRow(other.order.id)).status).toBe('pending');
    // Paid twice: the second finds nothing to move.
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, now, 'again'))).toBe('unchanged');
    expect((await orderRow(order.id)).events).toHaveLength(row.events.length);
  });

  it('an order that is not there is never paid', async () => {
    expect(await ctx.db.$transaction((tx) => markPaid(tx, 'c000000000000000000000000', new Date(), 'x'))).toBe('unchanged');
  });

  it('paid after the hold ended, the stock still there: paid, the stock taken again, and the history says so', async () => {
    const placedAt = new Date(Date.now() - 40 * 60_000);
    const { order, variantId } = await pendingOrder('GCN-L-CHA', 2, placedAt);
    expect(await ctx.db.$transaction((tx) => expireDueOrders(tx, new Date()))).toBeGreaterThanOrEqual(1);
    const shelf = await stockOf(variantId);
    const now = new Date();
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, now, 'Payment p_late received through test'))).toBe('moved');
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'paid', paidAt: now, flaggedReason: null });
    expect(row.events.map((e) => `${e.from}→${e.to}`).sort()).toEqual(['expired→paid', 'null→pending', 'pending→expired']);
    expect(eventOf(row, 'expired', 'paid')!.note).toBe('Payment p_late received through test; paid after the hold ended, stock reserved again');
    expect(await stockOf(variantId)).toBe(shelf - 2);
  });

  it('paid after the hold ended and the last units sold meanwhile: paid, flagged to refund or restock, stock never below zero', async () => {
    const placedAt = new Date(Date.now() - 40 * 60_000);
    const { order, variantId } = await pendingOrder('GCN-XL-CHA', 2, placedAt);
    await ctx.db.$transaction((tx) => expireDueOrders(tx, new Date()));
    // Someone else bought all but one.
    await ctx.db.variant.update({ where: { id: variantId }, data: { stock: 1 } });
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, new Date(), 'Payment p_gone received through test'))).toBe('moved');
    const row = await orderRow(order.id);
    const title = `${row.lines[0]!.title} (${row.lines[0]!.colour}, ${row.lines[0]!.size})`;
    const reason = `Paid after the hold ended and only 1 of ${title} left: refund or restock`;
    expect(row).toMatchObject({ status: 'paid', flaggedReason: reason });
    expect(eventOf(row, 'expired', 'paid')).toMatchObject({ note: `Payment p_gone received through test; ${reason}` });
    // Nothing was taken: the savepoint undid the attempt.
    expect(await stockOf(variantId)).toBe(1);
  });

  it('paid after the hold ended, one of two lines gone: nothing is taken for the other either, and no other order moves', async () => {
    const placedAt = new Date(Date.now() - 40 * 60_000);
    const a = await ctx.db.variant.update({ where: { sku: 'SBC-S-OAT' }, data: { stock: 5 } });
    const b = await ctx.db.variant.update({ where: { sku: 'SBC-M-OAT' }, data: { stock: 5 } });
    let token: string | null = null;
    for (const v of [a, b]) token = (await addToCart(ctx.db, token, { variantId: v.id, quantity: 1 }, testCartSettings)).newToken ?? token;
    const input = { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, token, testCartSettings)) };
    const placed = await placeOrder(ctx.db, token, input, 'test', settings, placedAt);
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    const bystander = await pendingOrder('GCN-S-OAT', 1, placedAt);
    await ctx.db.$transaction((tx) => expireDueOrders(tx, new Date()));
    // The variant taken second (by id) is the one gone, so the first is reserved before the failure.
    const [first, second] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
    await ctx.db.variant.update({ where: { id: second!.id }, data: { stock: 0 } });
    const firstStock = await stockOf(first!.id);
    expect(await ctx.db.$transaction((tx) => markPaid(tx, placed.order.id, new Date(), 'Payment p_half received through test'))).toBe('moved');
    expect((await orderRow(placed.order.id)).flaggedReason).toMatch(/ is sold out: refund or restock$/);
    // The first line's unit was not kept back: the whole re-reservation was rolled back.
    expect(await stockOf(first!.id)).toBe(firstStock);
    expect((await orderRow(bystander.order.id)).status).toBe('expired');
  });

  it('paid after the hold ended and the variant sold out meanwhile: flagged with its full name', async () => {
    const { order, variantId } = await pendingOrder('GCN-M-OAT', 1, new Date(Date.now() - 40 * 60_000));
    await ctx.db.$transaction((tx) => expireDueOrders(tx, new Date()));
    await ctx.db.variant.update({ where: { id: variantId }, data: { stock: 0 } });
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, new Date(), 'Payment p_out received through test'))).toBe('moved');
    const row = await orderRow(order.id);
    const title = `${row.lines[0]!.title} (${row.lines[0]!.colour}, ${row.lines[0]!.size})`;
    expect(row.flaggedReason).toBe(`Paid after the hold ended and ${title} is sold out: refund or restock`);
    expect(await stockOf(variantId)).toBe(0);
  });

  it('paid after it was replaced (cancelled): paid, the stock taken again, and flagged as a possible duplicate', async () => {
    const { order, variantId } = await pendingOrder('KCC-S-FOR', 1);
    expect(await ctx.db.$transaction((tx) => cancelOrder(tx, order.id, new Date(), 'Replaced by a new checkout from the same cart'))).toBe('moved');
    const shelf = await stockOf(variantId);
    expect(await ctx.db.$transaction((tx) => markPaid(tx, order.id, new Date(), 'Payment p_dup received through test'))).toBe('moved');
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'paid', flaggedReason: 'Paid after it was cancelled or replaced: check for a duplicate order and refund one' });
    expect(row.events.map((e) => e.to).sort()).toEqual(['cancelled', 'paid', 'pending']);
    expect(eventOf(row, 'pending', 'cancelled')!.note).toBe('Replaced by a new checkout from the same cart');
    expect(await stockOf(variantId)).toBe(shelf - 1);
  });

  it('cancel and expire act once, only on pending orders, and give the stock back once', async () => {
    const { order, variantId } = await pendingOrder('SBC-XL-RUS', 3);
    const held = await stockOf(variantId);
    expect(await ctx.db.$transaction((tx) => cancelOrder(tx, order.id, new Date(), 'gave up'))).toBe('moved');
    expect(await stockOf(variantId)).toBe(held + 3);
    expect(await ctx.db.$transaction((tx) => cancelOrder(tx, order.id, new Date(), 'gave up'))).toBe('unchanged');
    expect(await stockOf(variantId)).toBe(held + 3);
    expect((await orderRow(order.id)).cartId).toBeNull();

    // Expiry: only orders whose hold has ended, each noted; the stock of each comes back.
    const now = new Date();
    // (Placing runs the expiry too, with its own time: the fresh order first, so it cannot expire the due one.)
    const fresh = await pendingOrder('KCC-M-OAT', 1, now);
    const due = await pendingOrder('SBC-L-RUS', 1, new Date(now.getTime() - 31 * 60_000));
    const dueHeld = await stockOf(due.variantId);
    expect(await ctx.db.$transaction((tx) => expireDueOrders(tx, now))).toBeGreaterThanOrEqual(1);
    const dueRow = await orderRow(due.order.id);
    expect(dueRow).toMatchObject({ status: 'expired', cartId: null });
    expect(eventOf(dueRow, 'pending', 'expired')).toMatchObject({ note: 'Not paid in time; stock released' });
    expect(await stockOf(due.variantId)).toBe(dueHeld + 1);
    expect((await orderRow(fresh.order.id)).status).toBe('pending');
    // The hold's last instant counts as ended.
    const edge = await pendingOrder('KCC-M-FOR', 1, new Date(now.getTime() - 30 * 60_000));
    await ctx.db.$transaction((tx) => expireDueOrders(tx, now));
    expect((await orderRow(edge.order.id)).status).toBe('expired');
    expect(await ctx.db.$transaction((tx) => expireDueOrders(tx, new Date(0)))).toBe(0);
  });

  it('a flag keeps the status and writes the reason into the history', async () => {
    const { order } = await pendingOrder('GCN-S-OAT', 1);
    await ctx.db.$transaction((tx) => flagOrder(tx, order.id, 'PayPal reported $1.00 USD'));
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'pending', flaggedReason: 'PayPal reported $1.00 USD' });
    expect(eventOf(row, 'pending', 'pending')).toMatchObject({ note: 'Flagged: PayPal reported $1.00 USD' });
  });

  it('a reservation takes all or nothing, and says which line and how many are left', async () => {
    const a = await ctx.db.variant.update({ where: { sku: 'FCT-15CM-CAM' }, data: { stock: 4 } });
    const b = await ctx.db.variant.update({ where: { sku: 'SLP-SMALL-TAN' }, data: { stock: 0 } });
    const attempt = ctx.db.$transaction((tx) =>
      reserveStock(tx, [
        { variantId: a.id, quantity: 2, title: 'Camel toy' },
        { variantId: b.id, quantity: 1, title: 'Leather pouch' },
      ]),
    );
    await expect(attempt).rejects.toThrow(new OutOfStock(b.id, 'Leather pouch', 0));
    await expect(attempt).rejects.toThrow('Leather pouch is sold out');
    expect(await stockOf(a.id)).toBe(4);
    const short = ctx.db.$transaction((tx) => reserveStock(tx, [{ variantId: a.id, quantity: 5, title: 'Camel toy' }]));
    await expect(short).rejects.toThrow('Only 4 of Camel toy left');
    await expect(short).rejects.toMatchObject({ name: 'OutOfStock', variantId: a.id, available: 4 });
    await ctx.db.$transaction((tx) => reserveStock(tx, [{ variantId: a.id, quantity: 4, title: 'Camel toy' }]));
    expect(await stockOf(a.id)).toBe(0);
    // A variant deleted meanwhile is "sold out", never a crash.
    await expect(ctx.db.$transaction((tx) => reserveStock(tx, [{ variantId: 'c000000000000000000000000', quantity: 1, title: 'Gone' }]))).rejects.toThrow(
      'Gone is sold out',
    );
  });
});
