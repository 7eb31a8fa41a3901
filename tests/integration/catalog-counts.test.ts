import { beforeAll, expect, it } from 'vitest';
import { parseCatalogQuery } from '@/lib/catalog/filters';
import { catalogFacets, listProducts } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';

/**
 * CatalogCount and CatalogColour are kept by triggers in the database (migration catalog_counts), never by
 * the app. After every kind of write they must equal a count made from the products themselves, also when
 * several writers change the catalog at once (on PostgreSQL; PGlite runs one transaction at a time).
 */
describeEachDatabase('catalog counts kept by the database', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  /** The counts made from the products, as the triggers should have them. */
  async function counted() {
    const products = await ctx.db.product.findMany({
      where: { status: 'active' },
      select: { id: true, material: true, collections: { select: { collectionId: true } }, variants: { select: { colour: true } } },
    });
    const counts: Record<string, number> = {};
    const colours: Record<string, Set<string>> = {};
    for (const p of products) {
      for (const key of ['', ...p.collections.map((c) => c.collectionId)]) counts[`${key}|${p.material}`] = (counts[`${key}|${p.material}`] ?? 0) + 1;
      for (const v of p.variants) (colours[v.colour] ??= new Set()).add(p.id);
    }
    return { counts, colours: Object.fromEntries(Object.entries(colours).map(([c, ids]) => [c, ids.size])) };
  }

  async function stored() {
    const counts = Object.fromEntries((await ctx.db.catalogCount.findMany()).map((r) => [`${r.collectionId}|${r.material}`, r.products]));
    const colours = Object.fromEntries((await ctx.db.catalogColour.findMany()).map((r) => [r.colour, r.products]));
    return { counts, colours };
  }

  const newProduct = (slug: string, material: string, colour: string, collectionId?: string) =>
    ctx.db.product.create({
      data: {
        slug,
        title: `Test ${slug}`,
        description: 'Made by a test.',
        material,
        origin: 'Ulaanbaatar',
        care: 'Hand wash.',
        status: 'active',
        isWool: true,
        variants: { create: [{ sku: `${slug}-1`.toUpperCase(), size: 'One size', colour, priceCents: 5000, stock: 3 }] },
        ...(collectionId ? { collections: { create: [{ collectionId }] } } : {}),
      },
    });

  it('equal a recount after every kind of write', async () => {
    expect(await stored()).toEqual(await counted());
    expect(Object.keys((await stored()).counts).length).toBeGreaterThan(5);

    const [a, b] = await ctx.db.product.findMany({ where: { status: 'active', collections: { some: {} } }, take: 2, orderBy: { slug: 'asc' } });
    const collections = await ctx.db.collection.findMany({ orderBy: { slug: 'asc' } });
    const aIn = new Set((await ctx.db.collectionProduct.findMany({ where: { productId: a!.id } })).map((l) => l.collectionId));
    const notA = collections.find((c) => !aIn.has(c.id))!;
    const steps: [string, () => Promise<unknown>][] = [
      ['archive a product', () => ctx.db.product.update({ where: { id: a!.id }, data: { status: 'archived' } })],
      ['bring it back', () => ctx.db.product.update({ where: { id: a!.id }, data: { status: 'active' } })],
      ['change a material', () => ctx.db.product.update({ where: { id: b!.id }, data: { material: 'camel' } })],
      ['take it out of its collections', () => ctx.db.collectionProduct.deleteMany({ where: { productId: b!.id } })],
      ['put it in another', () => ctx.db.collectionProduct.create({ data: { productId: b!.id, collectionId: collections.at(-1)!.id } })],
      [
        'move its link to the first collection (an update, not a delete and insert)',
        () =>
          ctx.db.collectionProduct.update({
            where: { collectionId_productId: { collectionId: collections.at(-1)!.id, productId: b!.id } },
            data: { collectionId: collections[0]!.id },
          }),
      ],
      [
        'hand the link to another product',
        () =>
          ctx.db.collectionProduct.update({
            where: { collectionId_productId: { collectionId: collections[0]!.id, productId: b!.id } },
            data: { productId: a!.id, collectionId: notA.id },
          }),
      ],
      [
        'reorder a collection (no recount needed, still equal)',
        () => ctx.db.collectionProduct.updateMany({ where: { productId: a!.id }, data: { position: 7 } }),
      ],
      ['a statement that removes no link', () => ctx.db.collectionProduct.deleteMany({ where: { productId: 'no-such-product' } })],
      ['add a product in a new colour', () => newProduct('count-test-scarf', 'cashmere', 'Saffron', collections[0]!.id)],
      ['recolour a variant', () => ctx.db.variant.updateMany({ where: { product: { slug: 'count-test-scarf' } }, data: { colour: 'Ochre' } })],
      [
        'sell its stock (no recount needed, still equal)',
        () => ctx.db.variant.updateMany({ where: { product: { slug: 'count-test-scarf' } }, data: { stock: 0 } }),
      ],
      ['delete it', () => ctx.db.product.delete({ where: { slug: 'count-test-scarf' } })],
      ['archive every product of a material', () => ctx.db.product.updateMany({ where: { material: 'camel' }, data: { status: 'archived' } })],
    ];
    for (const [what, step] of steps) {
      await step();
      expect(await stored(), what).toEqual(await counted());
    }
    expect((await stored()).colours).not.toHaveProperty('Saffron');
    expect((await stored()).colours).not.toHaveProperty('Ochre');
    expect(Object.keys((await stored()).counts).some((k) => k.endsWith('|camel'))).toBe(false);

    // What the pages read agrees with the products.
    const collection = collections[0]!;
    const inCollection = await ctx.db.product.count({ where: { status: 'active', collections: { some: { collectionId: collection.id } } } });
    expect((await listProducts(ctx.db, parseCatalogQuery({ collection: collection.slug }), 12)).total).toBe(inCollection);
    expect((await listProducts(ctx.db, parseCatalogQuery({}), 12)).total).toBe(await ctx.db.product.count({ where: { status: 'active' } }));
    expect((await listProducts(ctx.db, parseCatalogQuery({ collection: 'no-such-collection' }), 12)).total).toBe(0);
    const facets = await catalogFacets(ctx.db);
    expect(facets.materials.map((m) => m.value)).not.toContain('camel');
    await ctx.db.product.updateMany({ where: { material: 'camel' }, data: { status: 'active' } });
    expect(await stored()).toEqual(await counted());
  });

  it('stay exact when several writers change the catalog at once', async () => {
    const products = await ctx.db.product.findMany({ where: { status: 'active' }, take: 8, orderBy: { slug: 'asc' }, select: { id: true } });
    const collections = await ctx.db.collection.findMany({ select: { id: true } });
    // Each writer archives one product, waits (so the transactions overlap), then files another product
    // under a collection: without the lock, one recount would miss what the other wrote.
    await Promise.all(
      products.map((p, i) =>
        ctx.db.$transaction(
          async (tx) => {
            await tx.product.update({ where: { id: p.id }, data: { status: i % 2 ? 'archived' : 'draft' } });
            await new Promise((r) => setTimeout(r, 30));
            const other = products[(i + 1) % products.length]!;
            await tx.collectionProduct.upsert({
              where: { collectionId_productId: { collectionId: collections[i % collections.length]!.id, productId: other.id } },
              create: { collectionId: collections[i % collections.length]!.id, productId: other.id },
              update: {},
            });
          },
          { timeout: 30_000, maxWait: 30_000 },
        ),
      ),
    );
    expect(await stored()).toEqual(await counted());
    await ctx.db.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { status: 'active' } });
    expect(await stored()).toEqual(await counted());
  });
});
