import type { Metadata } from 'next';
import { CatalogView } from '@/components/catalog/CatalogView';
import { parseCatalogPathKey, type CatalogQuery } from '@/lib/catalog/filters';
import type { CatalogFacets, CatalogPage } from '@/lib/catalog/types';
import { shopConfig } from '@/lib/config';

/**
 * The catalog page, shared by its two routes: q/[key] (cached browsing pages) and s/[key]
 * (searches and filter combinations, rendered per request). proxy.ts chooses between them.
 */
export type KeyProps = { params: Promise<{ key: string }> };

export async function queryFrom(props: KeyProps): Promise<CatalogQuery> {
  return parseCatalogPathKey((await props.params).key);
}

export async function productsMetadata(props: KeyProps): Promise<Metadata> {
  const query = await queryFrom(props);
  return {
    title: query.q ? `Search: ${query.q}` : 'Shop all',
    description: 'Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool.',
    alternates: { canonical: '/products' },
    // Searches and filter combinations are for shoppers, not for search engines.
    ...(query.q || query.page > 1 ? { robots: { index: false, follow: true } } : {}),
  };
}

export function ProductsPage({ query, page, facets }: { query: CatalogQuery; page: CatalogPage; facets: CatalogFacets }) {
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">The shop</p>
        <h1>{query.q ? `Search: ${query.q}` : 'Shop all'}</h1>
        <p className="lede">Knitwear, wraps, felt and more, each made in Mongolia. Filters stay in the address bar, so you can share what you find.</p>
      </header>
      <CatalogView query={query} page={page} facets={facets} basePath="/products" currency={shopConfig().SHOP_CURRENCY} />
    </div>
  );
}
