/**
 * One return for the browser tests to look at (tests/e2e/staff-pages.spec.ts scans the staff
 * return queue and a return's page): a paid order of a customer no other test uses, and a return of
 * both its lines, one damaged with a photo. Made through lib/ like a customer's request would be.
 * The stock taken by the order is put back first, so the shop's stock is what the catalog says.
 */
import sharp from 'sharp';
import { addToCart, getCart } from '../lib/cart/cart';
import { cartSettings } from '../lib/cart/settings';
import { quoteOf } from '../lib/checkout/quote';
import { checkoutAndPay } from '../lib/checkout/service';
import { createDb } from '../lib/db';
import { mediaStorage } from '../lib/media/storage';
import { requestReturn } from '../lib/returns/request';

export const E2E_RETURN_EMAIL = 'returns-e2e@example.com';

const LINES = [
  ['KCC-M-FOR', 1],
  ['FSB-LARGE-CHA', 1],
] as const;

export async function seedE2eReturn(log = console.log): Promise<void> {
  const handle = createDb();
  const db = handle.prisma;
  try {
    if (await db.order.count({ where: { email: E2E_RETURN_EMAIL } })) return;
    let token: string | null = null;
    for (const [sku, quantity] of LINES) {
      const v = await db.variant.findUniqueOrThrow({ where: { sku } });
      await db.variant.update({ where: { id: v.id }, data: { stock: { increment: quantity } } });
      const r = await addToCart(db, token, { variantId: v.id, quantity }, cartSettings());
      token = r.newToken ?? token;
    }
    const paid = await checkoutAndPay(db, token, {
      email: E2E_RETURN_EMAIL,
      name: 'Bolormaa Tsend',
      line1: '12 Peace Avenue',
      line2: null,
      city: 'Ulaanbaatar',
      region: null,
      postalCode: '14200',
      country: 'MN',
      shippingMethod: 'standard',
      payment: 'test',
      quote: quoteOf(await getCart(db, token, cartSettings())),
    });
    if (paid.kind !== 'paid') throw new Error(`the e2e return's order was not paid: ${paid.kind}`);
    const lines = await db.orderLine.findMany({ where: { orderId: paid.orderId }, orderBy: { sku: 'asc' } });
    const r = await requestReturn(
      db,
      {
        orderId: paid.orderId,
        lines: lines.map((l) =>
          l.sku === 'FSB-LARGE-CHA'
            ? { orderLineId: l.id, quantity: 1, reason: 'damaged' as const, comment: 'One handle came unstitched on the first day.' }
            : { orderLineId: l.id, quantity: 1, reason: 'too_large' as const },
        ),
      },
      { windowDays: 30 },
    );
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#8a6a4a' } })
      .composite([{ input: Buffer.from('<svg width="1200" height="900"><rect x="380" y="260" width="440" height="380" rx="40" fill="#d9c7a6"/></svg>') }])
      .webp()
      .toBuffer();
    const key = `returns/${r.returnId}/${'0'.repeat(31)}1.webp`;
    await mediaStorage().put(key, bytes);
    await db.returnPhoto.create({ data: { returnId: r.returnId, key, width: 1200, height: 900, position: 0 } });
    log(`return ${r.number} made for the staff pages`);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await seedE2eReturn((m) => console.log(`[e2e] ${m}`));
