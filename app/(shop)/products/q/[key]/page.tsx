import { getCatalogFacets, getCatalogPage } from '@/lib/catalog/cached';
import { ProductsPage, productsMetadata, queryFrom, type KeyProps } from '../../products-page';

// Reached only through proxy.ts, for the bounded set of browsing pages (lib/routing/plan.ts).
// Each renders once and is then served from the cache until catalog tags are revalidated.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

export const generateMetadata = productsMetadata;

export default async function CachedProductsPage(props: KeyProps) {
  const query = await queryFrom(props);
  const [page, facets] = await Promise.all([getCatalogPage(query), getCatalogFacets()]);
  return <ProductsPage query={query} page={page} facets={facets} />;
}
