import { describe, expect, it } from 'vitest';
import { isMaterial, MATERIAL_KEYS, MATERIALS, materialLabel } from './materials';

describe('the materials the shop sells', () => {
  it('the wool fibres count toward free Express; leather, ceramics, books and tea do not', () => {
    expect(MATERIAL_KEYS.filter((k) => MATERIALS[k].wool)).toEqual(['cashmere', 'yak', 'camel', 'sheep-wool', 'felt']);
    expect(MATERIAL_KEYS.filter((k) => !MATERIALS[k].wool)).toEqual(['leather', 'ceramics', 'books', 'tea']);
  });

  it('knows its own keys only (not Object’s), and labels them for people', () => {
    expect(isMaterial('yak')).toBe(true);
    expect(isMaterial('toString')).toBe(false);
    expect(isMaterial('silk')).toBe(false);
    expect(materialLabel('sheep-wool')).toBe('Sheep wool');
    expect(materialLabel('silk')).toBe('silk');
  });
});
