import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentError, parseContent } from './content-error';

describe('a content file that cannot be loaded', () => {
  const schema = z.object({ title: z.string().min(1, 'is required'), variants: z.array(z.object({ sku: z.string() })) });

  it('names the file and the field at fault', () => {
    let caught: unknown;
    try {
      parseContent('content/products/yak-socks.md', { title: 'Socks', variants: [{ sku: 1 }] }, schema);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ContentError);
    const e = caught as ContentError;
    expect(e.name).toBe('ContentError');
    expect(e.file).toBe('content/products/yak-socks.md');
    expect(e.field).toBe('variants.0.sku');
    expect(e.message).toMatch(/^content\/products\/yak-socks\.md: variants\.0\.sku /);
    expect(() => parseContent('a.md', { title: '', variants: [] }, schema)).toThrow('a.md: title is required');
  });

  it('says just the file when the whole document is wrong, and returns the parsed data when right', () => {
    expect(() => parseContent('b.md', 'text', schema)).toThrow(/^b\.md: [^ ]/);
    expect(new ContentError('c.md', '', 'is empty').message).toBe('c.md: is empty');
    expect(parseContent('d.md', { title: 'T', variants: [] }, schema)).toEqual({ title: 'T', variants: [] });
  });
});
