import { z } from 'zod';
import { SHIPPING_COUNTRIES } from './countries';

/**
 * The checkout form, as the browser posts it (all strings). Every message is written for the
 * shopper and shown beside its field. Prices are not part of it: `quote` only names the cart
 * and prices the page showed, so the server can tell when they changed.
 */
const text = (label: string, max: number) =>
  z
    // The schema's own error is the message of every check below without one (empty, or missing).
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1)
    .max(max, `Keep ${label} under ${max} characters`)
    .refine((v) => !/[\p{Cc}]/u.test(v), `Use letters, numbers and punctuation only in ${label}`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${max} characters`)
    .refine((v) => !/[\p{Cc}]/u.test(v), `Use letters, numbers and punctuation only in ${label}`)
    .optional()
    .transform((v) => (v ? v : null));

export const PAYMENT_CHOICES = ['card', 'paypal', 'test'] as const;
export type PaymentChoice = (typeof PAYMENT_CHOICES)[number];

export const checkoutSchema = z.object({
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .min(1)
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.com')),
  name: text('the full name for delivery', 100),
  line1: text('the street address', 120),
  line2: optionalText('the second address line', 120),
  city: text('the city or town', 80),
  region: optionalText('the state, province or region', 80),
  postalCode: z
    .string({ error: 'Enter the postal code' })
    .trim()
    .min(1)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, 'Enter the postal code as it is written on letters, e.g. 62901'),
  country: z.enum(SHIPPING_COUNTRIES, { error: 'Choose a country we ship to' }),
  shippingMethod: z.enum(['standard', 'express'], { error: 'Choose Standard or Express shipping' }),
  payment: z.enum(PAYMENT_CHOICES, { error: 'Choose how to pay' }),
  quote: z.string({ error: 'Please review your order and confirm again' }).regex(/^[a-f0-9]{32}$/),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;

/** Parses the form; on failure, the first message for each field (for the form to show beside it). */
export function parseCheckout(data: unknown): { ok: true; input: CheckoutInput } | { ok: false; errors: Partial<Record<CheckoutField, string>> } {
  const r = checkoutSchema.safeParse(data);
  if (r.success) return { ok: true, input: r.data };
  const errors: Partial<Record<CheckoutField, string>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as CheckoutField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
