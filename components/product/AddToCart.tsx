'use client';

import { useId, useState } from 'react';
import type { CartLineView } from '@/lib/cart/types';
import type { VariantView } from '@/lib/catalog/types';
import { useCart } from '@/components/cart/CartProvider';
import { CartAlert } from '@/components/cart/CartAlert';
import { useClientValue } from '@/components/ui/use-client-value';

export interface AddToCartProduct {
  slug: string;
  title: string;
  material: string;
  isWool: boolean;
  image: { src: string; alt: string } | null;
}

const hydrated = () => true;

/**
 * Quantity and the Add to cart button for the chosen variant. The server decides what is added.
 * Without JavaScript the form posts to /api/cart/lines with the product, the colour and size
 * radios (tied to this form by its id) and the quantity, and the shopper lands on the cart.
 * With it, the submit is taken over: the drawer opens and the line shows at once. The form says so
 * (`data-enhanced`) once it is hydrated, so a browser test can wait for it instead of for the network.
 */
export function AddToCart({
  formId,
  product,
  variant,
  maxPerLine,
}: {
  formId: string;
  product: AddToCartProduct;
  variant: VariantView | undefined;
  maxPerLine: number;
}) {
  const { add, problem } = useCart();
  const enhanced = useClientValue(hydrated, false);
  const [quantity, setQuantity] = useState(1);
  const id = useId();
  const soldOut = !variant || variant.stock <= 0;
  const most = variant ? Math.max(1, Math.min(variant.stock, maxPerLine)) : 1;
  const error = problem && variant && problem.variantId === variant.id ? problem.message : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!variant || soldOut) return;
    const line: CartLineView = {
      id: variant.id,
      variantId: variant.id,
      productSlug: product.slug,
      title: product.title,
      size: variant.size,
      colour: variant.colour,
      sku: variant.sku,
      material: product.material,
      isWool: product.isWool,
      image: product.image,
      quantity: 0,
      maxQuantity: Math.min(variant.stock, maxPerLine),
      limitedBy: variant.stock <= maxPerLine ? 'stock' : 'per-line',
      unitPrice: variant.price,
      lineTotal: { ...variant.price, amount: 0 },
      purchasable: true,
      problems: [],
    };
    void add(line, quantity);
  }

  return (
    <form
      id={formId}
      className="buy-box"
      method="post"
      action="/api/cart/lines"
      onSubmit={submit}
      data-variant-id={variant?.id}
      data-enhanced={enhanced || undefined}
    >
      <input type="hidden" name="product" value={product.slug} />
      <div className="buy-box__row">
        <div className="field">
          <label htmlFor={id}>Quantity</label>
          <select id={id} name="quantity" value={Math.min(quantity, most)} onChange={(e) => setQuantity(Number(e.target.value))} disabled={soldOut}>
            {Array.from({ length: most }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary button--wide" disabled={soldOut}>
          {soldOut ? 'Sold out' : 'Add to cart'}
        </button>
      </div>
      <CartAlert message={error} />
    </form>
  );
}
