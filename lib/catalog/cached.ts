import { unstable_cache } from 'next/cache';
import { cacheTags, CATALOG_REVALIDATE_SECONDS } from '../cache-tags';
import { shopConfig } from '../config';
import { db } from '../db';
import { catalogQueryKey, type CatalogQuery } from './filters';
import * as q from './queries';
import type { ProductView } from './types';

/**
 * Cached catalog reads for pages: served from Next's data cache and revalidated by the tags in
 * lib/cache-tags.ts when data changes, so browsing does not cost a database query per request.
 */
const revalidate = CATALOG_REVALIDATE_SECONDS;

export function getCatalogPage(query: CatalogQuery) {
  const key = catalogQueryKey(query);
  return unstable_cache(() => q.listProducts(db(), query, shopConfig().CATALOG_PAGE_SIZE), ['catalog-page', key], {
    tags: [cacheTags.products, cacheTags.collections],
    revalidate,
  })();
}

export function getProduct(slug: string) {
  return unstable_cache(() => q.getProductBySlug(db(), slug), ['product', slug], {
    tags: [cacheTags.products, cacheTags.product(slug)],
    revalidate,
  })();
}

export function getRelatedProducts(product: ProductView, limit = 4) {
  return unstable_cache(() => q.relatedProducts(db(), product, limit), ['related', product.slug, String(limit)], {
    tags: [cacheTags.products, cacheTags.product(product.slug)],
    revalidate,
  })();
}

export const getFeaturedProducts = unstable_cache((limit: number) => q.featuredProducts(db(), limit), ['featured'], {
  tags: [cacheTags.products],
  revalidate,
});

export const getCollections = unstable_cache(() => q.listCollections(db()), ['collections'], {
  tags: [cacheTags.collections, cacheTags.products],
  revalidate,
});

export function getCollection(slug: string) {
  return unstable_cache(() => q.getCollectionBySlug(db(), slug), ['collection', slug], {
    tags: [cacheTags.collections, cacheTags.collection(slug)],
    revalidate,
  })();
}

export const getCatalogFacets = unstable_cache(() => q.catalogFacets(db()), ['facets'], {
  tags: [cacheTags.products, cacheTags.collections],
  revalidate,
});

export const getActiveProductSlugs = unstable_cache(
  async () => (await q.activeProductSlugs(db())).map((p) => ({ slug: p.slug, updatedAt: p.updatedAt.toISOString() })),
  ['active-slugs'],
  { tags: [cacheTags.products], revalidate },
);
