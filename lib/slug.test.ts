import { describe, expect, it } from 'vitest';
import { isSlug, MAX_SLUG_LENGTH } from './slug';

describe('what a slug may look like', () => {
  it('lower-case words and digits joined by single hyphens, up to the length limit', () => {
    for (const ok of ['yak-wool-socks', 'a', '1934', 'x'.repeat(MAX_SLUG_LENGTH)]) expect(isSlug(ok), ok).toBe(true);
  });

  it('nothing else: capitals, spaces, double or edge hyphens, NUL bytes, too long', () => {
    for (const bad of ['', 'Yak', 'yak socks', 'yak--socks', '-yak', 'yak-', 'yak\0', 'yak_socks', 'як', 'x'.repeat(MAX_SLUG_LENGTH + 1)]) {
      expect(isSlug(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
