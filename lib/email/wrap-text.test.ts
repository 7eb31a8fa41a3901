import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text';

describe('wrapText', () => {
  it('keeps a line of exactly the width whole, and moves the word that would pass it to the next line', () => {
    const exactly = `${'a'.repeat(37)} ${'b'.repeat(38)}`;
    expect(exactly.length).toBe(76);
    expect(wrapText(exactly)).toEqual([exactly]);
    expect(wrapText(`${exactly}c`)).toEqual(['a'.repeat(37), `${'b'.repeat(38)}c`]);
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('one two three', 6)).toEqual(['one', 'two', 'three']);
  });

  it('never breaks a word, however long (a link)', () => {
    const link = `https://shop.example/orders/MN-100001?t=${'x'.repeat(90)}`;
    expect(wrapText(`View it: ${link} soon`)).toEqual(['View it:', link, 'soon']);
  });

  it('turns runs of spaces and line breaks into one space, and nothing into no lines', () => {
    expect(wrapText('  Paid   by\ncard. \t Thank you  ')).toEqual(['Paid by card. Thank you']);
    expect(wrapText('')).toEqual([]);
    expect(wrapText('   \n ')).toEqual([]);
  });
});
