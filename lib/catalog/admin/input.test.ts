import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../admin/form';
import { productInputSchema, readProductForm, stockAdjustmentSchema } from './input';

const good = {
  title: 'Felt Slippers',
  description: 'Warm.',
  material: 'felt',
  origin: 'Ulaanbaatar',
  care: 'Brush.',
  status: 'draft',
  collections: [],
  variants: [{ sku: 'fs-1', size: '38', colour: 'Grey', price: '49.00', stock: '3' }],
};

function errors(over: Record<string, unknown>): Record<string, string> {
  const r = productInputSchema.safeParse({ ...good, ...over });
  return r.success ? {} : fieldErrors(r.error);
}

describe('the product form', () => {
  it('parses money into cents, suggests the slug from the title, upper-cases SKUs', () => {
    const p = productInputSchema.parse(good);
    expect(p).toMatchObject({
      slug: 'felt-slippers',
      isWool: false,
      variants: [{ sku: 'FS-1', priceCents: 4900, compareAtCents: null, initialStock: 3, remove: false }],
    });
  });
  it('says what is wrong beside each field', () => {
    expect(errors({ title: 'x'.repeat(1_000_000) })).toEqual({ title: 'Keep a title under 200 characters' });
    expect(errors({ slug: 'Not A Slug' })).toEqual({ slug: 'A slug is lower-case letters and digits joined by hyphens, e.g. gobi-crew-neck' });
    expect(errors({ variants: [{ ...good.variants[0], price: '-5' }] })).toEqual({ 'variants.0.price': 'The price cannot be negative' });
    expect(errors({ variants: [{ ...good.variants[0], price: '4.999' }] })).toEqual({ 'variants.0.price': 'Enter the price like 49.00' });
    expect(errors({ variants: [{ ...good.variants[0], stock: '-1' }] })).toEqual({ 'variants.0.stock': 'The stock cannot be negative' });
    expect(errors({ variants: [{ ...good.variants[0], compareAt: '49' }] })).toEqual({
      'variants.0.compareAt': 'The compare-at price must be more than the price',
    });
    expect(errors({ variants: [] })).toEqual({ variants: 'Add at least one variant: a size, a colour and a price' });
    expect(errors({ variants: [good.variants[0], { ...good.variants[0], colour: 'Red' }] })).toEqual({
      'variants.1.sku': 'SKU FS-1 is used twice in this form',
    });
    expect(errors({ variants: [good.variants[0], { ...good.variants[0], sku: 'FS-2', colour: 'grey' }] })).toEqual({
      'variants.1.colour': 'Size 38 in grey is already a variant above',
    });
  });
  it('reads posted rows, skipping blank spare rows, and keeps what was typed', () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ title: 'T', 'variants.0.sku': 'A', 'variants.0.price': '1', 'variants.2.sku': 'B', 'variants.2.size': 'M' }))
      f.set(k, v);
    f.set('variants.1.sku', '');
    f.append('collections', 'felt-home');
    const { raw, values } = readProductForm(f);
    expect(raw.variants).toEqual([
      { sku: 'A', price: '1', stock: '' },
      { sku: 'B', size: 'M', stock: '' },
    ]);
    expect(values).toMatchObject({ title: 'T', collections: 'felt-home', 'variants.1.sku': 'B' });
  });
  it('stock adjustments are signed whole numbers with a reason', () => {
    const id = 'c' + 'a'.repeat(24);
    expect(stockAdjustmentSchema.parse({ variantId: id, delta: '-2', reason: 'Damaged' }).delta).toBe(-2);
    expect(stockAdjustmentSchema.safeParse({ variantId: id, delta: '0', reason: 'x' }).success).toBe(false);
    expect(stockAdjustmentSchema.safeParse({ variantId: id, delta: '1.5', reason: 'x' }).success).toBe(false);
    expect(stockAdjustmentSchema.safeParse({ variantId: id, delta: '5', reason: '' }).success).toBe(false);
  });
});
