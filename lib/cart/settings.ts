import { shopConfig } from '../config';
import type { CartSettings } from './types';

export function cartSettings(): CartSettings {
  const c = shopConfig();
  return {
    maxPerLine: c.CART_MAX_PER_LINE,
    ttlDays: c.CART_TTL_DAYS,
    shipping: {
      currency: c.SHOP_CURRENCY,
      standardCents: c.STANDARD_SHIPPING_CENTS,
      expressCents: c.EXPRESS_SHIPPING_CENTS,
      freeExpressThresholdCents: c.FREE_EXPRESS_THRESHOLD_CENTS,
      standardEstimate: c.STANDARD_DELIVERY_ESTIMATE,
      expressEstimate: c.EXPRESS_DELIVERY_ESTIMATE,
    },
  };
}
