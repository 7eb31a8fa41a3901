import { describe, expect, it } from 'vitest';
import { blogPathKey, parseBlogPathKey, parseBlogQuery } from './list-query';

describe('blog index query', () => {
  it('reads tag and page, ignoring nonsense', () => {
    expect(parseBlogQuery({ tag: 'Red-Army', page: '2' })).toEqual({ tag: 'red-army', page: 2 });
    expect(parseBlogQuery({ tag: '<script>', page: '-4' })).toEqual({ tag: null, page: 1 });
  });
  it('round-trips through the cached path key', () => {
    const q = { tag: 'history', page: 3 };
    expect(parseBlogPathKey(blogPathKey(q))).toEqual(q);
    expect(blogPathKey({ tag: null, page: 1 })).toBe('_');
    expect(parseBlogPathKey('%E0%A4%A')).toEqual({ tag: null, page: 1 });
  });
});
