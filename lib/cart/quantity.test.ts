import { describe, expect, it } from 'vitest';
import { decideQuantity } from './quantity';

describe('decideQuantity', () => {
  it('keeps what was asked for when there is enough', () => {
    expect(decideQuantity(3, 10, 10)).toEqual({ quantity: 3, notice: null });
    expect(decideQuantity(10, 10, 10)).toEqual({ quantity: 10, notice: null });
  });
  it('keeps the most there is and says how many are left', () => {
    expect(decideQuantity(5, 3, 10)).toEqual({ quantity: 3, notice: 'Only 3 left in stock' });
  });
  it('keeps the per-line maximum when stock is plentiful', () => {
    expect(decideQuantity(12, 40, 10)).toEqual({ quantity: 10, notice: 'You can have at most 10 of one item' });
  });
  it('says sold out when there is none', () => {
    expect(decideQuantity(1, 0, 10)).toEqual({ quantity: 0, notice: 'Sold out' });
  });
});
