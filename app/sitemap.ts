import type { MetadataRoute } from 'next';
import { getActiveProductSlugs, getCollections } from '@/lib/catalog/cached';
import { shopConfig } from '@/lib/config';

export const revalidate = 300;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = shopConfig().SITE_URL;
  const [products, collections] = await Promise.all([getActiveProductSlugs(), getCollections()]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/products`, changeFrequency: 'daily', priority: 0.9 },
    ...collections.map((c) => ({ url: `${base}/collections/${c.slug}`, changeFrequency: 'weekly' as const, priority: 0.8 })),
    ...products.map((p) => ({ url: `${base}/products/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.7 })),
  ];
}
