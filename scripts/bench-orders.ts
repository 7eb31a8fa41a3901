/**
 * `npm run bench:orders` (and the last part of `npm run bench`): order placement as the checkout
 * does it — re-price the cart, reserve stock, write the order, pay with the test provider — by
 * 10 concurrent shoppers, each with their own cart, for a bounded time. Prints p50 and p99.
 * Embedded PGlite (in memory) by default; BENCH_DATABASE_URL=postgresql://…?schema=bench_orders
 * measures on PostgreSQL (the schema is emptied first). Asserts nothing.
 */
import { z } from 'zod';
import { addToCart, getCart } from '../lib/cart/cart';
import { cartSettings } from '../lib/cart/settings';
import { placeOrder } from '../lib/checkout/place';
import { quoteOf } from '../lib/checkout/quote';
import { seedCatalog } from '../lib/catalog/seed-catalog';
import { createDb } from '../lib/db';
import { parseDatabaseUrl } from '../lib/db/connection';
import { applyMigrations } from '../lib/db/migrator';
import { recordPayment } from '../lib/payments/record';

const opts = z
  .object({
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    BENCH_SHOPPERS: z.coerce.number().int().min(1).max(100).default(10),
    BENCH_DATABASE_URL: z.string().optional(),
  })
  .parse(process.env);

const url = opts.BENCH_DATABASE_URL || 'pglite:memory';
const target = parseDatabaseUrl(url);
if (target.kind === 'postgres' && target.schema) {
  // A clean schema each run, so numbers never depend on what an earlier run left.
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: target.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${target.schema.replace(/"/g, '')}" CASCADE`);
  await client.query(`CREATE SCHEMA "${target.schema.replace(/"/g, '')}"`);
  await client.end();
}
const handle = createDb(target);
const db = handle.prisma;
await applyMigrations(handle.factory);
await seedCatalog(db);
await db.variant.updateMany({ data: { stock: 1_000_000 } });
const variants = await db.variant.findMany({ where: { product: { status: 'active' } }, select: { id: true }, take: 12 });
const cart = cartSettings();
const address = {
  email: 'bench@example.com',
  name: 'Bench Shopper',
  line1: '1 Peace Avenue',
  line2: null,
  city: 'Ulaanbaatar',
  region: null,
  postalCode: '14200',
  country: 'MN' as const,
  shippingMethod: 'standard' as const,
  payment: 'test' as const,
};

const latencies: number[] = [];
let failures = 0;
const deadline = Date.now() + opts.BENCH_SECONDS * 1000;
async function shopper(n: number): Promise<void> {
  let i = 0;
  while (Date.now() < deadline) {
    // Outside the timing: a fresh cart of two lines, as a shopper arrives at checkout.
    const first = await addToCart(db, null, { variantId: variants[(n + i) % variants.length]!.id, quantity: 1 }, cart);
    await addToCart(db, first.newToken, { variantId: variants[(n + i + 5) % variants.length]!.id, quantity: 2 }, cart);
    const quote = quoteOf(await getCart(db, first.newToken, cart));
    const started = performance.now();
    const placed = await placeOrder(db, first.newToken, { ...address, quote }, 'test', { cart, holdMinutes: 30 });
    if (placed.kind === 'placed') {
      const o = placed.order;
      await db.$transaction((tx) =>
        recordPayment(tx, {
          orderId: o.id,
          provider: 'test',
          externalId: `bench_${o.id}`,
          amountCents: o.total.amount,
          currency: o.total.currency,
          now: new Date(),
        }),
      );
      latencies.push(performance.now() - started);
    } else failures += 1;
    i += 1;
  }
}
await Promise.all(Array.from({ length: opts.BENCH_SHOPPERS }, (_, n) => shopper(n)));
await handle.close();

latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1) : '-');
console.log(
  `order placement + test payment, ${opts.BENCH_SHOPPERS} concurrent shoppers, ${opts.BENCH_SECONDS} s on ${target.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}: ` +
    `${latencies.length} orders, p50 ${pct(50)} ms, p99 ${pct(99)} ms, ${failures} not placed`,
);
process.exit(0);
