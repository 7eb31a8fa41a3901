import type { MetadataRoute } from 'next';
import { getActiveProductSlugs, getCollections } from '@/lib/catalog/cached';
import { getFeedArticles } from '@/lib/blog/cached';
import { shopConfig } from '@/lib/config';

export const revalidate = 300;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = shopConfig().SITE_URL;
  const [products, collections, articles] = await Promise.all([getActiveProductSlugs(), getCollections(), getFeedArticles()]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/products`, changeFrequency: 'daily', priority: 0.9 },
    ...collections.map((c) => ({ url: `${base}/collections/${c.slug}`, changeFrequency: 'weekly' as const, priority: 0.8 })),
    ...products.map((p) => ({ url: `${base}/products/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.7 })),
    { url: `${base}/blog`, changeFrequency: 'weekly', priority: 0.6 },
    { url: `${base}/blog/feed.xml`, changeFrequency: 'weekly', priority: 0.3 },
    ...articles.map((a) => ({ url: `${base}/blog/${a.slug}`, lastModified: a.updatedAt, changeFrequency: 'monthly' as const, priority: 0.6 })),
  ];
}
