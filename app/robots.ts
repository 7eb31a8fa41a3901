import type { MetadataRoute } from 'next';
import { shopConfig } from '@/lib/config';

export default function robots(): MetadataRoute.Robots {
  const base = shopConfig().SITE_URL;
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/cart', '/checkout'] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
