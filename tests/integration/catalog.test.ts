import { beforeAll, expect, it } from 'vitest';
import { parseCatalogQuery } from '@/lib/catalog/filters';
import { getProductBySlug, listProducts, catalogFacets, listCollections, getCollectionBySlug, featuredProducts } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('catalog queries', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
  });

  const list = (params: Record<string, string | string[]>, pageSize = 100) => listProducts(ctx.db, parseCatalogQuery(params), pageSize);

  it('lists only active products', async () => {
    const all = await list({});
    const activeCount = await ctx.db.product.count({ where: { status: 'active' } });
    const draft = await ctx.db.product.findFirstOrThrow({ where: { status: 'draft' } });
    expect(all.total).toBe(activeCount);
    expect(all.total).toBeGreaterThanOrEqual(24);
    expect(all.products.map((p) => p.slug)).not.toContain(draft.slug);
    expect(await getProductBySlug(ctx.db, draft.slug)).toBeNull();
  });

  it('filters by material', async () => {
    const r = await list({ material: ['yak', 'camel'] });
    expect(r.total).toBeGreaterThan(0);
    expect(new Set(r.products.map((p) => p.material))).toEqual(new Set(['yak', 'camel']));
  });

  it('filters by a price range on the variants, in whole cents', async () => {
    const r = await list({ minPrice: '40', maxPrice: '50' });
    expect(r.total).toBeGreaterThan(0);
    for (const p of r.products) {
      const variants = await ctx.db.variant.findMany({ where: { product: { slug: p.slug } } });
      expect(variants.some((v) => v.priceCents >= 4000 && v.priceCents <= 5000)).toBe(true);
    }
  });

  it('filters by colour and stock together: one variant must match both', async () => {
    const r = await list({ colour: 'charcoal', inStock: '1' });
    expect(r.total).toBeGreaterThan(0);
    for (const p of r.products) {
      const matching = await ctx.db.variant.count({ where: { product: { slug: p.slug }, colour: 'Charcoal', stock: { gt: 0 } } });
      expect(matching).toBeGreaterThan(0);
    }
    // The turtleneck is charcoal but sold out in every size.
    expect(r.products.map((p) => p.slug)).not.toContain('nomad-turtleneck');
    expect((await list({ colour: 'charcoal' })).products.map((p) => p.slug)).toContain('nomad-turtleneck');
  });

  it('searches by words across title, description and material', async () => {
    const r = await list({ q: 'camel wool' });
    expect(r.products.map((p) => p.slug)).toContain('gobi-camel-blanket');
    expect((await list({ q: 'no-such-thing-zzz' })).total).toBe(0);
    // LIKE wildcards typed by a shopper match literally.
    expect((await list({ q: '%' })).total).toBe(0);
  });

  it('sorts by price both ways, and by newest', async () => {
    const asc = (await list({ sort: 'price-asc' })).products.map((p) => p.priceFrom.amount);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await list({ sort: 'price-desc' })).products.map((p) => p.priceFrom.amount);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const newest = (await list({ sort: 'newest' })).products[0];
    expect(newest?.slug).toBe('sea-buckthorn-herbal-tea');
  });

  it('paginates, and a page past the end shows the last page', async () => {
    const p1 = await list({}, 10);
    const p2 = await list({ page: '2' }, 10);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / 10));
    expect(p1.products).toHaveLength(10);
    expect(p2.products[0]?.slug).not.toBe(p1.products[0]?.slug);
    const beyond = await list({ page: '400' }, 10);
    expect(beyond.page).toBe(p1.pageCount);
    expect(beyond.products.length).toBeGreaterThan(0);
  });

  it('keeps the denormalised price range in step with the variants', async () => {
    const product = await getProductBySlug(ctx.db, 'gobi-camel-blanket');
    expect(product?.priceFrom.amount).toBe(29500);
    expect(product?.priceTo.amount).toBe(39500);
    expect(product?.compareAt).toBeNull();
  });

  it('collections count only active products, and filter the catalog', async () => {
    const collections = await listCollections(ctx.db);
    expect(collections.length).toBeGreaterThanOrEqual(5);
    const knitwear = await getCollectionBySlug(ctx.db, 'cashmere-knitwear');
    const r = await list({ collection: 'cashmere-knitwear' });
    expect(knitwear?.productCount).toBe(r.total);
    expect(await getCollectionBySlug(ctx.db, 'nope')).toBeNull();
  });

  it('offers only facets that exist and features in rank order', async () => {
    const facets = await catalogFacets(ctx.db);
    expect(facets.materials.map((m) => m.value)).toContain('felt');
    expect(facets.colours).toContain('Oat');
    const featured = await featuredProducts(ctx.db, 3);
    expect(featured.map((p) => p.slug)).toEqual(['gobi-crew-neck-sweater', 'khangai-cable-cardigan', 'tuul-cashmere-scarf']);
  });
});
