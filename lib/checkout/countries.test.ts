import { describe, expect, it } from 'vitest';
import { countryName, countryOptions, SHIPPING_COUNTRIES } from './countries';

describe('where the shop ships', () => {
  it('names every destination in English from its ISO code, home markets first', () => {
    const options = countryOptions();
    expect(options).toHaveLength(SHIPPING_COUNTRIES.length);
    expect(options.slice(0, 3)).toEqual([
      { code: 'US', name: 'United States' },
      { code: 'CA', name: 'Canada' },
      { code: 'MN', name: 'Mongolia' },
    ]);
    for (const o of options) expect(o.name, o.code).not.toBe(o.code);
  });

  it('falls back to the code for a region Intl does not know', () => {
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('XZ')).toBe('XZ');
  });
});
