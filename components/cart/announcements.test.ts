import { describe, expect, it } from 'vitest';
import { addMessage, itemsText } from './announcements';

const name = 'Sheep Wool Neck Warmer (Oat, One size)';

describe('addMessage', () => {
  it('says what was added, and how many when more than one', () => {
    expect(addMessage({ name, requested: 1, before: 0, after: 1, itemCount: 1, notice: null })).toBe(`Added ${name} to your cart. Your cart has 1 item.`);
    expect(addMessage({ name, requested: 3, before: 0, after: 3, itemCount: 4, notice: null })).toBe(`Added 3 × ${name} to your cart. Your cart has 4 items.`);
    expect(addMessage({ name, requested: 1, before: 2, after: 3, itemCount: 3, notice: null })).toBe(`Added ${name} to your cart. Your cart has 3 items.`);
  });

  it('an add the stock capped says how many went in, and why', () => {
    expect(addMessage({ name, requested: 3, before: 1, after: 3, itemCount: 3, notice: 'Only 3 left in stock' })).toBe(
      `Added 2 × ${name} to your cart, not 3: only 3 left in stock. Your cart has 3 items.`,
    );
    expect(addMessage({ name, requested: 2, before: 0, after: 1, itemCount: 1, notice: null })).toBe(
      `Added 1 × ${name} to your cart, not 2: that is all there is. Your cart has 1 item.`,
    );
  });

  it('an add that added nothing does not say "Added"', () => {
    const full = addMessage({ name, requested: 1, before: 3, after: 3, itemCount: 3, notice: 'Only 3 left in stock' });
    expect(full).toBe(`Only 3 left in stock: your cart already has 3 of ${name}, so nothing was added. Your cart has 3 items.`);
    expect(full).not.toMatch(/Added/);
    expect(addMessage({ name, requested: 1, before: 0, after: 0, itemCount: 0, notice: 'Sold out' })).toBe(
      `Sold out: ${name} was not added. Your cart has 0 items.`,
    );
    expect(addMessage({ name, requested: 1, before: 10, after: 10, itemCount: 10, notice: null })).toBe(
      `No more can be added: your cart already has 10 of ${name}, so nothing was added. Your cart has 10 items.`,
    );
  });

  it('keeps a notice that came with a full add', () => {
    expect(addMessage({ name, requested: 1, before: 0, after: 1, itemCount: 1, notice: 'Price changed' })).toBe(
      `Added ${name} to your cart. Your cart has 1 item. Price changed.`,
    );
  });
});

describe('itemsText', () => {
  it('counts items', () => {
    expect([0, 1, 2].map(itemsText)).toEqual(['0 items', '1 item', '2 items']);
  });
});
