import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parseCatalogQuery } from '@/lib/catalog/filters';
import { MATERIAL_KEYS } from '@/lib/catalog/materials';
import { refreshPriceRange } from '@/lib/catalog/price-range';
import { listProducts } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';

/**
 * ProductSearch, the narrow copy a search with no other filter reads (migration product_search), is kept by
 * a trigger on Product, never by the app. After every kind of write it must hold exactly the active
 * products that have their vectors, with the same slug and the same vectors (weights and positions: the
 * ranking reads them); and a search read from it must list what the same search read from Product lists.
 */
describeEachDatabase('the search table kept by the database', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  type Row = { id: string; slug: string; search: string; title: string };
  const stored = () =>
    ctx.db.$queryRaw<Row[]>`SELECT "id", "slug", "searchVector"::text AS search, "titleVector"::text AS title FROM "ProductSearch" ORDER BY "id"`;
  const expected = () => ctx.db.$queryRaw<Row[]>`
    SELECT "id", "slug", "searchVector"::text AS search, "titleVector"::text AS title FROM "Product"
    WHERE "status" = 'active' AND "searchVector" IS NOT NULL AND "titleVector" IS NOT NULL ORDER BY "id"`;

  const product = (slug: string, title: string, status: 'active' | 'draft' = 'active') =>
    ctx.db.product.create({
      data: {
        slug,
        title,
        description: 'Felted by a test in a ger outside Ulaanbaatar.',
        material: 'felt',
        origin: 'Ulaanbaatar',
        care: 'Brush gently.',
        status,
        isWool: true,
        variants: { create: [{ sku: `${slug}-1`.toUpperCase(), size: 'One size', colour: 'Grey', priceCents: 3900, stock: 2 }] },
      },
    });
  const idOf = async (slug: string) => (await ctx.db.product.findUniqueOrThrow({ where: { slug } })).id;

  it('holds exactly the active products with their vectors after every kind of write', async () => {
    expect((await stored()).length).toBeGreaterThan(10);
    expect(await stored()).toEqual(await expected());

    const steps: [string, () => Promise<unknown>][] = [
      ['a new active product, before its vectors are written', () => product('search-test-slippers', 'Test Felt Slippers')],
      ['its vectors written (as every product write does)', async () => refreshPriceRange(ctx.db, await idOf('search-test-slippers'))],
      ['its title changed', async () => ctx.db.product.update({ where: { slug: 'search-test-slippers' }, data: { title: 'Test Felted House Shoes' } })],
      ['…and its vectors rewritten', async () => refreshPriceRange(ctx.db, await idOf('search-test-slippers'))],
      ['its slug changed', () => ctx.db.product.update({ where: { slug: 'search-test-slippers' }, data: { slug: 'search-test-house-shoes' } })],
      ['archived', () => ctx.db.product.update({ where: { slug: 'search-test-house-shoes' }, data: { status: 'archived' } })],
      ['brought back', () => ctx.db.product.update({ where: { slug: 'search-test-house-shoes' }, data: { status: 'active' } })],
      ['a write that changes nothing it copies', () => ctx.db.product.update({ where: { slug: 'search-test-house-shoes' }, data: { care: 'Air it.' } })],
      ['a draft with its vectors', async () => refreshPriceRange(ctx.db, (await product('search-test-draft-hat', 'Test Draft Hat', 'draft')).id)],
      ['the draft published', () => ctx.db.product.update({ where: { slug: 'search-test-draft-hat' }, data: { status: 'active' } })],
      ['deleted', () => ctx.db.product.delete({ where: { slug: 'search-test-house-shoes' } })],
      ['many at once', () => ctx.db.product.updateMany({ where: { material: 'camel' }, data: { status: 'draft' } })],
      ['and back', () => ctx.db.product.updateMany({ where: { material: 'camel' }, data: { status: 'active' } })],
      [
        'its vectors emptied (NULL), as before its first write',
        () => ctx.db.$executeRaw`UPDATE "Product" SET "searchVector" = NULL, "titleVector" = NULL WHERE "slug" = 'search-test-draft-hat'`,
      ],
      ['…and written again', async () => refreshPriceRange(ctx.db, await idOf('search-test-draft-hat'))],
      [
        'its id changed (the copy follows its key)',
        () => ctx.db.$executeRaw`UPDATE "Product" SET "id" = 'search-test-new-id' WHERE "slug" = 'search-test-draft-hat'`,
      ],
    ];
    for (const [what, step] of steps) {
      await step();
      expect(await stored(), what).toEqual(await expected());
    }
    const slugs = (await stored()).map((r) => r.slug);
    expect(slugs).toContain('search-test-draft-hat');
    expect(slugs).not.toContain('search-test-house-shoes');
    await ctx.db.product.delete({ where: { slug: 'search-test-draft-hat' } });
    expect(await stored()).toEqual(await expected());
  });

  it('a search alone (read from it) lists what the same search lists when read from Product', async () => {
    // Every material at once filters nothing out, but it is a filter: that search reads Product.
    const everyMaterial = [...MATERIAL_KEYS];
    const archived = await ctx.db.product.findFirstOrThrow({ where: { status: 'active', title: { contains: 'Scarf' } } });
    await ctx.db.product.update({ where: { id: archived.id }, data: { status: 'archived' } });
    const totals: number[] = [];
    try {
      for (const q of ['wool', 'cashmere', 'scarves', 'cashmir', 'yak wool', 'felt', 'grey', 'arkhangai', 'nothing-like-this']) {
        for (const page of ['1', '2', '99']) {
          const alone = await listProducts(ctx.db, parseCatalogQuery({ q, page }), 3);
          const viaProduct = await listProducts(ctx.db, parseCatalogQuery({ q, page, material: everyMaterial }), 3);
          expect(alone, `${q}, page ${page}`).toEqual(viaProduct);
          expect(alone.products.map((p) => p.slug)).not.toContain(archived.slug);
          totals.push(alone.total);
        }
      }
      // Some searches fill more than two pages of three, with title matches and other matches; one finds nothing.
      expect(Math.max(...totals)).toBeGreaterThan(6);
      expect(totals).toContain(0);
    } finally {
      await ctx.db.product.update({ where: { id: archived.id }, data: { status: 'active' } });
    }
  });

  it('is what a search alone reads, and any other condition reads Product instead', async () => {
    // Take one product's row out of the copy by hand (only a test does): a search alone no longer finds it,
    // which shows the copy is read; the same search with any one filter that keeps it still does.
    const made = await product('search-test-lantern', 'Test Felt Lantern');
    await refreshPriceRange(ctx.db, made.id);
    const collection = await ctx.db.collection.findFirstOrThrow();
    await ctx.db.collectionProduct.create({ data: { collectionId: collection.id, productId: made.id } });
    const finds = async (params: Record<string, string | string[]>) =>
      (await listProducts(ctx.db, parseCatalogQuery({ q: 'lantern', ...params }), 24)).products.map((p) => p.slug);
    try {
      expect(await finds({})).toEqual(['search-test-lantern']);
      await ctx.db.$executeRaw`DELETE FROM "ProductSearch" WHERE "id" = ${made.id}`;
      expect(await finds({})).toEqual([]);
      const filters: Record<string, Record<string, string | string[]>> = {
        collection: { collection: collection.slug },
        material: { material: 'felt' },
        colour: { colour: 'grey' },
        'in stock': { inStock: '1' },
        'lowest price': { minPrice: '39' },
        'highest price': { maxPrice: '39' },
      };
      for (const [name, params] of Object.entries(filters)) expect(await finds(params), name).toEqual(['search-test-lantern']);
      // Another order than relevance ranks nothing, so it reads Product too.
      expect(await finds({ sort: 'price-asc' })).toEqual(['search-test-lantern']);
    } finally {
      await ctx.db.product.delete({ where: { id: made.id } });
    }
  });

  it('the migration fills it from the products already there', async () => {
    // The migration's own INSERT … SELECT, run on a full catalog with the copy emptied, restores it exactly.
    const sql = fs.readFileSync(path.join('prisma/migrations/20261128160000_product_search/migration.sql'), 'utf8');
    const backfill = sql.slice(sql.lastIndexOf('INSERT INTO "ProductSearch"')).trim().replace(/;$/, '');
    expect(backfill).toMatch(/^INSERT INTO "ProductSearch" \("id", "slug", "searchVector", "titleVector"\)\s+SELECT/);
    const before = await stored();
    expect(before.length).toBeGreaterThan(10);
    try {
      await ctx.db.$executeRaw`DELETE FROM "ProductSearch"`;
      expect(await stored()).toEqual([]);
      await ctx.db.$executeRawUnsafe(backfill);
      expect(await stored()).toEqual(before);
      expect(await stored()).toEqual(await expected());
    } finally {
      // Whatever happened above, the copy is whole again for any test after this one.
      await ctx.db.$executeRaw`DELETE FROM "ProductSearch"`;
      await ctx.db.$executeRawUnsafe(backfill);
    }
  });
});
