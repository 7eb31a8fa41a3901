import type { Metadata } from 'next';
import Image from 'next/image';
import { CatalogView } from '@/components/catalog/CatalogView';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { getCatalogFacets, getCatalogPage, getCollection } from '@/lib/catalog/cached';
import { parseCatalogPathKey } from '@/lib/catalog/filters';
import { shopConfig } from '@/lib/config';

type Props = { params: Promise<{ slug: string; key: string }> };

// Reached through proxy.ts (/collections/<slug>?… -> /collections/<slug>/q/<canonical query>); cached per query.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const collection = await getCollection(slug);
  if (!collection) return { title: 'Collection not found' };
  return {
    title: collection.title,
    description: collection.description,
    alternates: { canonical: `/collections/${collection.slug}` },
    openGraph: { images: [collection.image.src] },
  };
}

export default async function CollectionPage({ params }: Props) {
  const { slug, key } = await params;
  const collection = await getCollection(slug);
  if (!collection) return <NotFoundPage />;
  const query = { ...parseCatalogPathKey(key), collection: collection.slug };
  const [page, facets] = await Promise.all([getCatalogPage(query), getCatalogFacets()]);
  return (
    <div className="page">
      <header className="collection-hero">
        <div>
          <p className="eyebrow">Collection</p>
          <h1>{collection.title}</h1>
          <p className="lede">{collection.description}</p>
        </div>
        <Image src={collection.image.src} alt={collection.image.alt} width={collection.image.width} height={collection.image.height} sizes="(max-width: 768px) 100vw, 480px" priority />
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
