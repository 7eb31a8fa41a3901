import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/permissions';
import { CSV_COLUMNS } from '@/lib/catalog/admin/csv-columns';
import { importCatalogCsv } from '@/lib/catalog/admin/csv-import';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';
import { snapshotTables } from '../support/snapshot';
import { makeActor } from '../support/staff';

const opts = { currency: 'USD' };
const PRODUCTS = 2_000;
const toCsv = (rows: Record<string, string>[]) => stringify([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))]);

/** A shop's file of `n` new products, two variants each (the second with blank stock), every third in a collection. */
function bulkRows(n: number): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const handle = `bulk-felt-${i}`;
    rows.push({
      Handle: handle,
      Title: `Bulk felt slippers ${i}`,
      'Body (Markdown)': `Felted by hand, number ${i}.`,
      Material: 'felt',
      Wool: 'TRUE',
      Origin: 'Arkhangai aimag',
      Care: 'Brush off dust.',
      Collections: i % 3 === 0 ? 'cashmere-knitwear' : '',
      Status: i % 50 === 0 ? 'draft' : 'active',
      'Option1 Name': 'Size',
      'Option1 Value': '38',
      'Option2 Name': 'Colour',
      'Option2 Value': 'Grey',
      'Variant SKU': `BULK-${i}-38`,
      'Variant Price': `${40 + (i % 30)}.00`,
      'Variant Inventory Qty': String(i % 4),
    });
    rows.push({
      Handle: handle,
      'Option1 Value': '39',
      'Option2 Value': 'Grey',
      'Variant SKU': `BULK-${i}-39`,
      'Variant Price': '99.50',
      'Variant Compare At Price': '120.00',
    });
  }
  return rows;
}

describeEachDatabase(`a catalog CSV of ${PRODUCTS.toLocaleString('en')} products`, (ctx) => {
  let manager: StaffActor;
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    manager = await makeActor(ctx.db, 'manager');
  });

  it('with one bad row at the end writes nothing, and says which row', async () => {
    const taken = await ctx.db.variant.findFirstOrThrow({ include: { product: true } });
    const rows = bulkRows(PRODUCTS);
    rows.push({ ...rows[0]!, Handle: 'bulk-felt-bad', 'Variant SKU': taken.sku });
    const before = await snapshotTables(ctx.db);
    const r = await importCatalogCsv(ctx.db, manager, toCsv(rows), { ...opts, dryRun: false });
    expect(r.applied).toBe(false);
    expect(r.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      `${rows.length + 1} Variant SKU: SKU ${taken.sku} already belongs to ${taken.product.slug}. Each SKU is used once.`,
    ]);
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('imports them all in one go, with opening stock, audit entries, collections, prices and search text; importing again writes nothing', async () => {
    const [products, variants] = await Promise.all([ctx.db.product.count(), ctx.db.variant.count()]);
    const file = toCsv(bulkRows(PRODUCTS));
    const r = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: false });
    expect(r.problems).toEqual([]);
    expect(r.applied).toBe(true);
    expect(r.created).toHaveLength(PRODUCTS);
    expect(r.tags).toEqual(
      expect.arrayContaining(['products', 'collections', 'product:bulk-felt-0', `product:bulk-felt-${PRODUCTS - 1}`, 'collection:cashmere-knitwear']),
    );
    expect(await ctx.db.product.count()).toBe(products + PRODUCTS);
    expect(await ctx.db.variant.count()).toBe(variants + 2 * PRODUCTS);

    const made = await ctx.db.product.findUniqueOrThrow({
      where: { slug: 'bulk-felt-3' },
      include: { variants: { orderBy: { position: 'asc' } }, collections: { include: { collection: true } } },
    });
    expect(made).toMatchObject({ title: 'Bulk felt slippers 3', status: 'active', isWool: true, currency: 'USD', minPriceCents: 4300, maxPriceCents: 9950 });
    expect(made.editedAt).toBeInstanceOf(Date);
    expect(made.searchWords).toContain('bulk felt slippers 3');
    expect(made.variants.map((v) => [v.sku, v.size, v.stock, v.priceCents, v.compareAtCents, v.position])).toEqual([
      ['BULK-3-38', '38', 3, 4300, null, 0],
      ['BULK-3-39', '39', 0, 9950, 12000, 1],
    ]);
    expect(made.collections.map((c) => c.collection.slug)).toEqual(['cashmere-knitwear']);
    expect(await ctx.db.stockAdjustment.count({ where: { reason: 'Opening stock', variant: { sku: { startsWith: 'BULK-' } } } })).toBe(PRODUCTS - PRODUCTS / 4);
    expect(await ctx.db.stockAdjustment.findFirst({ where: { variantId: made.variants[0]!.id } })).toMatchObject({
      delta: 3,
      stockAfter: 3,
      actorId: manager.id,
    });
    expect(await ctx.db.auditEntry.count({ where: { action: 'product.create', actorId: manager.id, entityId: { in: [made.id] } } })).toBe(1);
    expect(await ctx.db.auditEntry.count({ where: { action: 'product.create', actorId: manager.id } })).toBeGreaterThanOrEqual(PRODUCTS);
    const audit = await ctx.db.auditEntry.findFirstOrThrow({ where: { action: 'product.create', entityId: made.id } });
    expect(audit).toMatchObject({ actorEmail: manager.email, entityType: 'product', before: null });
    expect(audit.after).toEqual({
      title: 'Bulk felt slippers 3',
      slug: 'bulk-felt-3',
      status: 'active',
      material: 'felt',
      isWool: true,
      origin: 'Arkhangai aimag',
      care: 'Brush off dust.',
      description: 'Felted by hand, number 3.',
      collections: ['cashmere-knitwear'],
      variants: [
        { sku: 'BULK-3-38', size: '38', colour: 'Grey', priceCents: 4300, compareAtCents: null },
        { sku: 'BULK-3-39', size: '39', colour: 'Grey', priceCents: 9950, compareAtCents: 12000 },
      ],
    });

    const before = await snapshotTables(ctx.db);
    const again = await importCatalogCsv(ctx.db, manager, file, { ...opts, dryRun: false });
    expect(again).toMatchObject({ problems: [], created: [], updated: [], unchanged: PRODUCTS });
    expect(await snapshotTables(ctx.db)).toBe(before);
  });

  it('changes every product of the file in one go: prices, a collection, a new variant and stock, each product audited once; a sale made meanwhile is in the stock history', async () => {
    const rows = bulkRows(PRODUCTS).map((r): Record<string, string> => ({
      ...r,
      ...(r['Variant Price']
        ? { 'Variant Price': r['Variant SKU']!.endsWith('-39') ? '104.50' : `${50 + (Number(r.Handle!.split('-').at(-1)) % 30)}.00` }
        : {}),
      ...(r['Variant Compare At Price'] ? { 'Variant Compare At Price': '125.00' } : {}),
    }));
    // Product 5 leaves nothing and joins a collection, product 6 gains a variant, product 7's first variant is restocked to 9.
    rows.find((r) => r.Handle === 'bulk-felt-5' && r.Title)!.Collections = 'felt-home';
    rows.push({
      Handle: 'bulk-felt-6',
      'Option1 Value': '40',
      'Option2 Value': 'Grey',
      'Variant SKU': 'BULK-6-40',
      'Variant Price': '60.00',
      'Variant Inventory Qty': '2',
    });
    // Its price stays, so nothing before the stock step waits for the sale's row.
    Object.assign(
      rows.find((r) => r['Variant SKU'] === 'BULK-7-38')!,
      { 'Variant Inventory Qty': '9', 'Variant Price': '47.00' },
    );
    const sold = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'BULK-7-38' } });
    const auditsBefore = await ctx.db.auditEntry.count({ where: { action: 'product.update' } });

    // A sale holds the variant's row while the import starts; the import's stock "from" must be the stock after it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let salePid: number | null = null;
    let locked!: () => void;
    const saleHolds = new Promise<void>((r) => (locked = r));
    const sale = ctx.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Variant" WHERE id = ${sold.id} FOR UPDATE`;
      salePid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
      locked();
      await tx.variant.update({ where: { id: sold.id }, data: { stock: { decrement: 1 } } });
      await held;
    });
    await saleHolds;
    const importing = importCatalogCsv(ctx.db, manager, toCsv(rows), { ...opts, dryRun: false });
    if (ctx.engine === 'postgres') {
      // Let the sale commit only once the import waits for the sale's own transaction (PGlite runs one transaction at a time).
      const started = Date.now();
      const blocked = async () =>
        (await ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${salePid}::int = ANY(pg_blocking_pids(pid))`)[0]!.n > 0;
      while (!(await blocked())) {
        if (Date.now() - started > 30_000) throw new Error('the import never waited for the row the sale holds');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    release();
    const [, r] = await Promise.all([sale, importing]);

    expect(r.problems).toEqual([]);
    expect(r.applied).toBe(true);
    expect(r.updated).toHaveLength(PRODUCTS);
    expect(r.tags).toEqual(expect.arrayContaining(['product:bulk-felt-0', `product:bulk-felt-${PRODUCTS - 1}`, 'collection:felt-home']));
    const five = await ctx.db.product.findUniqueOrThrow({
      where: { slug: 'bulk-felt-5' },
      include: { variants: { orderBy: { position: 'asc' } }, collections: { include: { collection: true } } },
    });
    expect(five.variants.map((v) => [v.sku, v.priceCents, v.compareAtCents])).toEqual([
      ['BULK-5-38', 5500, null],
      ['BULK-5-39', 10450, 12500],
    ]);
    expect([five.minPriceCents, five.maxPriceCents]).toEqual([5500, 10450]);
    expect(five.collections.map((c) => c.collection.slug)).toEqual(['felt-home']);
    const six = await ctx.db.variant.findUniqueOrThrow({ where: { sku: 'BULK-6-40' }, include: { stockChanges: true } });
    expect([six.position, six.stock, six.stockChanges.map((s) => [s.delta, s.reason])]).toEqual([2, 2, [[2, 'Opening stock']]]);
    const restock = await ctx.db.stockAdjustment.findFirstOrThrow({ where: { variantId: sold.id, reason: 'CSV import' } });
    expect([restock.delta, restock.stockAfter]).toEqual([9 - (sold.stock - 1), 9]);
    expect(r.stockChanges).toEqual([{ sku: 'BULK-7-38', from: sold.stock - 1, to: 9 }]);

    expect(await ctx.db.auditEntry.count({ where: { action: 'product.update' } })).toBe(auditsBefore + PRODUCTS);
    const audit = await ctx.db.auditEntry.findFirstOrThrow({ where: { action: 'product.update', entityId: five.id } });
    expect([audit.before, audit.after]).toEqual([
      {
        collections: [],
        variants: [
          { sku: 'BULK-5-38', size: '38', colour: 'Grey', priceCents: 4500, compareAtCents: null },
          { sku: 'BULK-5-39', size: '39', colour: 'Grey', priceCents: 9950, compareAtCents: 12000 },
        ],
      },
      {
        collections: ['felt-home'],
        variants: [
          { sku: 'BULK-5-38', size: '38', colour: 'Grey', priceCents: 5500, compareAtCents: null },
          { sku: 'BULK-5-39', size: '39', colour: 'Grey', priceCents: 10450, compareAtCents: 12500 },
        ],
      },
    ]);
  });
});
