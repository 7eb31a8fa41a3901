import { z } from 'zod';

/**
 * Shop settings read from the environment, each with a default so a fresh clone runs
 * with none set. README.md lists every variable; keep the two in step.
 */
const envSchema = z.object({
  /**
   * Set to 1 behind a reverse proxy you run (nginx, a load balancer) that sets X-Forwarded-Proto
   * and X-Forwarded-Host: only then are those headers believed.
   */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'], { error: 'TRUST_PROXY must be 1 or 0' })
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  SITE_URL: z.url({ error: 'SITE_URL must be an absolute URL such as https://shop.example' }).default('http://localhost:3000'),
  SHOP_NAME: z.string().min(1).default('Steppe & Thread'),
  SHOP_PHONE: z.string().min(5).default('+1 (618) 724-5782'),
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  /** Free Express shipping when the wool subtotal is strictly more than this (cents). */
  FREE_EXPRESS_THRESHOLD_CENTS: z.coerce.number().int().min(0).default(15000),
  STANDARD_SHIPPING_CENTS: z.coerce.number().int().min(0).default(995),
  EXPRESS_SHIPPING_CENTS: z.coerce.number().int().min(0).default(2495),
  STANDARD_DELIVERY_ESTIMATE: z.string().min(1).default('5–8 business days'),
  EXPRESS_DELIVERY_ESTIMATE: z.string().min(1).default('2–3 business days'),
  /** Most units of one variant in a cart line. */
  CART_MAX_PER_LINE: z.coerce.number().int().min(1).max(99).default(10),
  /** An unused cart is forgotten after this many days. */
  CART_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CATALOG_PAGE_SIZE: z.coerce.number().int().min(4).max(96).default(12),
  /** An unpaid order keeps its stock this long, then expires and gives it back. */
  ORDER_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** 1: the test provider is on; 0: off everywhere; unset: on only for a local shop with no real provider. */
  PAYMENTS_TEST_MODE: z.enum(['0', '1'], { error: 'PAYMENTS_TEST_MODE must be 0 or 1' }).optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'STRIPE_SECRET_KEY starts with sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET starts with whsec_').optional(),
  /** Tests point the Stripe SDK at a local fake, e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.url().optional(),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_API_BASE: z.url().default('https://api-m.sandbox.paypal.com'),
  /** Where the browser loads PayPal's buttons from. */
  PAYPAL_SDK_URL: z.url().default('https://www.paypal.com/sdk/js'),
  /** Signs links in e-mails; when unset, one is made and kept in the database (shared by every app server). */
  APP_SECRET: z.string().min(32, 'APP_SECRET must be at least 32 characters').optional(),
  /** Returns are accepted this many days after payment. */
  RETURN_WINDOW_DAYS: z.coerce
    .number({ error: 'RETURN_WINDOW_DAYS must be a whole number of days, e.g. 30' })
    .int()
    .min(0, 'RETURN_WINDOW_DAYS cannot be negative (0 turns returns off)')
    .max(365, 'RETURN_WINDOW_DAYS can be at most 365')
    .default(30),
  /** A variant with this many units or fewer shows "Only N left". */
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
});

export type ShopConfig = z.infer<typeof envSchema>;

let cached: ShopConfig | null = null;

export function shopConfig(): ShopConfig {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // The environment is flat: each issue's path is the one setting it names.
    const issues = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new Error(`Invalid shop configuration: ${issues}`);
  }
  cached = parsed.data;
  return cached;
}
