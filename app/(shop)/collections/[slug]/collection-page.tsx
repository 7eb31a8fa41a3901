import type { Metadata } from 'next';
import Image from 'next/image';
import { CatalogView } from '@/components/catalog/CatalogView';
import { getCollection } from '@/lib/catalog/cached';
import { parseCatalogPathKey, type CatalogQuery } from '@/lib/catalog/filters';
import type { CatalogFacets, CatalogPage, CollectionView } from '@/lib/catalog/types';
import { shopConfig } from '@/lib/config';

/** A collection page, shared by its cached (q/[key]) and per-request (s/[key]) routes; see proxy.ts. */
export type CollectionProps = { params: Promise<{ slug: string; key: string }> };

/** The collection and its query, or null when it does not exist (the page then returns <NotFoundPage />). */
export async function collectionAndQuery(props: CollectionProps): Promise<{ collection: CollectionView; query: CatalogQuery } | null> {
  const { slug, key } = await props.params;
  const collection = await getCollection(slug);
  if (!collection) return null;
  return { collection, query: { ...parseCatalogPathKey(key), collection: collection.slug } };
}

export async function collectionMetadata(props: CollectionProps): Promise<Metadata> {
  const collection = await getCollection((await props.params).slug);
  if (!collection) return { title: 'Collection not found' };
  return {
    title: collection.title,
    description: collection.description,
    alternates: { canonical: `/collections/${collection.slug}` },
    openGraph: { images: [collection.image.src] },
  };
}

export function CollectionPage({
  collection,
  query,
  page,
  facets,
}: {
  collection: CollectionView;
  query: CatalogQuery;
  page: CatalogPage;
  facets: CatalogFacets;
}) {
  return (
    <div className="page">
      <header className="collection-hero">
        <div>
          <p className="eyebrow">Collection</p>
          <h1>{collection.title}</h1>
          <p className="lede">{collection.description}</p>
        </div>
        <Image
          src={collection.image.src}
          alt={collection.image.alt}
          width={collection.image.width}
          height={collection.image.height}
          sizes="(max-width: 768px) 100vw, 480px"
          priority
        />
      </header>
      <CatalogView
        query={query}
        page={page}
        facets={facets}
        basePath={`/collections/${collection.slug}`}
        fixedCollection={collection.slug}
        currency={shopConfig().SHOP_CURRENCY}
      />
    </div>
  );
}
