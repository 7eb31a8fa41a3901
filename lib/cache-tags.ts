/**
 * Every cache tag the shop uses, in one place. Cached reads tag themselves with these; code that
 * changes catalog or journal data inside the app must call revalidateTag(tag, 'max') with the
 * same names (staff changes in /admin expire them with updateTag: lib/catalog/admin/tags.ts, lib/blog/admin/cache-tags.ts).
 */
export const cacheTags = {
  /** Any product listing: catalog pages, home page features, collections, sitemap. */
  products: 'products',
  product: (slug: string) => `product:${slug}`,
  collections: 'collections',
  collection: (slug: string) => `collection:${slug}`,
  /** Any article listing: the blog index, series, the feed, the sitemap. */
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
} as const;

/** Safety net for several app servers without a shared cache: pages refresh at least this often (seconds). */
export const CATALOG_REVALIDATE_SECONDS = 300;
