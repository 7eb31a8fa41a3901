import type { Money } from '../money';
import type { FreeExpressProgress, ShippingMethodName, ShippingOption, ShippingRules } from './shipping';

/** The cart's shapes, shared by the server (lib/cart) and the browser (components/cart). No code. */
export interface CartSettings {
  maxPerLine: number;
  ttlDays: number;
  shipping: ShippingRules;
}

export type LineProblem = { kind: 'unavailable' } | { kind: 'sold-out' } | { kind: 'reduced'; available: number } | { kind: 'price-changed'; was: Money };

export interface CartLineView {
  id: string;
  variantId: string;
  productSlug: string;
  title: string;
  size: string;
  colour: string;
  sku: string;
  material: string;
  isWool: boolean;
  image: { src: string; alt: string } | null;
  quantity: number;
  /** The most the shopper may set: stock there is, capped by the per-line maximum. */
  maxQuantity: number;
  /** Which of the two sets maxQuantity, so the page can say why "+" stops. */
  limitedBy: 'stock' | 'per-line';
  unitPrice: Money;
  lineTotal: Money;
  /** Whether the line counts toward the totals (false when archived or sold out). */
  purchasable: boolean;
  problems: LineProblem[];
}

export interface CartView {
  lines: CartLineView[];
  itemCount: number;
  subtotal: Money;
  progress: FreeExpressProgress;
  shippingOptions: ShippingOption[];
  shippingMethod: ShippingMethodName;
  shipping: Money;
  total: Money;
}

export interface CartResult {
  /** The token to set in the cookie when a new cart was made; null when unchanged. */
  newToken: string | null;
  cart: CartView;
  notice: string | null;
}
