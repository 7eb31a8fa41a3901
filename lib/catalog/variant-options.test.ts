import { describe, expect, it } from 'vitest';
import { colourState, defaultVariant, findVariant, sizeState } from './variant-options';

const variants = [
  { id: 'a', size: 'S', colour: 'Oat', stock: 0 },
  { id: 'b', size: 'M', colour: 'Oat', stock: 3 },
  { id: 'c', size: 'M', colour: 'Charcoal', stock: 10 },
  { id: 'd', size: 'L', colour: 'Charcoal', stock: 0 },
];

describe('variant options', () => {
  it('marks combinations that do not exist as unavailable', () => {
    expect(sizeState(variants, 'S', 'Charcoal')).toBe('unavailable');
    expect(colourState(variants, 'Oat', 'L')).toBe('unavailable');
  });
  it('marks sold-out combinations', () => {
    expect(sizeState(variants, 'S', 'Oat')).toBe('sold-out');
    expect(sizeState(variants, 'L', null)).toBe('sold-out');
    expect(colourState(variants, 'Charcoal', 'L')).toBe('sold-out');
  });
  it('marks available ones', () => {
    expect(sizeState(variants, 'M', 'Oat')).toBe('available');
    expect(colourState(variants, 'Charcoal', null)).toBe('available');
  });
  it('finds the variant for a choice and picks an in-stock default', () => {
    expect(findVariant(variants, 'M', 'Charcoal')?.id).toBe('c');
    expect(findVariant(variants, 'S', 'Charcoal')).toBeUndefined();
    expect(defaultVariant(variants)?.id).toBe('b');
    expect(defaultVariant([variants[0]!])?.id).toBe('a');
  });
});
