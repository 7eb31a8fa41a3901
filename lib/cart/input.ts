import { z } from 'zod';

/**
 * What the browser may ask of the cart: intent only (which variant, how many). Prices and
 * totals always come from the database. Messages are written for the shopper.
 */
export const variantIdSchema = z.string({ error: 'Choose a size and colour first' }).regex(/^c[a-z0-9]{20,32}$/, 'That product option does not exist');

/** The schema's own message covers every check without one of its own (a missing value, too few, too many). */
export function quantitySchema(maxPerLine: number) {
  return z
    .number({ error: `Choose a quantity from 1 to ${maxPerLine}` })
    .int(`Choose a whole number from 1 to ${maxPerLine}`)
    .min(1)
    .max(maxPerLine);
}

export function addLineSchema(maxPerLine: number) {
  return z.strictObject({ variantId: variantIdSchema, quantity: quantitySchema(maxPerLine) });
}

export function setQuantitySchema(maxPerLine: number) {
  return z.strictObject({ quantity: quantitySchema(maxPerLine) });
}

export const shippingChoiceSchema = z.strictObject({
  method: z.enum(['standard', 'express'], { error: 'Choose Standard or Express shipping' }),
});

/**
 * The product page's form as a browser posts it without JavaScript: the product, the chosen
 * colour and size (radio buttons) and the quantity (a select), all strings. The server finds
 * the variant; extra fields a browser may add are ignored.
 */
export function addFormSchema(maxPerLine: number) {
  return z.object({
    product: z
      .string({ error: 'That product is not available' })
      .max(120)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    size: z.string({ error: 'Choose a size first' }).trim().min(1).max(40),
    colour: z.string({ error: 'Choose a colour first' }).trim().min(1).max(40),
    quantity: z
      .string({ error: `Choose a quantity from 1 to ${maxPerLine}` })
      .regex(/^\d{1,3}$/, `Choose a whole number from 1 to ${maxPerLine}`)
      .transform(Number)
      .pipe(quantitySchema(maxPerLine)),
  });
}
