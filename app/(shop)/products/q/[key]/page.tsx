import type { Metadata } from 'next';
import { CatalogView } from '@/components/catalog/CatalogView';
import { getCatalogFacets, getCatalogPage } from '@/lib/catalog/cached';
import { parseCatalogPathKey } from '@/lib/catalog/filters';
import { shopConfig } from '@/lib/config';

// Reached through proxy.ts, which turns /products?… into /products/q/<canonical query>.
// Each query renders once and is then served from the cache until catalog tags are revalidated.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const query = parseCatalogPathKey((await params).key);
  return {
    title: query.q ? `Search: ${query.q}` : 'Shop all',
    description: 'Every piece in the shop: cashmere knitwear, yak and camel wool, felt for the home, and a few things that are not wool.',
    alternates: { canonical: '/products' },
  };
}

export default async function ProductsPage({ params }: Props) {
  const query = parseCatalogPathKey((await params).key);
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
