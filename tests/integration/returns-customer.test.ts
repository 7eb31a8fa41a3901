import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { localMediaStorage } from '@/lib/media/storage';
import { findOrderPage, orderPass } from '@/lib/orders/order-page';
import { approveReturn } from '@/lib/returns/approve';
import { findReturnForm, findReturnPage } from '@/lib/returns/customer-view';
import { prepareReturnPhotos, RETURN_PHOTO_LIMITS } from '@/lib/returns/photos';
import { rejectReturn } from '@/lib/returns/reject';
import { requestReturn } from '@/lib/returns/request';
import { ReturnError } from '@/lib/returns/states';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';
import { makeActor } from '../support/staff';

const SECRET = 's'.repeat(40);
const SETTINGS = { appSecret: SECRET, windowDays: 30 };
const none = { linkToken: null, passToken: null, cartToken: null };

async function png(width = 40, height = 30): Promise<File> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 150, g: 60, b: 35 } } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'secret camera owner' } } })
    .toBuffer();
  return new File([new Uint8Array(data)], 'scarf.png', { type: 'image/png' });
}

describe('return photos', () => {
  it('re-encodes a real photo as WebP without its metadata, and drops what an empty file input sends', async () => {
    const r = await prepareReturnPhotos([await png(), new File([], ''), new File([], 'blob', { type: 'application/octet-stream' })]);
    if (!r.ok) throw new Error(r.message);
    expect(r.photos).toHaveLength(1);
    const meta = await sharp(r.photos[0]!.data).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 40, height: 30 });
    expect(meta.exif).toBeUndefined();
    expect(r.photos[0]!.hash).toMatch(/^[a-f0-9]{32}$/);
  });

  it('refuses, with a sentence, too many photos, a file over 5 MB, an SVG, and bytes that only start like a JPEG', async () => {
    const four = await Promise.all([png(10, 10), png(11, 10), png(12, 10), png(13, 10)]);
    expect(await prepareReturnPhotos(four)).toEqual({ ok: false, message: `Send at most ${RETURN_PHOTO_LIMITS.count} photos.` });
    const big = new File([new Uint8Array(RETURN_PHOTO_LIMITS.bytes + 1)], 'big.jpg', { type: 'image/jpeg' });
    expect(await prepareReturnPhotos([big])).toEqual({ ok: false, message: '“big.jpg” is larger than 5 MB; send a smaller photo.' });
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], 'x.svg', { type: 'image/png' });
    expect(await prepareReturnPhotos([svg])).toEqual({ ok: false, message: '“x.svg” is not a photo we can open: send a JPEG, PNG, WebP or AVIF.' });
    const fake = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(7)])], 'fake.jpg', { type: 'image/jpeg' });
    expect(await prepareReturnPhotos([fake])).toEqual({ ok: false, message: '“fake.jpg” could not be read as an image: send another photo.' });
  });
});

describeEachDatabase('returns, as the customer sees them', (ctx) => {
  let media: string;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    media = await fs.mkdtemp(path.join(os.tmpdir(), 'return-photos-'));
  });
  afterAll(async () => {
    await fs.rm(media, { recursive: true, force: true });
  });

  async function paidOrder(lines: [sku: string, quantity: number][]) {
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const v = await ctx.db.variant.findUniqueOrThrow({ where: { sku } });
      await ctx.db.variant.update({ where: { id: v.id }, data: { stock: { increment: quantity } } });
      token = (await addToCart(ctx.db, token, { variantId: v.id, quantity }, testCartSettings)).newToken ?? token;
    }
    const r = await checkoutAndPay(ctx.db, token, { ...testCheckoutAddress, quote: quoteOf(await getCart(ctx.db, token, testCartSettings)) });
    if (r.kind !== 'paid') throw new Error(r.kind);
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { lines: true } });
    return { order, cartToken: token!, segment: `MN-${order.number}`, line: (sku: string) => order.lines.find((l) => l.sku === sku)! };
  }

  it('shows the form only with a proof of that order, the same null for a wrong proof as for no order', async () => {
    const o = await paidOrder([['YWS-S3638-BRO', 2]]);
    const other = await paidOrder([['FCT-15CM-CAM', 1]]);
    expect(await findReturnForm(ctx.db, { ...none, order: o.segment }, SETTINGS)).toBeNull();
    expect(await findReturnForm(ctx.db, { ...none, order: o.segment, cartToken: other.cartToken }, SETTINGS)).toBeNull();
    expect(await findReturnForm(ctx.db, { ...none, order: o.segment, passToken: await orderPass(ctx.db, other.order.number, SECRET) }, SETTINGS)).toBeNull();
    expect(await findReturnForm(ctx.db, { ...none, order: 'MN-999999', cartToken: o.cartToken }, SETTINGS)).toBeNull();
    expect(await findReturnForm(ctx.db, { ...none, order: '../MN-1', cartToken: o.cartToken }, SETTINGS)).toBeNull();
    const byPass = await findReturnForm(ctx.db, { ...none, order: o.segment, passToken: await orderPass(ctx.db, o.order.number, SECRET) }, SETTINGS);
    expect(byPass).toMatchObject({
      kind: 'open',
      orderId: o.order.id,
      orderNumber: o.segment,
      lines: [{ id: o.line('YWS-S3638-BRO').id, bought: 2, left: 2, why: null }],
    });
  });

  it('counts down what can still be returned, marks final sale, and closes when nothing is left or the window has passed', async () => {
    const o = await paidOrder([
      ['YWS-S3638-BRO', 2],
      ['FCT-15CM-CAM', 1],
    ]);
    await ctx.db.orderLine.update({ where: { id: o.line('FCT-15CM-CAM').id }, data: { finalSale: true } });
    await requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'too_small' }] }, SETTINGS);
    const form = await findReturnForm(ctx.db, { ...none, order: o.segment, cartToken: o.cartToken }, SETTINGS);
    if (form?.kind !== 'open') throw new Error('expected an open form');
    expect(form.lines.map((l) => [l.title, l.left, l.why])).toEqual(
      expect.arrayContaining([
        [o.line('YWS-S3638-BRO').title, 1, null],
        [o.line('FCT-15CM-CAM').title, 0, 'Final sale: cannot be returned'],
      ]),
    );
    await requestReturn(ctx.db, { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'too_large' }] }, SETTINGS);
    expect(await findReturnForm(ctx.db, { ...none, order: o.segment, cartToken: o.cartToken }, SETTINGS)).toEqual({
      kind: 'closed',
      orderNumber: o.segment,
      message: 'Every item of this order is returned, in a return, or final sale.',
    });
    const page = await findOrderPage(ctx.db, { ...none, segment: o.segment, cartToken: o.cartToken, returnWindowDays: 30 }, SECRET);
    expect(page?.returnWindow).toEqual({ open: false, message: 'Every item of this order is returned, in a return, or final sale.' });

    const late = new Date(o.order.paidAt!.getTime() + 31 * 86_400_000);
    const fresh = await paidOrder([['YWS-S3638-BRO', 1]]);
    expect(await findReturnForm(ctx.db, { ...none, order: fresh.segment, cartToken: fresh.cartToken }, SETTINGS, late)).toMatchObject({
      kind: 'closed',
      message: expect.stringMatching(/^Returns are accepted for 30 days after payment; the window for this order closed on \d{4}-\d\d-\d\d\.$/),
    });
    const open = await findOrderPage(ctx.db, { ...none, segment: fresh.segment, cartToken: fresh.cartToken, returnWindowDays: 30 }, SECRET);
    expect(open?.returnWindow).toEqual({ open: true, until: new Date(fresh.order.paidAt!.getTime() + 30 * 86_400_000).toISOString() });
  });

  it('stores the photos privately under the new return, and removes them when the request is refused', async () => {
    const storage = localMediaStorage(media);
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    const photos = await prepareReturnPhotos([await png(), await png(60, 40)]);
    if (!photos.ok) throw new Error(photos.message);
    const r = await requestReturn(
      ctx.db,
      { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'damaged' }] },
      SETTINGS,
      new Date(),
      { storage, prepared: photos.photos },
    );
    const rows = await ctx.db.returnPhoto.findMany({ where: { returnId: r.returnId }, orderBy: { position: 'asc' } });
    expect(rows.map((p) => [p.position, p.width, p.height])).toEqual([
      [0, 40, 30],
      [1, 60, 40],
    ]);
    for (const p of rows) {
      expect(p.key).toMatch(new RegExp(`^returns/${r.returnId}/[a-f0-9]{32}\\.webp$`));
      expect(await storage.read(p.key)).not.toBeNull();
    }

    // Asking for the same unit again is refused: nothing stays behind in the store.
    const before = await fs.readdir(path.join(media, 'returns'));
    await expect(
      requestReturn(
        ctx.db,
        { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'damaged' }] },
        SETTINGS,
        new Date(),
        {
          storage,
          prepared: photos.photos,
        },
      ),
    ).rejects.toBeInstanceOf(ReturnError);
    const after = await fs.readdir(path.join(media, 'returns'));
    for (const dir of after.filter((d) => !before.includes(d))) expect(await fs.readdir(path.join(media, 'returns', dir))).toEqual([]);
    expect(await ctx.db.returnPhoto.count({ where: { return: { orderId: o.order.id } } })).toBe(2);
  });

  it('shows a return with its steps and the message given, to the order’s proof only', async () => {
    const manager = await makeActor(ctx.db, 'manager');
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    const other = await paidOrder([['FCT-15CM-CAM', 1]]);
    const r = await requestReturn(
      ctx.db,
      { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'other', comment: 'Wrong colour for me' }] },
      SETTINGS,
    );
    await rejectReturn(ctx.db, manager, { returnId: r.returnId, message: 'Worn items cannot come back.' });
    const noPass = () => null;
    expect(await findReturnPage(ctx.db, { segment: r.number, linkToken: null, cartToken: null, passTokenFor: noPass }, SECRET)).toBeNull();
    expect(await findReturnPage(ctx.db, { segment: r.number, linkToken: null, cartToken: other.cartToken, passTokenFor: noPass }, SECRET)).toBeNull();
    expect(await findReturnPage(ctx.db, { segment: 'R-99999999', linkToken: null, cartToken: o.cartToken, passTokenFor: noPass }, SECRET)).toBeNull();
    expect(await findReturnPage(ctx.db, { segment: r.number.toLowerCase(), linkToken: null, cartToken: o.cartToken, passTokenFor: noPass }, SECRET)).toBeNull();
    const pass = await orderPass(ctx.db, o.order.number, SECRET);
    const asked: number[] = [];
    const view = await findReturnPage(
      ctx.db,
      {
        segment: r.number,
        linkToken: null,
        cartToken: null,
        passTokenFor: (n) => {
          asked.push(n);
          return n === o.order.number ? pass : null;
        },
      },
      SECRET,
    );
    expect(asked).toEqual([o.order.number]);
    expect(view).toMatchObject({
      number: r.number,
      status: 'rejected',
      orderNumber: o.segment,
      message: 'Worn items cannot come back.',
      lines: [{ quantity: 1, reason: 'Other', comment: 'Wrong colour for me', received: null }],
      photos: 0,
      refunds: [],
    });
    expect(view!.steps.map((s) => s.status)).toEqual(['requested', 'rejected']);
  });

  it('approving moves the page on: the steps so far, nothing from staff but the message to the customer', async () => {
    const manager = await makeActor(ctx.db, 'manager');
    const o = await paidOrder([['YWS-S3638-BRO', 1]]);
    const r = await requestReturn(
      ctx.db,
      { orderId: o.order.id, lines: [{ orderLineId: o.line('YWS-S3638-BRO').id, quantity: 1, reason: 'too_small' }] },
      SETTINGS,
    );
    await approveReturn(ctx.db, manager, { returnId: r.returnId, message: 'Post it to our workshop.' });
    const view = await findReturnPage(ctx.db, { segment: r.number, linkToken: null, cartToken: o.cartToken, passTokenFor: () => null }, SECRET);
    expect(view).toMatchObject({ status: 'approved', message: 'Post it to our workshop.' });
    expect(view!.steps.map((s) => s.status)).toEqual(['requested', 'approved']);
    expect(JSON.stringify(view)).not.toContain(manager.id);
  });
});
