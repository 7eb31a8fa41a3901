import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideQuantity } from './quantity';

const requested = fc.integer({ min: 1, max: 1_000 });
const stock = fc.integer({ min: -5, max: 1_000 });
const maxPerLine = fc.integer({ min: 1, max: 100 });

describe('the quantity decision, for any stock, cap and request (fast-check)', () => {
  it('gives what was asked when it can, otherwise the most there is, never more than stock or cap', () => {
    fc.assert(
      fc.property(requested, stock, maxPerLine, (req, s, max) => {
        const { quantity } = decideQuantity(req, s, max);
        expect(quantity).toBe(Math.min(req, Math.max(s, 0), max));
        expect(quantity).toBeGreaterThanOrEqual(0);
        expect(quantity).toBeLessThanOrEqual(max);
        expect(quantity).toBeLessThanOrEqual(Math.max(s, 0));
      }),
    );
  });

  it('says why exactly when the shopper gets less than asked, naming what limited it', () => {
    fc.assert(
      fc.property(requested, stock, maxPerLine, (req, s, max) => {
        const { quantity, notice } = decideQuantity(req, s, max);
        const expected = quantity === req ? null : s <= 0 ? 'Sold out' : s <= max ? `Only ${s} left in stock` : `You can have at most ${max} of one item`;
        expect(notice).toBe(expected);
      }),
    );
  });

  it('asking for more never gives less', () => {
    fc.assert(
      fc.property(requested, requested, stock, maxPerLine, (a, b, s, max) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(decideQuantity(hi, s, max).quantity).toBeGreaterThanOrEqual(decideQuantity(lo, s, max).quantity);
      }),
    );
  });

  it('at the edges: exactly the stock, exactly the cap, one more than either', () => {
    expect(decideQuantity(5, 5, 10)).toEqual({ quantity: 5, notice: null });
    expect(decideQuantity(6, 5, 10)).toEqual({ quantity: 5, notice: 'Only 5 left in stock' });
    expect(decideQuantity(10, 10, 10)).toEqual({ quantity: 10, notice: null });
    expect(decideQuantity(11, 10, 10)).toEqual({ quantity: 10, notice: 'Only 10 left in stock' });
    expect(decideQuantity(11, 11, 10)).toEqual({ quantity: 10, notice: 'You can have at most 10 of one item' });
    expect(decideQuantity(1, -2, 10)).toEqual({ quantity: 0, notice: 'Sold out' });
  });
});
