import { getCatalogFacets } from '@/lib/catalog/cached';
import { listProducts } from '@/lib/catalog/queries';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { CollectionPage, collectionAndQuery, collectionMetadata, type CollectionProps } from '../../collection-page';

// Searches and filter combinations inside a collection (proxy.ts): per request, never stored.
export const dynamic = 'force-dynamic';

export const generateMetadata = collectionMetadata;

export default async function LiveCollectionPage(props: CollectionProps) {
  const found = await collectionAndQuery(props);
  if (!found) return <NotFoundPage />;
  const { collection, query } = found;
  const [page, facets] = await Promise.all([listProducts(db(), query, shopConfig().CATALOG_PAGE_SIZE), getCatalogFacets()]);
  return <CollectionPage collection={collection} query={query} page={page} facets={facets} />;
}
