import type { CartView } from '@/lib/cart/types';
import type { CheckoutField } from '@/lib/checkout/input';

/** What the checkout action answers the form with (useActionState). */
export interface CheckoutState {
  /** Messages beside fields. */
  errors: Partial<Record<CheckoutField, string>>;
  /** What the shopper typed, so a refused form keeps it. */
  values: Partial<Record<string, string>>;
  /** A message for the whole form (stock, changed prices, a provider that is off). */
  message: string | null;
  /** When prices or lines changed: the cart as it is now, to confirm again. */
  cart: CartView | null;
  quote: string | null;
  /** Counts answers: the fields are drawn afresh for each, from `values`, so radios and selects match what was sent. */
  attempt: number;
}

export const initialCheckoutState: CheckoutState = { errors: {}, values: {}, message: null, cart: null, quote: null, attempt: 0 };
