import type { ProductView } from '@/lib/catalog/types';

function decimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** schema.org Product with one Offer per variant, so search engines show price and availability. */
export function ProductJsonLd({ product, url, siteUrl }: { product: ProductView; url: string; siteUrl: string }) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description.split('\n')[0],
    image: product.images.map((i) => new URL(i.src, siteUrl).toString()),
    material: product.materialLabel,
    countryOfOrigin: 'MN',
    sku: product.variants[0]?.sku,
    offers: product.variants.map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      name: `${product.title} — ${v.colour}, ${v.size}`,
      price: decimal(v.price.amount),
      priceCurrency: v.price.currency,
      availability: v.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url,
    })),
  };
  // Escape "<" so text from the catalog can never close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
