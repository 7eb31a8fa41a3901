import Image from 'next/image';
import Link from 'next/link';
import type { ProductCardView } from '@/lib/catalog/types';
import { Price } from '@/components/ui/Price';

export function ProductCard({ product, priority = false }: { product: ProductCardView; priority?: boolean }) {
  const range = product.priceFrom.amount !== product.priceTo.amount;
  return (
    <article className="product-card">
      <Link href={`/products/${product.slug}`} className="product-card__link">
        <div className="product-card__media">
          {product.image ? (
            <Image
              src={product.image.src}
              alt={product.image.alt}
              width={product.image.width}
              height={product.image.height}
              sizes="(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 300px"
              priority={priority}
            />
          ) : null}
          {product.soldOut ? <span className="badge badge--muted">Sold out</span> : product.compareAt ? <span className="badge badge--sale">Sale</span> : null}
        </div>
        <h3 className="product-card__title">{product.title}</h3>
      </Link>
      <p className="product-card__meta">
        {product.materialLabel} · {product.origin}
      </p>
      <p className="product-card__price">
        <Price price={product.priceFrom} compareAt={product.compareAt} from={range} />
      </p>
    </article>
  );
}

/**
 * `priorityCount`: how many leading cards' images to preload. Only where the grid opens the page
 * (the catalog); further down (home, related products) a preload only competes with the image
 * the shopper is actually looking at.
 */
export function ProductGrid({ products, label, priorityCount = 0 }: { products: ProductCardView[]; label: string; priorityCount?: number }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p, i) => (
        <li key={p.slug}>
          <ProductCard product={p} priority={i < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
