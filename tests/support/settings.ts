import type { CartSettings } from '@/lib/cart/types';

/** The shop's default rules, spelled out for tests: $9.95 Standard, $24.95 Express, free Express over $150 of wool. */
export const testCartSettings: CartSettings = {
  maxPerLine: 10,
  ttlDays: 30,
  shipping: {
    currency: 'USD',
    standardCents: 995,
    expressCents: 2495,
    freeExpressThresholdCents: 15000,
    standardEstimate: '5–8 days',
    expressEstimate: '2–3 days',
  },
};

/** A shopper's checkout details (Ulaanbaatar, Standard, the test provider): spread and override per test. */
export const testCheckoutAddress = {
  email: 'oyuna@example.com',
  name: 'Oyuna Tseren',
  line1: '5 Olympic Street',
  line2: null,
  city: 'Ulaanbaatar',
  region: null,
  postalCode: '14210',
  country: 'MN' as const,
  shippingMethod: 'standard' as const,
  payment: 'test' as const,
};
