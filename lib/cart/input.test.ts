import { describe, expect, it } from 'vitest';
import { addFormSchema, addLineSchema, setQuantitySchema, shippingChoiceSchema, variantIdSchema } from './input';

const variantId = 'c' + 'a1'.repeat(12);

function error(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'invalid');
}

describe('what the browser may ask of the cart', () => {
  it('caps the quantity of an add at the per-line maximum, from 1, in whole numbers', () => {
    const schema = addLineSchema(10);
    expect(schema.parse({ variantId, quantity: 1 })).toEqual({ variantId, quantity: 1 });
    expect(schema.parse({ variantId, quantity: 10 })).toEqual({ variantId, quantity: 10 });
    expect(error(schema.safeParse({ variantId, quantity: 11 }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ variantId, quantity: 0 }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ variantId, quantity: -1 }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ variantId, quantity: 1.5 }))).toBe('Choose a whole number from 1 to 10');
    expect(error(schema.safeParse({ variantId, quantity: '2' }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ variantId }))).toBe('Choose a quantity from 1 to 10');
    // The cap follows the setting.
    expect(error(addLineSchema(3).safeParse({ variantId, quantity: 4 }))).toBe('Choose a quantity from 1 to 3');
    expect(addLineSchema(3).parse({ variantId, quantity: 3 }).quantity).toBe(3);
  });

  it('takes intent only: no price, no extra fields', () => {
    expect(addLineSchema(10).safeParse({ variantId, quantity: 1, priceCents: 1 }).success).toBe(false);
    expect(setQuantitySchema(10).safeParse({ quantity: 2, variantId }).success).toBe(false);
    expect(setQuantitySchema(10).parse({ quantity: 10 })).toEqual({ quantity: 10 });
    expect(error(setQuantitySchema(10).safeParse({ quantity: 11 }))).toBe('Choose a quantity from 1 to 10');
  });

  it('accepts only variant ids shaped like ours', () => {
    expect(variantIdSchema.safeParse(variantId).success).toBe(true);
    for (const bad of ['', 'x' + 'a'.repeat(24), 'c' + 'A'.repeat(24), 'c' + 'a'.repeat(19), 'c' + 'a'.repeat(33), `${variantId}'`]) {
      expect(variantIdSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(error(variantIdSchema.safeParse(undefined))).toBe('Choose a size and colour first');
    // Anchored at both ends: an id inside something longer is not an id.
    expect(variantIdSchema.safeParse('x' + variantId).success).toBe(false);
    expect(error(variantIdSchema.safeParse('not-an-id'))).toBe('That product option does not exist');
  });

  it('reads the form posted without JavaScript, with the same cap', () => {
    const schema = addFormSchema(10);
    const base = { product: 'yak-socks', colour: ' Grey ', size: 'M' };
    expect(schema.parse({ ...base, quantity: '10', extra: 'ignored' })).toEqual({ product: 'yak-socks', colour: 'Grey', size: 'M', quantity: 10 });
    expect(error(schema.safeParse({ ...base, quantity: '11' }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ ...base, quantity: '0' }))).toBe('Choose a quantity from 1 to 10');
    expect(error(schema.safeParse({ ...base, quantity: '1e1' }))).toBe('Choose a whole number from 1 to 10');
    expect(error(schema.safeParse({ ...base, size: '  ', quantity: '1' }))).toBe('Choose a size first');
    expect(error(schema.safeParse({ ...base, colour: '', quantity: '1' }))).toBe('Choose a colour first');
    expect(error(schema.safeParse({ ...base, product: 'Yak Socks', quantity: '1' }))).toBe('That product is not available');
    expect(error(schema.safeParse({ ...base, product: 'yak-socks!', quantity: '1' }))).toBe('That product is not available');
    expect(error(schema.safeParse({ ...base, product: 'x'.repeat(121), quantity: '1' }))).toBe('That product is not available');
    expect(schema.parse({ ...base, product: 'felt-ger-slippers', quantity: '1' }).product).toBe('felt-ger-slippers');
    // A field the browser did not send at all, or sent too long, gets the same sentence as an empty one.
    expect(error(schema.safeParse({ colour: 'Grey', size: 'M', quantity: '1' }))).toBe('That product is not available');
    expect(error(schema.safeParse({ product: 'yak-socks', colour: 'Grey', quantity: '1' }))).toBe('Choose a size first');
    expect(error(schema.safeParse({ product: 'yak-socks', size: 'M', quantity: '1' }))).toBe('Choose a colour first');
    expect(error(schema.safeParse({ ...base, size: 'M'.repeat(41), quantity: '1' }))).toBe('Choose a size first');
    expect(error(schema.safeParse({ ...base, colour: 'G'.repeat(41), quantity: '1' }))).toBe('Choose a colour first');
    expect(schema.parse({ ...base, size: 'M'.repeat(40), colour: 'G'.repeat(40), quantity: '1' }).size).toHaveLength(40);
    expect(error(schema.safeParse({ ...base }))).toBe('Choose a quantity from 1 to 10');
  });

  it('offers Standard or Express only', () => {
    expect(shippingChoiceSchema.parse({ method: 'express' })).toEqual({ method: 'express' });
    expect(shippingChoiceSchema.parse({ method: 'standard' })).toEqual({ method: 'standard' });
    expect(error(shippingChoiceSchema.safeParse({ method: '' }))).toBe('Choose Standard or Express shipping');
    expect(error(shippingChoiceSchema.safeParse({ method: 'overnight' }))).toBe('Choose Standard or Express shipping');
  });
});
