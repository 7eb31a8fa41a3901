import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { initialAdminFormState, type AdminFormState } from '@/components/admin/form-state';
import type { StaffActor } from '@/lib/auth/permissions';
import { inviteStaff, setupOwner } from '@/lib/auth/staff';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { useDb } from '@/lib/db';
import { localMediaStorage } from '@/lib/media/storage';
import { approveReturn } from '@/lib/returns/approve';
import { receiveReturn } from '@/lib/returns/receive';
import { rejectReturn } from '@/lib/returns/reject';
import { requestReturn } from '@/lib/returns/request';
import { countReturnsAwaitingApproval, listStaffReturns, returnAge } from '@/lib/returns/staff-list';
import { parseStaffReturnQuery, staffReturnSearchParams } from '@/lib/returns/staff-query';
import { returnPhotoKey, staffOrderReturns, staffReturnView } from '@/lib/returns/staff-view';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';
import { snapshotTables } from '../support/snapshot';

/**
 * The staff side of returns: the queue and the return page's read model, then the server actions
 * and the photo route as a signed-in manager calls them (the refusals of other callers are in
 * admin-actions-guard.test.ts; the transitions' own rules in returns.test.ts).
 */

const nav = vi.hoisted(() => {
  class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect ${url}`);
    }
  }
  return { Redirected, cookie: { value: '' } };
});
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new nav.Redirected(url);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ cookie: nav.cookie.value, 'x-forwarded-for': '203.0.113.9', origin: 'http://localhost:3000', host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-returns-media-'));
process.env.MEDIA_DIR = mediaDir;
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const PASSWORD = 'correct horse battery';
const WINDOW = { windowDays: 30 };
const DAY = 86_400_000;

type Act = (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

/** What an action did: the page it went back to, or the state it answered the form with. */
async function send(act: Act, fields: Record<string, string>): Promise<{ redirect: string } | { state: AdminFormState }> {
  try {
    return { state: await act({ ...initialAdminFormState }, form(fields)) };
  } catch (e) {
    if (e instanceof nav.Redirected) return { redirect: e.url };
    throw e;
  }
}

describeEachDatabase('staff handle returns', (ctx) => {
  let manager: StaffActor;
  let actions: Record<string, Act>;
  let orderActions: Record<string, Act>;
  let photoRoute: { GET: (req: Request, c: { params: Promise<{ id: string; photoId: string }> }) => Promise<Response> };

  beforeAll(async () => {
    useDb(ctx.handle);
    (globalThis as { __staffAuth?: unknown }).__staffAuth = undefined;
    const server = await import('@/lib/auth/server');
    await seedCatalog(ctx.db);
    const owner = await setupOwner(ctx.db, { email: 'owner@example.com', name: 'Owner', password: PASSWORD });
    const m = await inviteStaff(
      ctx.db,
      { id: owner.id, email: owner.email, name: owner.name, role: 'owner' },
      { email: 'manager@example.com', name: 'Saruul', role: 'manager', password: PASSWORD },
    );
    manager = { id: m.id, email: m.email, name: m.name, role: 'manager' };
    const r = await (await server.staffAuth()).api.signInEmail({ body: { email: 'manager@example.com', password: PASSWORD }, asResponse: true });
    nav.cookie.value = r.headers
      .getSetCookie()
      .find((c) => c.includes('session_token'))!
      .split(';')[0]!;
    actions = (await import('@/app/(admin)/admin/returns/actions')) as unknown as Record<string, Act>;
    orderActions = (await import('@/app/(admin)/admin/orders/actions')) as unknown as Record<string, Act>;
    photoRoute = (await import('@/app/(admin)/admin/returns/[id]/photos/[photoId]/route')) as unknown as typeof photoRoute;
  });

  let session = '';
  beforeEach(() => {
    session ||= nav.cookie.value;
    nav.cookie.value = session;
  });

  let emails = 0;
  /** A paid order of these lines (test provider). */
  async function paidOrder(lines: [sku: string, quantity: number][], email = `buyer-${++emails}@example.com`) {
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
      await ctx.db.variant.update({ where: { id: v.id }, data: { stock: { increment: quantity } } });
      const r = await addToCart(ctx.db, token, { variantId: v.id, quantity }, testCartSettings);
      token = r.newToken ?? token;
    }
    const r = await checkoutAndPay(ctx.db, token, { ...testCheckoutAddress, email, quote: quoteOf(await getCart(ctx.db, token, testCartSettings)) });
    if (r.kind !== 'paid') throw new Error(r.kind);
    return ctx.db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { lines: true } });
  }

  async function asked(reason: 'too_small' | 'damaged' = 'too_small', quantity = 1, now = new Date()) {
    const o = await paidOrder([['YWS-S3638-BRO', quantity]]);
    const line = o.lines[0]!;
    const r = await requestReturn(ctx.db, { orderId: o.id, lines: [{ orderLineId: line.id, quantity, reason }] }, WINDOW, now);
    const lineIds = (await ctx.db.returnLine.findMany({ where: { returnId: r.returnId } })).map((l) => l.id);
    return { order: o, line, returnId: r.returnId, number: r.number, lineIds };
  }

  async function received(reason: 'too_small' | 'damaged' = 'too_small', quantity = 1) {
    const a = await asked(reason, quantity);
    await approveReturn(ctx.db, manager, { returnId: a.returnId });
    await receiveReturn(ctx.db, manager, {
      returnId: a.returnId,
      lines: a.lineIds.map((id) => ({ returnLineId: id, receivedQuantity: quantity, restock: reason !== 'damaged' })),
    });
    return a;
  }

  it('the queue: each view holds its statuses, open work oldest first, done newest first, paged; junk in the URL is the default view', async () => {
    const t0 = new Date(Date.now() - 3 * DAY);
    const older = await asked('too_small', 1, t0);
    const newer = await asked('damaged', 1, new Date(t0.getTime() + DAY));
    const rejected = await asked('too_small', 1, new Date(t0.getTime() + 2 * DAY));
    await rejectReturn(ctx.db, manager, { returnId: rejected.returnId, message: 'Worn.' });
    const approved = await asked();
    await approveReturn(ctx.db, manager, { returnId: approved.returnId });

    const requested = await listStaffReturns(ctx.db, parseStaffReturnQuery({}));
    const ids = requested.rows.map((r) => r.id);
    expect(ids.indexOf(older.returnId)).toBeLessThan(ids.indexOf(newer.returnId));
    expect(ids).not.toContain(rejected.returnId);
    expect(ids).not.toContain(approved.returnId);
    expect(requested.rows.every((r) => r.status === 'requested')).toBe(true);
    const row = requested.rows.find((r) => r.id === newer.returnId)!;
    expect(row).toMatchObject({ number: newer.number, orderId: newer.order.id, email: newer.order.email, items: 1, reasons: ['Damaged or defective'] });
    expect(row.orderNumber).toMatch(/^MN-\d{6,}$/);
    expect(requested.rows.find((r) => r.id === older.returnId)!.age).toBe('3 days');
    expect(await countReturnsAwaitingApproval(ctx.db)).toBe(requested.total);

    expect((await listStaffReturns(ctx.db, parseStaffReturnQuery({ view: 'approved' }))).rows.map((r) => r.id)).toEqual([approved.returnId]);
    const done = await listStaffReturns(ctx.db, parseStaffReturnQuery({ view: 'done' }));
    expect(done.rows.map((r) => r.id)).toEqual([rejected.returnId]);
    const all = await listStaffReturns(ctx.db, parseStaffReturnQuery({ view: 'all' }));
    expect(all.total).toBe(requested.total + 2);
    expect(all.rows[0]!.id).toBe(approved.returnId); // newest first

    expect(parseStaffReturnQuery({ view: ['bogus'], page: '-3' })).toEqual({ view: 'requested', page: 1 });
    const paged = await listStaffReturns(ctx.db, parseStaffReturnQuery({ view: 'all', page: '99' }), new Date(), 2);
    expect(paged.page).toBe(paged.pages);
    expect(staffReturnSearchParams(parseStaffReturnQuery({ view: 'done', page: '2' })).toString()).toBe('view=done&page=2');
    expect(staffReturnSearchParams(parseStaffReturnQuery({})).toString()).toBe('');
    expect(returnAge(new Date(0), new Date(60_000))).toBe('just now');
    expect(returnAge(new Date(0), new Date(40 * 60_000))).toBe('40 minutes');
    expect(returnAge(new Date(0), new Date(3_600_000))).toBe('1 hour');
  });

  it('the return page: lines with reason labels, photos by the staff route, history with who, the proposal with shipping for a damaged item, and the moves allowed', async () => {
    const a = await asked('damaged', 2);
    const key = `returns/${a.returnId}/${'a'.repeat(32)}.webp`;
    await localMediaStorage(mediaDir).put(
      key,
      await sharp({ create: { width: 8, height: 6, channels: 3, background: '#553311' } })
        .webp()
        .toBuffer(),
    );
    const photo = await ctx.db.returnPhoto.create({ data: { returnId: a.returnId, key, width: 8, height: 6, position: 0 } });

    const v = (await staffReturnView(ctx.db, a.returnId))!;
    expect(v).toMatchObject({
      number: a.number,
      status: 'requested',
      can: { approve: true, reject: true, receive: false, refund: false, close: true },
      proposal: null,
    });
    expect(v.lines).toEqual([
      expect.objectContaining({
        id: a.lineIds[0],
        quantity: 2,
        reason: 'damaged',
        reasonLabel: 'Damaged or defective',
        receivedQuantity: null,
        shopsFault: true,
      }),
    ]);
    expect(v.photos).toEqual([{ id: photo.id, url: `/admin/returns/${a.returnId}/photos/${photo.id}`, width: 8, height: 6 }]);
    expect(v.events).toEqual([expect.objectContaining({ from: null, to: 'requested', by: null, note: 'Requested by the customer' })]);

    await approveReturn(ctx.db, manager, { returnId: a.returnId, message: 'Post them to us.' });
    await receiveReturn(ctx.db, manager, { returnId: a.returnId, lines: [{ returnLineId: a.lineIds[0]!, receivedQuantity: 2, restock: false }] });
    const r = (await staffReturnView(ctx.db, a.returnId))!;
    expect(r.can).toEqual({ approve: false, reject: false, receive: false, refund: true, close: true });
    expect(r.customerMessage).toBe('Post them to us.');
    expect(r.events.map((e) => [e.to, e.by])).toEqual([
      ['requested', null],
      ['approved', 'Saruul'],
      ['received', 'Saruul'],
    ]);
    const items = a.line.unitPriceCents * 2;
    expect(r.proposal).toMatchObject({
      items: { amount: items },
      shipping: { amount: a.order.shippingCents },
      total: { amount: items + a.order.shippingCents },
    });
    expect(r.proposal!.offeredInput).toBe(((items + a.order.shippingCents) / 100).toFixed(2));

    expect(await staffReturnView(ctx.db, 'nonsense')).toBeNull();
    expect(await staffReturnView(ctx.db, 'c' + 'z'.repeat(24))).toBeNull();
    expect(await returnPhotoKey(ctx.db, a.returnId, photo.id)).toBe(key);
    const other = await asked();
    expect(await returnPhotoKey(ctx.db, other.returnId, photo.id)).toBeNull();
  });

  it('the photo route serves a return’s photo privately to staff, and 404s a photo asked for under another return', async () => {
    const a = await asked();
    const bytes = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#224466' } })
      .webp()
      .toBuffer();
    const key = `returns/${a.returnId}/${'b'.repeat(32)}.webp`;
    await localMediaStorage(mediaDir).put(key, bytes);
    const photo = await ctx.db.returnPhoto.create({ data: { returnId: a.returnId, key, width: 10, height: 10, position: 0 } });
    const get = (id: string, photoId: string) =>
      photoRoute.GET(new Request(`http://localhost:3000/admin/returns/${id}/photos/${photoId}`), { params: Promise.resolve({ id, photoId }) });

    const ok = await get(a.returnId, photo.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer()).equals(bytes)).toBe(true);

    const other = await asked();
    for (const [id, photoId] of [
      [other.returnId, photo.id],
      [a.returnId, 'c' + 'q'.repeat(24)],
      ['../../products', photo.id],
    ] as const) {
      const r = await get(id, photoId);
      expect(r.status).toBe(404);
      expect(r.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('approve, receive per line, refund part, close: each action goes back to the page saying what happened; the same move twice is refused with its sentence', async () => {
    const a = await asked('too_small', 2);
    expect(await send(actions.approveReturnAction!, { returnId: a.returnId, message: ' ' })).toEqual({
      redirect: `/admin/returns/${a.returnId}?done=approved`,
    });
    const again = await send(actions.approveReturnAction!, { returnId: a.returnId });
    expect(again).toMatchObject({ state: { message: 'This return was already approved.' } });

    const stock = (await ctx.db.variant.findUniqueOrThrow({ where: { id: a.line.variantId! } })).stock;
    expect(
      await send(actions.receiveReturnAction!, {
        returnId: a.returnId,
        'lines.0.returnLineId': a.lineIds[0]!,
        'lines.0.receivedQuantity': '1',
        'lines.0.restock': 'yes',
      }),
    ).toEqual({ redirect: `/admin/returns/${a.returnId}?done=received` });
    expect((await ctx.db.variant.findUniqueOrThrow({ where: { id: a.line.variantId! } })).stock).toBe(stock + 1);
    expect(await ctx.db.returnLine.findUniqueOrThrow({ where: { id: a.lineIds[0]! } })).toMatchObject({ receivedQuantity: 1, restock: true });

    const proposed = a.line.unitPriceCents;
    const tooMuch = await send(actions.refundReturnAction!, { returnId: a.returnId, amount: ((proposed + 1) / 100).toFixed(2) });
    expect(tooMuch).toMatchObject({ state: { message: `This return can be refunded at most $${(proposed / 100).toFixed(2)}.` } });
    expect(await send(actions.refundReturnAction!, { returnId: a.returnId, amount: '5.00', note: 'One sock was worn.' })).toEqual({
      redirect: `/admin/returns/${a.returnId}?done=refunded`,
    });
    const refunds = await ctx.db.refund.findMany({ where: { returnId: a.returnId } });
    expect(refunds).toEqual([expect.objectContaining({ amountCents: 500, status: 'succeeded', note: 'One sock was worn.', actorId: manager.id })]);
    expect((await ctx.db.return.findUniqueOrThrow({ where: { id: a.returnId } })).status).toBe('refunded');

    expect(await send(actions.closeReturnAction!, { returnId: a.returnId, note: '' })).toEqual({ redirect: `/admin/returns/${a.returnId}?done=closed` });
    const closed = await ctx.db.returnEvent.findFirstOrThrow({ where: { returnId: a.returnId, to: 'closed' } });
    expect(closed).toMatchObject({ from: 'refunded', note: null, actorId: manager.id });
    expect(await send(actions.closeReturnAction!, { returnId: a.returnId })).toMatchObject({ state: { message: 'This return was already closed.' } });
  });

  it('refusals write nothing and say why: a bad amount, a missing reason, a line not marked, a forged id', async () => {
    const r = await received();
    const rejectable = await asked();
    const before = await snapshotTables(ctx.db);
    const bad = await send(actions.refundReturnAction!, { returnId: r.returnId, amount: '12.345' });
    expect(bad).toMatchObject({
      state: { message: 'Please correct the fields marked below.', errors: { amount: 'Enter the amount to refund, e.g. 49.00' }, values: { amount: '12.345' } },
    });
    expect(await send(actions.refundReturnAction!, { returnId: r.returnId, amount: '0.00' })).toMatchObject({
      state: { errors: { amount: 'Enter an amount above zero' } },
    });
    expect(await send(actions.rejectReturnAction!, { returnId: rejectable.returnId, message: '   ' })).toMatchObject({
      state: { errors: { message: 'Tell the customer why the return was rejected' } },
    });
    expect(await send(actions.approveReturnAction!, { returnId: 'R-5001' })).toMatchObject({ state: { message: 'That return does not exist' } });
    expect(await send(actions.approveReturnAction!, { returnId: 'c' + 'z'.repeat(24) })).toMatchObject({ state: { message: 'That return does not exist.' } });
    expect(await snapshotTables(ctx.db)).toBe(before);
    const approved = await asked();
    await approveReturn(ctx.db, manager, { returnId: approved.returnId });
    const mid = await snapshotTables(ctx.db);
    expect(await send(actions.receiveReturnAction!, { returnId: approved.returnId })).toMatchObject({ state: { message: 'Mark every line of the return' } });
    expect(
      await send(actions.receiveReturnAction!, {
        returnId: approved.returnId,
        'lines.0.returnLineId': approved.lineIds[0]!,
        'lines.0.receivedQuantity': '1',
      }),
    ).toMatchObject({ state: { errors: { 'lines.0.restock': 'Choose restock or do not restock' } } });
    expect(
      await send(actions.receiveReturnAction!, {
        returnId: approved.returnId,
        'lines.0.returnLineId': approved.lineIds[0]!,
        'lines.0.receivedQuantity': '3',
        'lines.0.restock': 'no',
      }),
    ).toMatchObject({ state: { message: expect.stringContaining('at most 1 can arrive') } });
    expect(await snapshotTables(ctx.db)).toBe(mid);
  });

  it('a failed refund is shown with the provider’s message and Retry sends it again; the order page lists the returns and goodwill refunds', async () => {
    const r = await received();
    const failed = await ctx.db.refund.create({
      data: {
        orderId: r.order.id,
        returnId: r.returnId,
        kind: 'return',
        provider: 'test',
        paymentRef: 'test_payment',
        amountCents: 700,
        currency: r.order.currency,
        status: 'failed',
        uncertain: true,
        failureMessage: 'The payment provider could not be reached: timeout',
      },
    });
    const v = (await staffReturnView(ctx.db, r.returnId))!;
    expect(v.refunds).toEqual([
      expect.objectContaining({ id: failed.id, status: 'failed', retryable: true, failureMessage: 'The payment provider could not be reached: timeout' }),
    ]);
    // The timeout may have paid it: no new refund, only Retry (same idempotency key).
    expect(v.can.refund).toBe(false);
    expect(await send(actions.refundReturnAction!, { returnId: r.returnId })).toMatchObject({
      state: { message: expect.stringContaining('An earlier refund on this order got no clear answer from the payment provider') },
    });
    expect(await send(actions.retryRefundAction!, { refundId: failed.id, back: 'https://evil.example/' })).toEqual({
      redirect: '/admin/returns?done=refunded',
    });
    expect((await ctx.db.refund.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe('succeeded');
    expect(await send(actions.retryRefundAction!, { refundId: failed.id, back: `/admin/returns/${r.returnId}` })).toMatchObject({
      state: { message: 'This refund was already made.' },
    });

    const page = await staffOrderReturns(ctx.db, r.order.id);
    expect(page.returns).toEqual([expect.objectContaining({ id: r.returnId, number: r.number, status: 'refunded', items: 1 })]);
    expect(page.refunds).toEqual([]);
  });

  it('goodwill: a bad amount or a missing note is refused beside its field; a good one is refunded and listed on the order page', async () => {
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    const before = await snapshotTables(ctx.db);
    expect(await send(orderActions.goodwillRefundAction!, { orderId: o.id, amount: '12.345', note: 'Late parcel' })).toMatchObject({
      state: { message: 'Please correct the fields marked below.', errors: { amount: 'Enter the amount to refund, e.g. 49.00' } },
    });
    expect(await send(orderActions.goodwillRefundAction!, { orderId: o.id, amount: '2.00', note: '' })).toMatchObject({
      state: { errors: { note: 'Say why this goodwill refund is given' } },
    });
    const tooMuch = await send(orderActions.goodwillRefundAction!, { orderId: o.id, amount: ((o.totalCents + 1) / 100).toFixed(2), note: 'Sorry' });
    expect(tooMuch).toMatchObject({ state: { message: `Only $${(o.totalCents / 100).toFixed(2)} of this order can still be refunded.` } });
    expect(await snapshotTables(ctx.db)).toBe(before);

    expect(await staffOrderReturns(ctx.db, o.id)).toMatchObject({ returns: [], refunds: [], goodwill: { remaining: { amount: o.totalCents } } });
    expect(await send(orderActions.goodwillRefundAction!, { orderId: o.id, amount: '2.50', note: 'The parcel was late.' })).toEqual({
      redirect: `/admin/orders/${o.id}?done=refunded`,
    });
    const page = await staffOrderReturns(ctx.db, o.id);
    expect(page.refunds).toEqual([
      expect.objectContaining({ kind: 'goodwill', amount: { amount: 250, currency: o.currency }, status: 'succeeded', by: 'Saruul' }),
    ]);
    expect(page.goodwill).toEqual({ remaining: { amount: o.totalCents - 250, currency: o.currency } });
  });
});
