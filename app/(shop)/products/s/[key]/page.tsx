import { getCatalogFacets } from '@/lib/catalog/cached';
import { listProducts } from '@/lib/catalog/queries';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { ProductsPage, productsMetadata, queryFrom, type KeyProps } from '../../products-page';

// Searches, price ranges and filter combinations (proxy.ts): read from the database on every
// request and never stored, so no visitor can fill the cache by typing.
export const dynamic = 'force-dynamic';

export const generateMetadata = productsMetadata;

export default async function LiveProductsPage(props: KeyProps) {
  const query = await queryFrom(props);
  const [page, facets] = await Promise.all([listProducts(db(), query, shopConfig().CATALOG_PAGE_SIZE), getCatalogFacets()]);
  return <ProductsPage query={query} page={page} facets={facets} />;
}
