import type { Metadata } from 'next';
import { CatalogView } from '@/components/catalog/CatalogView';
import { getCatalogFacets, getCatalogPage } from '@/lib/catalog/cached';
import { parseCatalogQuery, type RawSearchParams } from '@/lib/catalog/filters';
import { shopConfig } from '@/lib/config';

export const metadata: Metadata = {
  title: 'Shop all',
  description: 'Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool.',
  alternates: { canonical: '/products' },
};

export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const query = parseCatalogQuery(await searchParams);
  const [page, facets] = await Promise.all([getCatalogPage(query), getCatalogFacets()]);
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
