import { describe, expect, it } from 'vitest';
import { stockHint, stockHintText } from './stock';

describe('stockHint', () => {
  it('says sold out, only N left, or in stock', () => {
    expect(stockHintText(stockHint(0, 5))).toBe('Sold out');
    expect(stockHintText(stockHint(-1, 5))).toBe('Sold out');
    expect(stockHintText(stockHint(2, 5))).toBe('Only 2 left');
    expect(stockHintText(stockHint(5, 5))).toBe('Only 5 left');
    expect(stockHintText(stockHint(6, 5))).toBe('In stock');
  });
});
