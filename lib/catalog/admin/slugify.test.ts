import { describe, expect, it } from 'vitest';
import { isSlug } from '../../slug';
import { slugify } from './slugify';

describe('slugify', () => {
  it('makes a valid slug from a title', () => {
    expect(slugify('Gobi Crew-Neck Sweater (Oat)')).toBe('gobi-crew-neck-sweater-oat');
    expect(slugify('  Ündür Gegeen & the Felt  ')).toBe('undur-gegeen-and-the-felt');
    expect(isSlug(slugify('Ärkhangai — yak wool socks!!'))).toBe(true);
  });
  it('gives an empty string when nothing is left, and never ends on a hyphen when cut', () => {
    expect(slugify('—!!—')).toBe('');
    const long = slugify('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(isSlug(long)).toBe(true);
  });
});
