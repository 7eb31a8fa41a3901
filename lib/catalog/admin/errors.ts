/** A catalog change refused for a reason a person can act on; `field` is the form field it belongs beside (e.g. variants.1.sku). */
export type ProductErrorKind =
  | 'not-found'
  | 'slug-taken'
  | 'sku-taken'
  | 'duplicate-option'
  | 'stale'
  | 'stock-negative'
  | 'no-variants'
  | 'unknown-collection'
  | 'too-large'
  | 'not-image'
  | 'alt-missing';

export class ProductError extends Error {
  constructor(
    readonly kind: ProductErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ProductError';
  }
}
