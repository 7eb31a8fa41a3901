import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, formStrings, pageParam, requiredText, safeAdminPath } from './form';

describe('admin form helpers', () => {
  it('reads only the named string fields, cut to the limit plus one (so zod still says it is too long)', () => {
    const f = new FormData();
    f.set('title', 'x'.repeat(50));
    f.set('other', 'y');
    f.set('file', new Blob(['z']));
    expect(formStrings(f, ['title', 'file', 'missing'], 10)).toEqual({ title: 'x'.repeat(11) });
  });
  it('keeps the first message per field path', () => {
    const r = z
      .object({ a: z.string().min(2, 'too short'), v: z.array(z.object({ sku: z.string().min(1, 'Enter a SKU') })) })
      .safeParse({ a: '', v: [{ sku: '' }] });
    expect(fieldErrors(r.error!)).toEqual({ a: 'too short', 'v.0.sku': 'Enter a SKU' });
  });
  it('goes back only inside the staff area', () => {
    expect(safeAdminPath('/admin/products?q=x')).toBe('/admin/products?q=x');
    expect(safeAdminPath('/admin')).toBe('/admin');
    for (const bad of ['https://evil.example', '//evil.example', '/administrator', '/products', '/admin\\@evil', null, undefined])
      expect(safeAdminPath(bad)).toBe('/admin');
  });
});

describe('pageParam', () => {
  it('reads a whole page number from 1 and falls back to 1 for anything else', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam('10000')).toBe(10_000);
    for (const junk of [undefined, '', '0', '-2', '1.5', 'abc', '10001', ['2', '3'], '1e3x']) expect(pageParam(junk)).toBe(1);
  });
});

describe('requiredText', () => {
  const title = requiredText('a title', 10);
  const message = (v: unknown) => title.safeParse(v).error?.issues[0]?.message;
  it('trims, and says what to do when it is empty, too long or holds control characters', () => {
    expect(title.parse('  Felt  ')).toBe('Felt');
    expect(title.parse('Two\nlines')).toBe('Two\nlines');
    expect(message('   ')).toBe('Enter a title');
    expect(message(undefined)).toBe('Enter a title');
    expect(message('x'.repeat(11))).toBe('Keep a title under 10 characters');
    expect(message('bell\u0007')).toBe('Use letters, numbers and punctuation only in a title');
  });
});
