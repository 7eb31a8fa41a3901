import { describe, expect, it } from 'vitest';
import { batches, WRITE_BATCH_ROWS } from './batches';

describe('batches', () => {
  it('cuts rows into batches of the size, the last one shorter, in order', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(batches([], 2)).toEqual([]);
    expect(batches(Array.from({ length: WRITE_BATCH_ROWS + 1 }, (_, i) => i)).map((b) => b.length)).toEqual([WRITE_BATCH_ROWS, 1]);
  });

  it('refuses a size that would never end', () => {
    expect(() => batches([1], 0)).toThrow(/positive whole number/);
    expect(() => batches([1], 1.5)).toThrow(/positive whole number/);
  });
});
