import { getCatalogFacets, getCatalogPage } from '@/lib/catalog/cached';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { CollectionPage, collectionAndQuery, collectionMetadata, type CollectionProps } from '../../collection-page';

// Reached only through proxy.ts (/collections/<slug>?… for the bounded set of browsing pages); cached.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

export const generateMetadata = collectionMetadata;

export default async function CachedCollectionPage(props: CollectionProps) {
  const found = await collectionAndQuery(props);
  if (!found) return <NotFoundPage />;
  const { collection, query } = found;
  const [page, facets] = await Promise.all([getCatalogPage(query), getCatalogFacets()]);
  return <CollectionPage collection={collection} query={query} page={page} facets={facets} />;
}
