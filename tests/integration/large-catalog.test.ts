import { beforeAll, expect, it } from 'vitest';
import { loadCatalog, readCatalogContent, type CatalogContent } from '@/lib/catalog/content';
import { parseCatalogQuery } from '@/lib/catalog/filters';
import { largeCatalog } from '@/lib/catalog/large-catalog';
import { catalogFacets, listCollections, listProducts } from '@/lib/catalog/queries';
import { CATALOG_CONTENT_DIR } from '@/lib/catalog/seed-catalog';
import type { Db } from '@/lib/db';
import { describeEachDatabase } from '../support/databases';

/**
 * The loader and the catalog's reads at a grown shop's size. 2,000 products keep the suite quick;
 * `npm run bench` (BENCH_CATALOG=large) loads and measures 10,000.
 */
const SIZE = 2_000;

async function counts(db: Db) {
  return {
    products: await db.product.count(),
    variants: await db.variant.count(),
    images: await db.productImage.count(),
    links: await db.collectionProduct.count(),
    collections: await db.collection.count(),
    stock: (await db.variant.aggregate({ _sum: { stock: true } }))._sum.stock ?? 0,
  };
}

let big: CatalogContent;
beforeAll(async () => {
  big = largeCatalog(await readCatalogContent(CATALOG_CONTENT_DIR), { products: SIZE });
});

describeEachDatabase('a catalog of thousands of products', (ctx) => {
  it('is all or nothing: a bad product at the very end leaves nothing written', async () => {
    const last = big.products.at(-1)!;
    // A price past what the column holds: only the database can refuse it, after everything before it was written.
    const bad = { ...last, variants: [{ ...last.variants[0]!, priceCents: 2 ** 31 }, ...last.variants.slice(1)] };
    await expect(loadCatalog(ctx.db, { ...big, products: [...big.products.slice(0, -1), bad] })).rejects.toThrow();
    expect(await counts(ctx.db)).toEqual({ products: 0, variants: 0, images: 0, links: 0, collections: 0, stock: 0 });
  });

  it('loads every product, variant, image and collection link, with the price ranges of the variants', async () => {
    const loaded = await loadCatalog(ctx.db, big);
    const variants = big.products.flatMap((p) => p.variants);
    expect(loaded).toEqual({ products: SIZE, variants: variants.length });
    expect(await counts(ctx.db)).toEqual({
      products: SIZE,
      variants: variants.length,
      images: big.products.reduce((n, p) => n + p.images.length, 0),
      links: big.products.reduce((n, p) => n + p.collections.length, 0),
      collections: big.collections.length,
      stock: variants.reduce((n, v) => n + v.stock, 0),
    });
    const rows = await ctx.db.product.findMany({ select: { slug: true, status: true, minPriceCents: true, maxPriceCents: true, isWool: true } });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    for (const p of big.products) {
      const prices = p.variants.map((v) => v.priceCents);
      expect(bySlug.get(p.slug), p.slug).toMatchObject({ status: p.status, minPriceCents: Math.min(...prices), maxPriceCents: Math.max(...prices) });
    }
  });

  it('loading again changes nothing, and a changed product is updated in place', async () => {
    const before = await counts(ctx.db);
    const stamps = await ctx.db.product.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
    await loadCatalog(ctx.db, big);
    expect(await counts(ctx.db)).toEqual(before);
    expect(await ctx.db.product.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } })).toEqual(stamps);

    const target = big.products[SIZE - 1]!;
    const changed = {
      ...target,
      title: 'Renamed in the file',
      status: 'archived' as const,
      variants: target.variants.map((v, i) => (i === 0 ? { ...v, priceCents: 5, stock: 77 } : v)),
    };
    await loadCatalog(ctx.db, { ...big, products: [...big.products.slice(0, -1), changed] });
    const row = await ctx.db.product.findUniqueOrThrow({ where: { slug: target.slug }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(row).toMatchObject({ title: 'Renamed in the file', status: 'archived', minPriceCents: 5 });
    expect(row.variants[0]).toMatchObject({ sku: target.variants[0]!.sku, priceCents: 5, stock: 77 });
    expect(await counts(ctx.db)).toEqual({ ...before, stock: before.stock - target.variants[0]!.stock + 77 });
    await loadCatalog(ctx.db, big);
  });

  it('lists, counts, filters and searches the same products the files describe', async () => {
    const active = big.products.filter((p) => p.status === 'active');
    const list = (params: Record<string, string>) => listProducts(ctx.db, parseCatalogQuery(params), 24);
    expect((await list({})).total).toBe(active.length);
    expect((await list({ material: 'felt' })).total).toBe(active.filter((p) => p.material === 'felt').length);
    expect((await list({ inStock: '1' })).total).toBe(active.filter((p) => p.variants.some((v) => v.stock > 0)).length);
    expect((await list({ colour: 'navy', inStock: '1' })).total).toBe(
      active.filter((p) => p.variants.some((v) => v.colour.toLowerCase() === 'navy' && v.stock > 0)).length,
    );
    expect((await list({ minPrice: '50', maxPrice: '100' })).total).toBe(
      active.filter((p) => p.variants.some((v) => v.priceCents >= 5000 && v.priceCents <= 10000)).length,
    );
    expect((await list({ collection: 'felt-home', sort: 'price-asc' })).total).toBe(active.filter((p) => p.collections.includes('felt-home')).length);

    const cheapest = await list({ sort: 'price-asc' });
    const prices = active.map((p) => Math.min(...p.variants.map((v) => v.priceCents))).sort((a, b) => a - b);
    expect(cheapest.products.map((p) => p.priceFrom.amount)).toEqual(prices.slice(0, 24));
    const last = await list({ sort: 'newest', page: '500' });
    expect(last.page).toBe(Math.ceil(active.length / 24));
    expect(last.products).toHaveLength(active.length - (last.page - 1) * 24);

    // A search in the default order: best matches first, a whole page, the total of every match.
    const hasSweater = (text: string) => /\bsweaters?\b/i.test(text);
    const matching = active.filter((p) => hasSweater([p.title, p.description, p.material, p.origin, ...p.variants.map((v) => v.colour)].join(' ')));
    const titled = new Set(active.filter((p) => hasSweater(p.title)).map((p) => p.slug));
    const found = await list({ q: 'sweater' });
    const second = await list({ q: 'sweater', page: '2' });
    expect(found.total).toBeGreaterThan(100);
    expect(found.total).toBe(matching.length);
    expect(second.total).toBe(found.total);
    const shown = [...found.products, ...second.products].map((p) => p.slug);
    expect(new Set(shown).size).toBe(48);
    // The title weighs most: with more than 48 sweaters by name, the first two pages are all of them.
    expect(titled.size).toBeGreaterThan(48);
    for (const slug of shown) expect(titled.has(slug), slug).toBe(true);
    // Every page of "cashmere" (in titles, and as a material): each match once, every title match before every
    // other match (the page where the tiers meet holds both), and the pages add up to the total.
    const hasCashmere = (text: string) => /\bcashmeres?\b/i.test(text);
    const titledCashmere = new Set(active.filter((p) => hasCashmere(p.title)).map((p) => p.slug));
    const cashmere = await list({ q: 'cashmere' });
    expect(cashmere.total).toBe(
      active.filter((p) => hasCashmere([p.title, p.description, p.material, p.origin, ...p.variants.map((v) => v.colour)].join(' '))).length,
    );
    expect(cashmere.total).toBeGreaterThan(titledCashmere.size);
    const pages: string[] = [];
    for (let n = 1; n <= cashmere.pageCount; n++) pages.push(...(await list({ q: 'cashmere', page: String(n) })).products.map((p) => p.slug));
    expect(pages).toHaveLength(cashmere.total);
    expect(new Set(pages).size).toBe(cashmere.total);
    expect(pages.findIndex((slug) => !titledCashmere.has(slug))).toBe(titledCashmere.size);
    expect(titledCashmere.size % 24).not.toBe(0);
    // Asked past the end (the page is read beside the count, so it is only a guess): the last page, whole.
    const past = await list({ q: 'cashmere', page: '999' });
    expect(past.page).toBe(cashmere.pageCount);
    expect(past.products.map((p) => p.slug)).toEqual(pages.slice((cashmere.pageCount - 1) * 24));
    const pastFiltered = await list({ q: 'cashmere', sort: 'price-asc', page: '999' });
    expect(pastFiltered.page).toBe(cashmere.pageCount);
    expect(pastFiltered.products).toHaveLength(cashmere.total - (cashmere.pageCount - 1) * 24);
    // A typo finds what the word would have found, and a word the catalog lacks finds nothing.
    const typo = await list({ q: 'sweatr' });
    expect(typo.total).toBe(found.total);
    expect((await list({ q: 'qzxv' })).total).toBe(0);

    const facets = await catalogFacets(ctx.db);
    const felt = facets.materials.find((m) => m.value === 'felt');
    expect(felt?.count).toBe(active.filter((p) => p.material === 'felt').length);
    expect(facets.colours).toEqual([...new Set(active.flatMap((p) => p.variants.map((v) => v.colour)))].sort());
    const collections = await listCollections(ctx.db);
    expect(collections.find((c) => c.slug === 'felt-home')?.productCount).toBe(active.filter((p) => p.collections.includes('felt-home')).length);
  });
});
