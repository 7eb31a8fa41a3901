import { renderMarkdown } from '@/lib/blog/markdown';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '@/components/catalog/ProductCard';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { ProductGallery } from '@/components/product/ProductGallery';
import { ProductJsonLd } from '@/components/product/ProductJsonLd';
import { VariantPicker } from '@/components/product/VariantPicker';
import { getProduct, getRelatedProducts } from '@/lib/catalog/cached';
import { shopConfig } from '@/lib/config';
import { formatMoney } from '@/lib/money';

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then served from the cache until a product tag is revalidated.
// No page is built ahead: the build must not need the store's database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const product = await getProduct(slug);
  if (!product) return { title: 'Product not found' };
  const description = product.description.split('\n')[0]!.slice(0, 160);
  return {
    title: product.title,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.title, description, images: product.images.slice(0, 1).map((i) => ({ url: i.src, alt: i.alt })) },
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const product = await getProduct(slug);
  if (!product) return <NotFoundPage />;
  const related = await getRelatedProducts(product);
  const config = shopConfig();
  const primary = product.collections[0];
  return (
    <div className="page product-page">
      <ProductJsonLd product={product} url={new URL(`/products/${product.slug}`, config.SITE_URL).toString()} siteUrl={config.SITE_URL} />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/products">Shop</Link>
          </li>
          {primary ? (
            <li>
              <Link href={`/collections/${primary.slug}`}>{primary.title}</Link>
            </li>
          ) : null}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div className="product">
        <ProductGallery images={product.images} title={product.title} />
        <div className="product__info">
          <p className="eyebrow">
            {product.materialLabel} · Made in {product.origin}
          </p>
          <h1>{product.title}</h1>
          <VariantPicker
            variants={product.variants}
            lowStockThreshold={config.LOW_STOCK_THRESHOLD}
            maxPerLine={config.CART_MAX_PER_LINE}
            product={{
              slug: product.slug,
              title: product.title,
              material: product.materialLabel,
              isWool: product.isWool,
              image: product.images[0] ? { src: product.images[0].src, alt: product.images[0].alt } : null,
            }}
          />
          {product.isWool ? (
            <p className="note">
              Wool goods count toward free Express shipping on orders over{' '}
              {formatMoney({ amount: config.FREE_EXPRESS_THRESHOLD_CENTS, currency: config.SHOP_CURRENCY })}.
            </p>
          ) : (
            <p className="note">Not wool: this piece does not count toward the free Express shipping threshold.</p>
          )}
          {/* Markdown from staff, rendered and sanitised by the journal's renderer (raw HTML dropped). */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: (await renderMarkdown(product.description)).html }} />
          <dl className="facts">
            <div>
              <dt>Material</dt>
              <dd>{product.materialLabel}</dd>
            </div>
            <div>
              <dt>Origin</dt>
              <dd>{product.origin}, Mongolia</dd>
            </div>
            <div>
              <dt>Care</dt>
              <dd>{product.care}</dd>
            </div>
          </dl>
        </div>
      </div>
      {related.length ? (
        <section className="section" aria-labelledby="related-heading">
          <h2 id="related-heading">You may also like</h2>
          <ProductGrid products={related} label="Related products" />
        </section>
      ) : null}
    </div>
  );
}
