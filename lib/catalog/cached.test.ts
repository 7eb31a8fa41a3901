import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheTags, CATALOG_REVALIDATE_SECONDS } from '../cache-tags';
import { parseCatalogQuery } from './filters';

/**
 * The cached reads are the cache manifest in practice: each entry's key must hold every argument
 * (or two pages share one entry) and its tags must hold the manifest's names (or a change made in
 * the app never reaches it). next/cache is replaced by a recorder; the queries by spies.
 */
const entries: { key: string[]; tags: string[]; revalidate: number | false | undefined }[] = [];
vi.mock('next/cache', () => ({
  unstable_cache: (fn: (...a: unknown[]) => unknown, key: string[], opts: { tags: string[]; revalidate?: number | false }) => {
    entries.push({ key, tags: opts.tags, revalidate: opts.revalidate });
    return (...a: unknown[]) => fn(...a);
  },
}));
const fakeDb = { fake: 'db' };
vi.mock('../db', () => ({ db: () => fakeDb }));
vi.mock('../config', () => ({ shopConfig: () => ({ CATALOG_PAGE_SIZE: 7 }) }));
vi.mock('./queries', () => ({
  listProducts: vi.fn(async () => 'page'),
  getProductBySlug: vi.fn(async () => 'product'),
  relatedProducts: vi.fn(async () => 'related'),
  featuredProducts: vi.fn(async () => 'featured'),
  listCollections: vi.fn(async () => 'collections'),
  getCollectionBySlug: vi.fn(async () => 'collection'),
  catalogFacets: vi.fn(async () => 'facets'),
  activeProductSlugs: vi.fn(async () => [{ slug: 'yak-socks', updatedAt: new Date('2026-01-02T03:04:05Z') }]),
}));

const q = await import('./queries');
const cached = await import('./cached');
const last = () => entries.at(-1)!;

beforeEach(() => {
  entries.length = 0;
});

describe('cached catalog reads', () => {
  it('a catalog page is keyed by its canonical query and read with the page size from the settings', async () => {
    const query = parseCatalogQuery({ material: 'cashmere', sort: 'price-asc', page: '2' });
    expect(await cached.getCatalogPage(query)).toBe('page');
    expect(q.listProducts).toHaveBeenCalledWith(fakeDb, query, 7);
    expect(last().key).toEqual(['catalog-page', 'material=cashmere&sort=price-asc&page=2']);
    expect(last().tags).toEqual(expect.arrayContaining([cacheTags.products, cacheTags.collections]));
    expect(last().revalidate).toBe(CATALOG_REVALIDATE_SECONDS);
    await cached.getCatalogPage(parseCatalogQuery({}));
    expect(entries[0]!.key).not.toEqual(entries[1]!.key);
  });

  it('a product is keyed by its slug and tagged with it, so editing one product refreshes its page', async () => {
    expect(await cached.getProduct('yak-socks')).toBe('product');
    expect(q.getProductBySlug).toHaveBeenCalledWith(fakeDb, 'yak-socks');
    expect(last().key).toEqual(['product', 'yak-socks']);
    expect(last().tags).toEqual(expect.arrayContaining([cacheTags.products, cacheTags.product('yak-socks')]));
    expect(last().revalidate).toBe(CATALOG_REVALIDATE_SECONDS);
  });

  it('related products are keyed by the product and the limit', async () => {
    const product = { slug: 'felt-camel' } as Parameters<typeof cached.getRelatedProducts>[0];
    expect(await cached.getRelatedProducts(product, 3)).toBe('related');
    expect(q.relatedProducts).toHaveBeenCalledWith(fakeDb, product, 3);
    expect(last().key).toEqual(['related', 'felt-camel', '3']);
    expect(last().tags).toEqual(expect.arrayContaining([cacheTags.products, cacheTags.product('felt-camel')]));
    await cached.getRelatedProducts(product);
    expect(last().key).toEqual(['related', 'felt-camel', '4']);
  });

  it('a collection is keyed by its slug and tagged with it', async () => {
    expect(await cached.getCollection('felt')).toBe('collection');
    expect(q.getCollectionBySlug).toHaveBeenCalledWith(fakeDb, 'felt');
    expect(last().key).toEqual(['collection', 'felt']);
    expect(last().tags).toEqual(expect.arrayContaining([cacheTags.collections, cacheTags.collection('felt')]));
  });

  it('the shared reads call their query and hand the sitemap plain strings', async () => {
    expect(await cached.getFeaturedProducts(5)).toBe('featured');
    expect(q.featuredProducts).toHaveBeenCalledWith(fakeDb, 5);
    expect(await cached.getCollections()).toBe('collections');
    expect(await cached.getCatalogFacets()).toBe('facets');
    expect(await cached.getActiveProductSlugs()).toEqual([{ slug: 'yak-socks', updatedAt: '2026-01-02T03:04:05.000Z' }]);
  });
});
